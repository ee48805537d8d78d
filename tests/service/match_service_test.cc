// MatchService through a real server: the signals behind a ranking, the
// reason a coordinator reads, filters, feedback that changes later rankings,
// and a thesaurus reloaded without a restart.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>

#include "renkei/v1/match.grpc.pb.h"
#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

double SignalOf(const v1::SeedSuggestion& s, const std::string& name) {
  for (const auto& signal : s.signals()) {
    if (signal.name() == name) return signal.contribution();
  }
  return 0;
}

class MatchServiceTest : public ApiTest {
 protected:
  MatchServiceTest() : match_(v1::MatchService::NewStub(server_.channel())) {}

  v1::Organization Institution(const std::string& name, v1::OrganizationKind kind) {
    v1::Organization o;
    o.set_kind(kind);
    o.set_display_name(name);
    o.mutable_address()->set_city("一関市");
    o.mutable_address()->set_district("一関");
    return CreateOrganization(o);
  }

  v1::Seed Seed(const std::string& institution, const std::string& researcher,
                const std::string& title, const std::string& summary) {
    v1::CreateSeedRequest request;
    request.mutable_seed()->set_institution(institution);
    if (!researcher.empty()) request.mutable_seed()->add_researchers(researcher);
    request.mutable_seed()->set_title(title);
    request.mutable_seed()->set_summary(summary);
    v1::Seed created;
    EXPECT_OK(seeds_->CreateSeed(Context().get(), request, &created));
    return created;
  }

  v1::Need Need(const std::string& company, const std::string& title, const std::string& body) {
    v1::CreateNeedRequest request;
    request.mutable_need()->set_company(company);
    request.mutable_need()->set_title(title);
    request.mutable_need()->set_body(body);
    v1::Need created;
    EXPECT_OK(needs_->CreateNeed(Context().get(), request, &created));
    return created;
  }

  v1::SeedSuggestions ForNeed(const std::string& need, v1::MatchFilters filters = {}) {
    v1::SuggestForNeedRequest request;
    request.set_need(need);
    *request.mutable_filters() = filters;
    v1::SeedSuggestions response;
    EXPECT_OK(match_->SuggestForNeed(Context().get(), request, &response));
    return response;
  }

  std::vector<std::string> Ranking(const v1::SeedSuggestions& response) {
    std::vector<std::string> names;
    for (const auto& s : response.suggestions()) names.push_back(s.seed().name());
    return names;
  }

  void Collaborate(const std::string& a, const std::string& b, const std::string& person) {
    v1::CreateCollaborationRequest request;
    v1::Collaboration* x = request.mutable_collaboration();
    x->set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
    x->set_title("共同研究");
    x->add_participants()->set_organization(a);
    auto* p = x->add_participants();
    p->set_organization(b);
    p->set_person(person);
    *x->mutable_start_date() = MakeDate(2023, 6, 1);
    v1::Collaboration created;
    ASSERT_OK(collaborations_->CreateCollaboration(Context().get(), request, &created));
  }

  std::unique_ptr<v1::MatchService::Stub> match_;
};

TEST_F(MatchServiceTest, SuggestionsCarryResearchersSignalsAndAReason) {
  const v1::Organization kosen = Institution("一関工業高等専門学校", v1::ORGANIZATION_KIND_ACADEMIC);
  const v1::Person sato = CreateResearcher(kosen.name(), "佐藤 一郎");
  const v1::Organization company = CreateCompany("株式会社千厩精密");
  const v1::Seed hit = Seed(kosen.name(), sato.name(), "無電解ニッケルめっきの密着不良の解析",
                            "めっき皮膜の剥がれを断面観察で調べる。");
  Seed(kosen.name(), "", "振動による予知保全", "回転機械の軸受の異常を見つける。");
  const v1::Need need = Need(company.name(), "めっきが剥がれる", "出荷後にめっきの剥がれが見つかる。");
  const v1::SeedSuggestions response = ForNeed(need.name());
  ASSERT_GE(response.suggestions_size(), 1);
  const v1::SeedSuggestion& top = response.suggestions(0);
  EXPECT_EQ(top.seed().name(), hit.name());
  EXPECT_EQ(top.rank(), 1);
  EXPECT_EQ(top.institution().display_name(), "一関工業高等専門学校");
  ASSERT_EQ(top.researchers_size(), 1);
  EXPECT_EQ(top.researchers(0).display_name(), "佐藤 一郎");
  EXPECT_GT(SignalOf(top, "text"), 0);
  EXPECT_THAT(top.reason(), HasSubstr("めっき"));
  EXPECT_THAT(top.reason(), HasSubstr("が一致"));
  double sum = 0;
  for (const auto& s : top.signals()) sum += s.contribution();
  EXPECT_NEAR(sum, top.score(), 1e-9);
}

// Answers are kept while the data is unchanged (SuggestionCache); the same
// question after any write of a record matching reads is answered anew.
TEST_F(MatchServiceTest, AnAnswerAskedAgainIsNeverOlderThanTheData) {
  const v1::Organization kosen = Institution("一関工業高等専門学校", v1::ORGANIZATION_KIND_ACADEMIC);
  const v1::Organization company = CreateCompany("株式会社千厩精密");
  const v1::Seed plating = Seed(kosen.name(), "", "めっき皮膜の密着性評価", "めっきの剥がれを調べる。");
  const v1::Need need = Need(company.name(), "めっきが剥がれる", "めっきの剥がれが出る。");
  EXPECT_THAT(Ranking(ForNeed(need.name())), ElementsAre(plating.name()));
  EXPECT_THAT(Ranking(ForNeed(need.name())), ElementsAre(plating.name()));  // kept
  const v1::Seed second = Seed(kosen.name(), "", "めっきの剥がれの断面観察", "めっき皮膜を切って見る。");
  EXPECT_THAT(Ranking(ForNeed(need.name())), ::testing::UnorderedElementsAre(plating.name(), second.name()));
  v1::DeleteSeedRequest remove;
  remove.set_name(second.name());
  remove.set_etag(second.etag());
  v1::DeleteResponse deleted;
  ASSERT_OK(seeds_->DeleteSeed(Context().get(), remove, &deleted));
  EXPECT_THAT(Ranking(ForNeed(need.name())), ElementsAre(plating.name()));
}

TEST_F(MatchServiceTest, TheSameResearchersOtherWorkJoinsTheList) {
  const v1::Organization kennan =
      Institution("岩手県南技術研究センター", v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
  const v1::Person kudo = CreateResearcher(kennan.name(), "工藤 健");
  const v1::Person ono = CreateResearcher(kennan.name(), "小野 里美");
  const v1::Organization company = CreateCompany("株式会社千厩精密");
  const v1::Seed hit = Seed(kennan.name(), kudo.name(), "めっき皮膜の密着不良の原因解析",
                            "めっきの剥がれを断面観察と元素分析で調べる。");
  // Shares no word with the need, but is the same laboratory's work.
  const v1::Seed neighbour = Seed(kennan.name(), kudo.name(), "ねじの締付け管理",
                                  "トルクと軸力の関係を測る。");
  const v1::Seed stranger = Seed(kennan.name(), ono.name(), "木材の乾燥条件の最適化",
                                 "製材の割れと反りを抑える。");
  const v1::Need need = Need(company.name(), "めっきが剥がれる", "出荷後にめっきの剥がれが見つかる。");
  const v1::SeedSuggestions response = ForNeed(need.name());
  // The stranger may follow on a faint match (feedback terms), never before.
  const std::vector<std::string> ranking = Ranking(response);
  ASSERT_GE(ranking.size(), 2u);
  EXPECT_EQ(ranking[0], hit.name());
  EXPECT_EQ(ranking[1], neighbour.name());
  const v1::SeedSuggestion& second = response.suggestions(1);
  EXPECT_EQ(SignalOf(second, "text"), 0);
  EXPECT_GT(SignalOf(second, "researcher"), 0);
  EXPECT_THAT(second.reason(), HasSubstr("同じ研究者の「めっき皮膜の密着不良の原因解析」が合う"));
  // The hit gets nothing for itself: its researcher's other work does not match.
  EXPECT_EQ(SignalOf(response.suggestions(0), "researcher"), 0);
}

TEST_F(MatchServiceTest, SharedNetworksAndEarlierWorkLiftASeed) {
  const v1::Organization kosen = Institution("一関工業高等専門学校", v1::ORGANIZATION_KIND_ACADEMIC);
  const v1::Organization kennan =
      Institution("岩手県南技術研究センター", v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
  const v1::Person abe = CreateResearcher(kennan.name(), "阿部 花子");
  const v1::Organization company = CreateCompany("株式会社千厩精密");
  // Two seeds that answer the need equally well in words.
  const v1::Seed a = Seed(kosen.name(), "", "樹脂成形品の外観検査", "成形品の傷を画像で検査する。");
  const v1::Seed b = Seed(kennan.name(), abe.name(), "樹脂成形品の外観検査", "成形品の傷を画像で検査する。");
  const v1::Need need = Need(company.name(), "成形品の傷を見逃す", "外観検査で傷を見逃す。");
  EXPECT_EQ(Ranking(ForNeed(need.name())).front(), a.name());  // ties go by id
  // The company and 県南技研 share a network and worked together.
  const v1::Network club = CreateNetwork("岩手県南技術研究センター賛助会員");
  AddMember(club.name(), company.name());
  AddMember(club.name(), kennan.name());
  Collaborate(company.name(), kennan.name(), abe.name());
  const v1::SeedSuggestions response = ForNeed(need.name());
  ASSERT_EQ(Ranking(response).front(), b.name());
  EXPECT_GT(SignalOf(response.suggestions(0), "graph"), 0);
  EXPECT_THAT(response.suggestions(0).reason(), HasSubstr("岩手県南技術研究センター賛助会員"));
  EXPECT_THAT(response.suggestions(0).reason(), HasSubstr("2023年度に連携の実績"));
  // Leaving out those the company already works with drops it.
  v1::MatchFilters filters;
  filters.set_exclude_collaborating(true);
  EXPECT_THAT(Ranking(ForNeed(need.name(), filters)), ElementsAre(a.name()));
  filters.Clear();
  filters.set_institution(kosen.name());
  EXPECT_THAT(Ranking(ForNeed(need.name(), filters)), ElementsAre(a.name()));
}

TEST_F(MatchServiceTest, FeedbackChangesLaterRankingsForSimilarNeeds) {
  const v1::Organization kosen = Institution("一関工業高等専門学校", v1::ORGANIZATION_KIND_ACADEMIC);
  const v1::Organization company = CreateCompany("株式会社千厩精密");
  const v1::Seed first = Seed(kosen.name(), "", "金型の摩耗の計測", "プレス金型の摩耗を測る。");
  const v1::Seed second = Seed(kosen.name(), "", "金型の摩耗の予測", "プレス金型の摩耗を予測する。");
  const v1::Need earlier = Need(company.name(), "プレス金型の摩耗", "金型の摩耗で不良が出る。");
  const std::vector<std::string> before = Ranking(ForNeed(earlier.name()));
  ASSERT_EQ(before.size(), 2u);
  // The coordinator says the first suggestion did not help.
  v1::RecordFeedbackRequest feedback;
  feedback.mutable_feedback()->set_need(earlier.name());
  feedback.mutable_feedback()->set_suggestion(before[0]);
  feedback.mutable_feedback()->set_label(v1::FEEDBACK_LABEL_NOT_USEFUL);
  feedback.mutable_feedback()->set_note("計測ではなく予測が必要だった");
  v1::Feedback recorded;
  ASSERT_OK(match_->RecordFeedback(Context().get(), feedback, &recorded));
  EXPECT_THAT(recorded.name(), ::testing::StartsWith("feedback/"));
  // A later, similar need from another company ranks it lower.
  const v1::Organization other = CreateCompany("株式会社大東プレス", "大東");
  const v1::Need later = Need(other.name(), "プレス金型の摩耗が早い", "金型の摩耗で不良が増えた。");
  const v1::SeedSuggestions after = ForNeed(later.name());
  EXPECT_THAT(Ranking(after), ElementsAre(before[1], before[0]));
  EXPECT_LT(SignalOf(after.suggestions(1), "feedback"), 0);
  EXPECT_THAT(after.suggestions(1).reason(), HasSubstr("役に立たなかった"));
  // An unrelated need is not affected.
  const v1::Need unrelated = Need(other.name(), "金型の錆", "保管中の金型が錆びる。");
  const v1::SeedSuggestions unaffected = ForNeed(unrelated.name());
  for (const auto& s : unaffected.suggestions()) EXPECT_EQ(SignalOf(s, "feedback"), 0);
  v1::ListFeedbackRequest list;
  list.set_suggestion(before[0]);
  v1::ListFeedbackResponse listed;
  ASSERT_OK(match_->ListFeedback(Context().get(), list, &listed));
  EXPECT_EQ(listed.feedback_size(), 1);
}

TEST_F(MatchServiceTest, TextInWordsStoresNothing) {
  const v1::Organization kosen = Institution("一関工業高等専門学校", v1::ORGANIZATION_KIND_ACADEMIC);
  const v1::Seed seed = Seed(kosen.name(), "", "打音検査の自動判定", "叩いた音で内部の欠陥を判定する。");
  const int64_t revision = Revision();
  v1::SuggestForTextRequest request;
  request.set_text("ハンマーで叩いて音で確かめる検査を自動にしたい");
  v1::SeedSuggestions response;
  ASSERT_OK(match_->SuggestForText(Context().get(), request, &response));
  ASSERT_GE(response.suggestions_size(), 1);
  EXPECT_EQ(response.suggestions(0).seed().name(), seed.name());
  EXPECT_EQ(Revision(), revision);
  request.set_text("");
  grpc::Status status = match_->SuggestForText(Context().get(), request, &response);
  EXPECT_EQ(FieldViolations(status)[0].first, "text");
}

// The three subjects are checked alike. SuggestForSeed and SuggestPartners
// used to answer an empty name with "\"\" is not a resource name: it is
// empty" where SuggestForNeed said "is required".
TEST_F(MatchServiceTest, EmptySubjectIsRequired) {
  v1::SeedSuggestions seeds;
  v1::OrganizationSuggestions organizations;
  EXPECT_THAT(FieldViolations(
                  match_->SuggestForNeed(Context().get(), v1::SuggestForNeedRequest(), &seeds)),
              ElementsAre(Pair("need", "is required")));
  EXPECT_THAT(FieldViolations(match_->SuggestForSeed(
                  Context().get(), v1::SuggestForSeedRequest(), &organizations)),
              ElementsAre(Pair("seed", "is required")));
  EXPECT_THAT(FieldViolations(match_->SuggestPartners(
                  Context().get(), v1::SuggestPartnersRequest(), &organizations)),
              ElementsAre(Pair("organization", "is required")));
}

TEST_F(MatchServiceTest, CompaniesForASeedAndPartnersForACompany) {
  const v1::Organization kosen = Institution("一関工業高等専門学校", v1::ORGANIZATION_KIND_ACADEMIC);
  const v1::Seed seed = Seed(kosen.name(), "", "めっき排水のニッケル除去", "吸着材でめっき排水を処理する。");
  v1::Organization plater;
  plater.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  plater.set_display_name("株式会社一関鍍金工業");
  plater.add_jsic_codes("2464");
  plater.set_description("亜鉛めっきと無電解ニッケルめっき。");
  plater = CreateOrganization(plater);
  const v1::Need need = Need(plater.name(), "排水のニッケルを下げたい", "めっき排水の基準が厳しくなる。");
  v1::Organization maker;
  maker.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  maker.set_display_name("株式会社大東オートパーツ");
  maker.add_jsic_codes("3113");
  maker = CreateOrganization(maker);
  v1::SuggestForSeedRequest for_seed;
  for_seed.set_seed(seed.name());
  v1::OrganizationSuggestions companies;
  ASSERT_OK(match_->SuggestForSeed(Context().get(), for_seed, &companies));
  ASSERT_GE(companies.suggestions_size(), 1);
  EXPECT_EQ(companies.suggestions(0).organization().name(), plater.name());
  EXPECT_THAT(companies.suggestions(0).related_needs(), ElementsAre(need.name()));
  // 受発注: plating (24) supplies transport equipment (31).
  v1::SuggestPartnersRequest partners;
  partners.set_organization(plater.name());
  v1::OrganizationSuggestions found;
  ASSERT_OK(match_->SuggestPartners(Context().get(), partners, &found));
  ASSERT_GE(found.suggestions_size(), 1);
  bool supply = false;
  for (const auto& s : found.suggestions()) {
    if (s.organization().name() != maker.name()) continue;
    for (const auto& signal : s.signals()) supply = supply || signal.detail().find("受発注") != std::string::npos;
  }
  EXPECT_TRUE(supply);
}

TEST(MatchServiceThesaurusTest, ReloadsWithoutARestart) {
  TempDir thesaurus;
  std::ofstream(thesaurus.path() + "/test.txt") << "鍍金 = めっき\n";
  TestServer server([&](ServerOptions& options) { options.thesaurus_dir = thesaurus.path(); });
  auto organizations = v1::OrganizationService::NewStub(server.channel());
  auto seeds = v1::SeedService::NewStub(server.channel());
  auto match = v1::MatchService::NewStub(server.channel());
  v1::CreateOrganizationRequest org;
  org.mutable_organization()->set_kind(v1::ORGANIZATION_KIND_ACADEMIC);
  org.mutable_organization()->set_display_name("一関工業高等専門学校");
  v1::Organization kosen;
  ASSERT_OK(organizations->CreateOrganization(Context().get(), org, &kosen));
  v1::CreateSeedRequest seed;
  seed.mutable_seed()->set_institution(kosen.name());
  seed.mutable_seed()->set_title("超微細気泡による部品洗浄");
  v1::Seed created;
  ASSERT_OK(seeds->CreateSeed(Context().get(), seed, &created));
  v1::SuggestForTextRequest request;
  request.set_text("UFBで洗いたい");
  v1::SeedSuggestions before;
  ASSERT_OK(match->SuggestForText(Context().get(), request, &before));
  EXPECT_EQ(before.suggestions_size(), 0);
  std::ofstream(thesaurus.path() + "/bubbles.txt") << "UFB = 超微細気泡 = ウルトラファインバブル\n";
  v1::ThesaurusInfo info;
  ASSERT_OK(match->ReloadThesaurus(Context().get(), v1::ReloadThesaurusRequest(), &info));
  EXPECT_EQ(info.groups(), 2);
  v1::SeedSuggestions after;
  ASSERT_OK(match->SuggestForText(Context().get(), request, &after));
  ASSERT_EQ(after.suggestions_size(), 1);
  EXPECT_THAT(after.suggestions(0).matched_terms(), ::testing::Contains(HasSubstr("超微細気泡")));
  // A broken file is refused and the loaded thesaurus stays.
  std::ofstream(thesaurus.path() + "/broken.txt") << "a = b ~ c\n";
  grpc::Status refused = match->ReloadThesaurus(Context().get(), v1::ReloadThesaurusRequest(), &info);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.error_message(), HasSubstr("broken.txt:1"));
  ASSERT_OK(match->SuggestForText(Context().get(), request, &after));
  EXPECT_EQ(after.suggestions_size(), 1);
}

}  // namespace
}  // namespace renkei::testing
