// What each caller may see, on every path that hands records out: Get,
// List, Search, Suggest, the change feed, server information and the CLI's
// export. A coordinators-only need of company A never reaches company B or a
// reader; contact details and hidden seeds stay with coordinators.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "renkei/v1/change.grpc.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "renkei/v1/system.pb.h"
#include "tests/access/access_world.h"
#include "tests/run_binary.h"

namespace renkei::testing {
namespace {

using ::testing::Contains;
using ::testing::Not;

class VisibilityTest : public ::testing::Test {
 protected:
  VisibilityTest() : world_(BuildWorld(server_)) {}

  std::shared_ptr<grpc::Channel> ChannelOf(testing::As as) {
    return server_.ChannelWithToken(world_.tokens.at(as));
  }
  template <typename Response>
  Response Ok(testing::As as, const std::string& method, const google::protobuf::Message& request) {
    Response response;
    EXPECT_OK(CallUnary(ChannelOf(as), "renkei.v1." + method, request, &response)) << method;
    return response;
  }
  std::vector<std::string> NeedNames(testing::As as) {
    std::vector<std::string> names;
    v1::ListNeedsRequest request;
    request.set_page_size(1);  // pages of one: filtering keeps the tokens going
    do {
      auto page = Ok<v1::ListNeedsResponse>(as, "NeedService.ListNeeds", request);
      for (const v1::Need& need : page.needs()) names.push_back(need.name());
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    return names;
  }
  std::vector<std::string> SearchedNeeds(testing::As as, const std::string& query) {
    v1::SearchNeedsRequest request;
    request.set_query(query);
    std::vector<std::string> names;
    const auto found = Ok<v1::SearchNeedsResponse>(as, "SearchService.SearchNeeds", request);
    for (const auto& hit : found.results()) names.push_back(hit.need().name());
    return names;
  }
  std::vector<v1::Change> Changes(testing::As as) {
    auto stub = v1::ChangeService::NewStub(ChannelOf(as));
    v1::WatchChangesRequest request;
    request.set_stop_at_head(true);
    auto context = Context();
    auto reader = stub->WatchChanges(context.get(), request);
    std::vector<v1::Change> changes;
    v1::Change change;
    while (reader->Read(&change)) changes.push_back(change);
    EXPECT_OK(reader->Finish());
    return changes;
  }

  TestServer server_;
  World world_;
};

TEST_F(VisibilityTest, ACoordinatorsOnlyNeedOfANeverReachesBOrAReader) {
  // The paths find it for those who may see it …
  EXPECT_THAT(NeedNames(As::kCompanyA), Contains(world_.need_a));
  EXPECT_THAT(NeedNames(As::kCoordinator), Contains(world_.need_a));
  EXPECT_THAT(SearchedNeeds(As::kCoordinator, "ニッケル"), Contains(world_.need_a));
  // … and never for B or a reader.
  for (testing::As as : {As::kCompanyB, As::kReader}) {
    SCOPED_TRACE(CallerName(as));
    v1::GetNeedRequest get;
    get.set_name(world_.need_a);
    v1::Need need;
    const grpc::Status refused = CallUnary(ChannelOf(as), "renkei.v1.NeedService.GetNeed", get, &need);
    EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(need.title(), "");
    EXPECT_THAT(NeedNames(as), Not(Contains(world_.need_a)));
    EXPECT_THAT(NeedNames(as), Contains(world_.public_need_a));
    EXPECT_THAT(SearchedNeeds(as, "ニッケル"), Not(Contains(world_.need_a)));
    for (const v1::Change& change : Changes(as)) {
      EXPECT_NE(change.name(), world_.need_a);
      EXPECT_THAT(change.DebugString(), Not(::testing::HasSubstr("ニッケル濃度")));
    }
  }
  // B sees its own coordinators-only need; A does not.
  EXPECT_THAT(NeedNames(As::kCompanyB), Contains(world_.need_b));
  EXPECT_THAT(NeedNames(As::kCompanyA), Not(Contains(world_.need_b)));
}

TEST_F(VisibilityTest, SuggestionsNeverCiteANeedTheCallerMayNotSee) {
  v1::SuggestForSeedRequest request;
  request.set_seed(world_.hidden_seed);  // めっき排水からのニッケル回収
  auto cited = [&](testing::As as) {
    std::vector<std::string> needs;
    const auto suggestions =
        Ok<v1::OrganizationSuggestions>(as, "MatchService.SuggestForSeed", request);
    for (const auto& s : suggestions.suggestions()) {
      needs.insert(needs.end(), s.related_needs().begin(), s.related_needs().end());
    }
    return needs;
  };
  EXPECT_THAT(cited(As::kCoordinator), Contains(world_.need_a));
  EXPECT_THAT(cited(As::kReader), Not(Contains(world_.need_a)));
  v1::SuggestPartnersRequest partners;
  partners.set_organization(world_.company_b);
  const auto found =
      Ok<v1::OrganizationSuggestions>(As::kReader, "MatchService.SuggestPartners", partners);
  for (const auto& s : found.suggestions()) {
    EXPECT_THAT(s.related_needs(), Not(Contains(world_.need_b)));
  }
}

TEST_F(VisibilityTest, HiddenSeedsStayWithCoordinators) {
  v1::SuggestForTextRequest text;
  text.set_text("めっき排水のニッケルを回収したい");
  auto suggested = [&](testing::As as) {
    std::vector<std::string> seeds;
    const auto suggestions = Ok<v1::SeedSuggestions>(as, "MatchService.SuggestForText", text);
    for (const auto& s : suggestions.suggestions()) {
      seeds.push_back(s.seed().name());
    }
    return seeds;
  };
  // Asked in turn, as answers are kept per role and organization: one
  // caller's kept answer never reaches another.
  EXPECT_THAT(suggested(As::kCoordinator), Contains(world_.hidden_seed));
  EXPECT_THAT(suggested(As::kCompanyA), Not(Contains(world_.hidden_seed)));
  EXPECT_THAT(suggested(As::kCoordinator), Contains(world_.hidden_seed));
  EXPECT_THAT(suggested(As::kCompanyB), Not(Contains(world_.hidden_seed)));
  v1::SearchSeedsRequest search;
  search.set_query("ニッケル");
  EXPECT_EQ(Ok<v1::SearchSeedsResponse>(As::kCompanyA, "SearchService.SearchSeeds", search)
                .results_size(),
            0);
  v1::GetSeedRequest get;
  get.set_name(world_.hidden_seed);
  v1::Seed seed;
  EXPECT_EQ(CallUnary(ChannelOf(As::kCompanyA), "renkei.v1.SeedService.GetSeed", get, &seed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(VisibilityTest, ContactDetailsAreShownOnlyWhereAllowed) {
  auto phone = [&](testing::As as, const std::string& person) {
    v1::GetPersonRequest request;
    request.set_name(person);
    return Ok<v1::Person>(as, "PersonService.GetPerson", request).contact().phone();
  };
  EXPECT_EQ(phone(As::kCoordinator, world_.researcher), "0191-24-0000");
  EXPECT_EQ(phone(As::kReader, world_.researcher), "");
  EXPECT_EQ(phone(As::kCompanyA, world_.researcher), "");
  EXPECT_EQ(phone(As::kCompanyA, world_.contact_a), "0191-52-0001");  // its own people
  EXPECT_EQ(phone(As::kReader, world_.contact_a), "");
  // Suggestions carry researchers without their contact details.
  v1::SuggestForTextRequest text;
  text.set_text("外観検査を自動化したい");
  auto suggestions = Ok<v1::SeedSuggestions>(As::kCompanyA, "MatchService.SuggestForText", text);
  ASSERT_GT(suggestions.suggestions_size(), 0);
  ASSERT_GT(suggestions.suggestions(0).researchers_size(), 0);
  EXPECT_FALSE(suggestions.suggestions(0).researchers(0).has_contact());
  // And so does the change feed.
  for (const v1::Change& change : Changes(As::kReader)) {
    if (change.has_person()) {
      EXPECT_FALSE(change.person().has_contact()) << change.name();
    }
  }
  // Once the contact is made public, everyone sees it.
  v1::UpdatePersonRequest update;
  update.mutable_person()->set_name(world_.researcher);
  update.mutable_person()->set_contact_visibility(v1::VISIBILITY_PUBLIC);
  update.mutable_update_mask()->add_paths("contact_visibility");
  Ok<v1::Person>(As::kCoordinator, "PersonService.UpdatePerson", update);
  EXPECT_EQ(phone(As::kReader, world_.researcher), "0191-24-0000");
}

TEST_F(VisibilityTest, CountsAreShownOnlyToWhoSeesEveryRecordCounted) {
  auto counts = [&](testing::As as) {
    return Ok<v1::ServerInfo>(as, "SystemService.GetServerInfo", v1::GetServerInfoRequest())
        .record_counts();
  };
  EXPECT_EQ(counts(As::kCoordinator).at("needs"), 3);
  EXPECT_FALSE(counts(As::kReader).contains("needs"));
  EXPECT_FALSE(counts(As::kCompanyA).contains("people"));
  EXPECT_EQ(counts(As::kReader).at("organizations"), 3);
  EXPECT_FALSE(counts(As::kCoordinator).contains("users"));
  EXPECT_EQ(counts(As::kAdmin).at("users"), 7);
}

TEST_F(VisibilityTest, TheCliExportShowsOnlyWhatTheCallerMaySee) {
  auto export_needs = [&](testing::As as) {
    BinaryOptions options;
    options.env = {{"RENKEI_SERVER", absl::StrCat("127.0.0.1:", server_.port())},
                   {"RENKEI_TOKEN", world_.tokens.at(as)}};
    BinaryRun run = RunBinary(RENKEI_CLI_BINARY, {"need", "list", "--all", "-o", "csv"}, options);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.out;
  };
  const std::string need_a_id = world_.need_a.substr(world_.need_a.find('/') + 1);
  EXPECT_TRUE(absl::StrContains(export_needs(As::kCompanyA), world_.need_a));
  EXPECT_FALSE(absl::StrContains(export_needs(As::kCompanyB), world_.need_a));
  EXPECT_FALSE(absl::StrContains(export_needs(As::kReader), "ニッケル"));
}

}  // namespace
}  // namespace renkei::testing
