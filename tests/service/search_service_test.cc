// SearchService through a real server: ranking, snippets, filters, paging,
// the thesaurus, and an index that follows every write.
#include <fstream>

#include <gmock/gmock.h>

#include "renkei/v1/match.grpc.pb.h"
#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class SearchServiceTest : public ApiTest {
 protected:
  SearchServiceTest() : search_(v1::SearchService::NewStub(server_.channel())) {}

  v1::Seed Seed(const std::string& institution, const std::string& title,
                const std::string& summary = "", std::vector<std::string> keywords = {}) {
    v1::CreateSeedRequest request;
    request.mutable_seed()->set_institution(institution);
    request.mutable_seed()->set_title(title);
    request.mutable_seed()->set_summary(summary);
    for (const auto& k : keywords) request.mutable_seed()->add_keywords(k);
    v1::Seed created;
    EXPECT_OK(seeds_->CreateSeed(Context().get(), request, &created));
    return created;
  }

  std::vector<std::string> Names(const v1::SearchSeedsResponse& response) {
    std::vector<std::string> names;
    for (const auto& r : response.results()) names.push_back(r.seed().name());
    return names;
  }

  v1::SearchSeedsResponse SearchSeeds(v1::SearchSeedsRequest request) {
    v1::SearchSeedsResponse response;
    EXPECT_OK(search_->SearchSeeds(Context().get(), request, &response));
    return response;
  }

  v1::SearchSeedsResponse SearchSeeds(const std::string& query) {
    v1::SearchSeedsRequest request;
    request.set_query(query);
    return SearchSeeds(request);
  }

  std::unique_ptr<v1::SearchService::Stub> search_;
};

TEST_F(SearchServiceTest, RanksTheTitleAboveTheSummaryAndShowsWhy) {
  const std::string kosen = CreateCompany("一関工業高等専門学校").name();
  const v1::Seed title = Seed(kosen, "無電解めっき皮膜の密着性評価");
  const v1::Seed summary = Seed(kosen, "表面処理の不良解析", "樹脂部品のめっき前処理も扱う。");
  Seed(kosen, "振動解析による予知保全", "回転機械の軸受の異常を振動で見つける。");
  v1::SearchSeedsRequest request;
  request.set_query("めっき");
  request.mutable_options()->set_without_thesaurus(true);  // the words alone
  const v1::SearchSeedsResponse response = SearchSeeds(request);
  EXPECT_THAT(Names(response), ElementsAre(title.name(), summary.name()));
  EXPECT_GT(response.results(0).hit().score(), response.results(1).hit().score());
  EXPECT_THAT(response.results(0).hit().matched_terms(), Contains("めっき"));
  // The summary's snippet marks the word where it stands.
  const v1::Snippet* snippet = nullptr;
  for (const auto& s : response.results(1).hit().snippets()) {
    if (s.field() == "summary") snippet = &s;
  }
  ASSERT_NE(snippet, nullptr);
  ASSERT_EQ(snippet->highlights_size(), 1);
  EXPECT_EQ(snippet->highlights(0).start(), 5);  // 樹脂部品の|めっき
  EXPECT_EQ(snippet->highlights(0).end(), 8);
}

TEST_F(SearchServiceTest, WidthAndKanaVariantsFindTheSameRecords) {
  const std::string kosen = CreateCompany("一関工業高等専門学校").name();
  const v1::Seed seed = Seed(kosen, "ＩｏＴセンサーによる稼働監視");
  for (const char* query : {"IoT", "iot センサ", "ｾﾝｻｰ"}) {
    EXPECT_THAT(Names(SearchSeeds(query)), ElementsAre(seed.name())) << query;
  }
}

TEST_F(SearchServiceTest, FiltersAndPages) {
  const std::string kosen = CreateCompany("一関工業高等専門学校").name();
  const std::string kennan = CreateCompany("岩手県南技術研究センター").name();
  for (int i = 0; i < 12; ++i) Seed(i % 2 == 0 ? kosen : kennan, "画像検査の自動化 " + std::to_string(i));
  v1::SearchSeedsRequest request;
  request.set_query("画像検査");
  request.set_institution(kennan);
  request.set_page_size(4);
  std::set<std::string> seen;
  int pages = 0;
  while (true) {
    v1::SearchSeedsResponse page = SearchSeeds(request);
    for (const auto& r : page.results()) {
      EXPECT_EQ(r.seed().institution(), kennan);
      EXPECT_TRUE(seen.insert(r.seed().name()).second) << "repeated";
    }
    ++pages;
    if (page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  EXPECT_EQ(seen.size(), 6u);
  EXPECT_EQ(pages, 2);
  // A token only continues its own search.
  v1::SearchSeedsRequest first;
  first.set_query("画像検査");
  first.set_page_size(4);
  v1::SearchSeedsResponse page = SearchSeeds(first);
  ASSERT_FALSE(page.next_page_token().empty());
  v1::SearchSeedsRequest other;
  other.set_query("振動");
  other.set_page_token(page.next_page_token());
  v1::SearchSeedsResponse refused;
  grpc::Status status = search_->SearchSeeds(Context().get(), other, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "page_token");
}

TEST_F(SearchServiceTest, TheIndexFollowsUpdatesAndDeletes) {
  const std::string kosen = CreateCompany("一関工業高等専門学校").name();
  const v1::Seed seed = Seed(kosen, "溶接ひずみの予測");
  EXPECT_THAT(Names(SearchSeeds("溶接")), ElementsAre(seed.name()));
  v1::UpdateSeedRequest update;
  update.mutable_seed()->set_name(seed.name());
  update.mutable_seed()->set_title("射出成形のそり予測");
  update.mutable_update_mask()->add_paths("title");
  v1::Seed updated;
  ASSERT_OK(seeds_->UpdateSeed(Context().get(), update, &updated));
  EXPECT_TRUE(Names(SearchSeeds("溶接")).empty());
  EXPECT_THAT(Names(SearchSeeds("射出成形")), ElementsAre(seed.name()));
  v1::DeleteSeedRequest remove;
  remove.set_name(seed.name());
  v1::DeleteResponse deleted;
  ASSERT_OK(seeds_->DeleteSeed(Context().get(), remove, &deleted));
  EXPECT_TRUE(Names(SearchSeeds("射出成形")).empty());
  // And after a restart the index is still there, not rebuilt.
  Seed(kosen, "木材乾燥の省エネ");
  Restart();
  search_ = v1::SearchService::NewStub(server_.channel());
  EXPECT_EQ(SearchSeeds("木材乾燥").results_size(), 1);
}

TEST_F(SearchServiceTest, OrganizationsPeopleAndNeedsToo) {
  v1::Organization company;
  company.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  company.set_display_name("株式会社千厩プラスチック");
  company.set_description("自動車部品の射出成形を行う。");
  company.add_products()->set_display_name("ドアトリム");
  company = CreateOrganization(company);
  CreateNeed(company.name(), "成形品のそりを減らしたい");
  CreateResearcher(company.name(), "佐藤 花子");
  v1::SearchOrganizationsRequest organizations;
  organizations.set_query("射出成形");
  organizations.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  v1::SearchOrganizationsResponse found;
  ASSERT_OK(search_->SearchOrganizations(Context().get(), organizations, &found));
  ASSERT_EQ(found.results_size(), 1);
  v1::SearchNeedsRequest needs;
  needs.set_query("そり");
  v1::SearchNeedsResponse need_hits;
  ASSERT_OK(search_->SearchNeeds(Context().get(), needs, &need_hits));
  ASSERT_EQ(need_hits.results_size(), 1);
  v1::SearchPeopleRequest people;
  people.set_query("佐藤");
  v1::SearchPeopleResponse person_hits;
  ASSERT_OK(search_->SearchPeople(Context().get(), people, &person_hits));
  EXPECT_EQ(person_hits.results_size(), 1);
}

TEST_F(SearchServiceTest, RefusesAnEmptyQuery) {
  v1::SearchSeedsRequest request;
  request.set_query("　 、。");
  v1::SearchSeedsResponse response;
  grpc::Status status = search_->SearchSeeds(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "query");
}

}  // namespace
}  // namespace renkei::testing
