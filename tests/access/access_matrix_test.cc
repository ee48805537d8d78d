// The role matrix (access_matrix_table.h): every RPC called by every kind of
// caller through a real server, each answer checked against its cell. A
// refused call writes nothing (the revision does not move).
// access_policy_test.cc checks that every method the server serves has a
// row.
#include <functional>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "renkei/v1/access.pb.h"
#include "renkei/v1/change.grpc.pb.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/import.grpc.pb.h"
#include "renkei/v1/indicator.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "renkei/v1/system.pb.h"
#include "server/store/store.h"
#include "tests/access/access_matrix_table.h"
#include "tests/access/access_world.h"

namespace renkei::testing {
namespace {

using google::protobuf::Message;


struct Target {
  TestServer& server;
  const World& world;
  As as;
};

using MakeRequest = std::function<std::unique_ptr<Message>(const Target&)>;


template <typename T>
std::unique_ptr<Message> New(const std::function<void(T&)>& fill) {
  auto message = std::make_unique<T>();
  fill(*message);
  return message;
}

#define REQUEST(Type, body) \
  [](const Target& t) {                                                      \
    return New<v1::Type>([&]([[maybe_unused]] v1::Type& r) { (void)t; body; }); \
  }

// How to ask each method, by method.
std::map<std::string, MakeRequest> Requests() {
  return {
      // Organizations: everyone signed in reads them; a company changes its own.
      {"OrganizationService.GetOrganization",
       REQUEST(GetOrganizationRequest, r.set_name(t.world.company_a))},
      {"OrganizationService.ListOrganizations",
       REQUEST(ListOrganizationsRequest, r.set_district("千厩"))},
      {"OrganizationService.CreateOrganization",
       REQUEST(CreateOrganizationRequest,
               r.mutable_organization()->set_kind(v1::ORGANIZATION_KIND_COMPANY);
               r.mutable_organization()->set_display_name("株式会社新規"))},
      {"OrganizationService.UpdateOrganization",
       REQUEST(UpdateOrganizationRequest, r.mutable_organization()->set_name(t.world.company_a);
               r.mutable_organization()->set_employees(40 + static_cast<int>(t.as));
               r.mutable_update_mask()->add_paths("employees"))},
      {"OrganizationService.DeleteOrganization",
       REQUEST(DeleteOrganizationRequest, r.set_name(NewCompany(t.server, "株式会社消える")))},
      // People: contact details and private profiles stay with coordinators.
      {"PersonService.GetPerson",
       REQUEST(GetPersonRequest, r.set_name(t.world.contact_a))},
      {"PersonService.ListPeople", REQUEST(ListPeopleRequest, )},
      {"PersonService.CreatePerson",
       REQUEST(CreatePersonRequest, r.mutable_person()->set_role(v1::PERSON_ROLE_CONTACT);
               r.mutable_person()->set_display_name("新人 一郎");
               r.mutable_person()->set_organization(t.world.company_a))},
      {"PersonService.UpdatePerson",
       REQUEST(UpdatePersonRequest, r.mutable_person()->set_name(t.world.contact_a);
               r.mutable_person()->set_title(absl::StrCat("係長", static_cast<int>(t.as)));
               r.mutable_update_mask()->add_paths("title"))},
      {"PersonService.DeletePerson",
       REQUEST(DeletePersonRequest, r.set_name(NewPerson(t.server, t.world.company_a)))},
      // Seeds: the catalogue; written by coordinators.
      {"SeedService.GetSeed", REQUEST(GetSeedRequest, r.set_name(t.world.seed))},
      {"SeedService.ListSeeds", REQUEST(ListSeedsRequest, )},
      {"SeedService.CreateSeed",
       REQUEST(CreateSeedRequest, r.mutable_seed()->set_institution(t.world.institution);
               r.mutable_seed()->set_title("新しいシーズ"))},
      {"SeedService.UpdateSeed",
       REQUEST(UpdateSeedRequest, r.mutable_seed()->set_name(t.world.seed);
               r.mutable_seed()->add_keywords(absl::StrCat("k", static_cast<int>(t.as)));
               r.mutable_update_mask()->add_paths("keywords"))},
      {"SeedService.DeleteSeed",
       REQUEST(DeleteSeedRequest, r.set_name(NewSeed(t.server, t.world.institution)))},
      // Needs: a coordinators-only need of A is A's and the coordinators'.
      {"NeedService.GetNeed", REQUEST(GetNeedRequest, r.set_name(t.world.need_a))},
      {"NeedService.ListNeeds", REQUEST(ListNeedsRequest, )},
      {"NeedService.CreateNeed",
       REQUEST(CreateNeedRequest, r.mutable_need()->set_company(t.world.company_a);
               r.mutable_need()->set_title("新しいニーズ"))},
      {"NeedService.UpdateNeed",
       REQUEST(UpdateNeedRequest, r.mutable_need()->set_name(t.world.need_a);
               r.mutable_need()->set_body(absl::StrCat("更新", static_cast<int>(t.as)));
               r.mutable_update_mask()->add_paths("body"))},
      {"NeedService.DeleteNeed",
       REQUEST(DeleteNeedRequest, r.set_name(NewNeed(t.server, t.world.company_a, false)))},
      // Collaborations: a company sees those it takes part in.
      {"CollaborationService.GetCollaboration",
       REQUEST(GetCollaborationRequest, r.set_name(t.world.collaboration))},
      {"CollaborationService.ListCollaborations",
       REQUEST(ListCollaborationsRequest, )},
      {"CollaborationService.CreateCollaboration",
       REQUEST(CreateCollaborationRequest, auto* x = r.mutable_collaboration();
               x->set_type(v1::COLLABORATION_TYPE_TECHNICAL_CONSULTATION);
               x->set_title("技術相談"); x->add_participants()->set_organization(t.world.company_a);
               x->mutable_start_date()->set_year(2025); x->mutable_start_date()->set_month(7);
               x->mutable_start_date()->set_day(1))},
      {"CollaborationService.UpdateCollaboration",
       REQUEST(UpdateCollaborationRequest, r.mutable_collaboration()->set_name(t.world.collaboration);
               r.mutable_collaboration()->set_summary(absl::StrCat("s", static_cast<int>(t.as)));
               r.mutable_update_mask()->add_paths("summary"))},
      {"CollaborationService.DeleteCollaboration",
       REQUEST(DeleteCollaborationRequest, r.set_name(NewCollaboration(t.server, t.world)))},
      // Networks and memberships.
      {"NetworkService.GetNetwork", REQUEST(GetNetworkRequest, r.set_name(t.world.network))},
      {"NetworkService.ListNetworks", REQUEST(ListNetworksRequest, )},
      {"NetworkService.CreateNetwork",
       REQUEST(CreateNetworkRequest, r.mutable_network()->set_display_name("新しい会"))},
      {"NetworkService.UpdateNetwork",
       REQUEST(UpdateNetworkRequest, r.mutable_network()->set_name(t.world.network);
               r.mutable_network()->set_scope(absl::StrCat("s", static_cast<int>(t.as)));
               r.mutable_update_mask()->add_paths("scope"))},
      {"NetworkService.DeleteNetwork",
       REQUEST(DeleteNetworkRequest, r.set_name(NewNetwork(t.server)))},
      {"NetworkService.CreateMembership",
       REQUEST(CreateMembershipRequest, r.set_parent(NewNetwork(t.server));
               r.mutable_membership()->set_organization(t.world.company_b))},
      {"NetworkService.GetMembership",
       REQUEST(GetMembershipRequest, r.set_name(t.world.membership))},
      {"NetworkService.ListMemberships",
       REQUEST(ListMembershipsRequest, r.set_parent(t.world.network))},
      {"NetworkService.ListOrganizationMemberships",
       REQUEST(ListOrganizationMembershipsRequest, r.set_organization(t.world.company_a))},
      {"NetworkService.UpdateMembership",
       REQUEST(UpdateMembershipRequest, r.mutable_membership()->set_name(t.world.membership);
               r.mutable_membership()->set_role_label(absl::StrCat("幹事", static_cast<int>(t.as)));
               r.mutable_update_mask()->add_paths("role_label"))},
      {"NetworkService.DeleteMembership",
       REQUEST(DeleteMembershipRequest, {
         v1::CreateMembershipRequest add;
         add.set_parent(NewNetwork(t.server));
         add.mutable_membership()->set_organization(t.world.company_a);
         v1::Membership made;
         EXPECT_OK(CallUnary(t.server.channel(), "renkei.v1.NetworkService.CreateMembership",
                             add, &made));
         r.set_name(made.name());
       })},
      // The change feed (filtered), indicators, server information.
      {"ChangeService.WatchChanges",
       REQUEST(WatchChangesRequest, r.set_stop_at_head(true))},
      {"IndicatorService.GetIndicators",
       REQUEST(GetIndicatorsRequest, r.set_fiscal_year(2025))},
      {"SystemService.Ping", REQUEST(PingRequest, )},
      {"SystemService.GetServerInfo", REQUEST(GetServerInfoRequest, )},
      {"SystemService.Backup",
       REQUEST(BackupRequest, r.set_directory(t.server.data_dir() + "/matrix-backups"))},
      {"SystemService.GetMetrics", REQUEST(GetMetricsRequest, )},
      // Search, filtered like List.
      {"SearchService.SearchOrganizations",
       REQUEST(SearchOrganizationsRequest, r.set_query("射出成形"))},
      {"SearchService.SearchPeople", REQUEST(SearchPeopleRequest, r.set_query("研究"))},
      {"SearchService.SearchSeeds", REQUEST(SearchSeedsRequest, r.set_query("外観検査"))},
      {"SearchService.SearchNeeds", REQUEST(SearchNeedsRequest, r.set_query("めっき"))},
      // Matching: a company asks about its own needs and organizations.
      {"MatchService.SuggestForNeed",
       REQUEST(SuggestForNeedRequest, r.set_need(t.world.need_a))},
      {"MatchService.SuggestForText",
       REQUEST(SuggestForTextRequest, r.set_text("外観検査を自動化したい"))},
      {"MatchService.SuggestForSeed",
       REQUEST(SuggestForSeedRequest, r.set_seed(t.world.seed))},
      {"MatchService.SuggestPartners",
       REQUEST(SuggestPartnersRequest, r.set_organization(t.world.company_a))},
      {"MatchService.RecordFeedback",
       REQUEST(RecordFeedbackRequest, r.mutable_feedback()->set_need(t.world.need_a);
               r.mutable_feedback()->set_suggestion(t.world.seed);
               r.mutable_feedback()->set_label(v1::FEEDBACK_LABEL_CONTACTED))},
      {"MatchService.ListFeedback", REQUEST(ListFeedbackRequest, )},
      {"MatchService.UpdateFeedback",
       REQUEST(UpdateFeedbackRequest, r.mutable_feedback()->set_name(t.world.feedback);
               r.mutable_feedback()->set_note(absl::StrCat("n", static_cast<int>(t.as)));
               r.mutable_update_mask()->add_paths("note"))},
      {"MatchService.DeleteFeedback", REQUEST(DeleteFeedbackRequest, {
         v1::RecordFeedbackRequest add;
         add.mutable_feedback()->set_need(t.world.need_a);
         add.mutable_feedback()->set_suggestion(t.world.seed);
         add.mutable_feedback()->set_label(v1::FEEDBACK_LABEL_NOT_USEFUL);
         v1::Feedback made;
         EXPECT_OK(CallUnary(t.server.channel(), "renkei.v1.MatchService.RecordFeedback", add,
                             &made));
         r.set_name(made.name());
       })},
      {"MatchService.ReloadThesaurus", REQUEST(ReloadThesaurusRequest, )},
      // Imports: a dry run of an organization list with no rows.
      {"ImportService.Import",
       REQUEST(ImportHeader, r.set_kind(v1::IMPORT_KIND_ORGANIZATIONS); r.set_source("matrix.csv");
               r.set_dry_run(true))},
      {"ImportService.ImportFile",
       REQUEST(ImportFileRequest, r.mutable_header()->set_kind(v1::IMPORT_KIND_ORGANIZATIONS);
               r.mutable_header()->set_dry_run(true); r.set_file_name("matrix.csv");
               r.set_content("会社名,電話番号\n株式会社マトリクス,0191-23-0000\n"))},
      // Signing in is open; the rest needs a credential.
      {"AccessService.Login",
       REQUEST(LoginRequest, r.set_username("company-a"); r.set_password("company-a-password"))},
      {"AccessService.Logout", REQUEST(LogoutRequest, )},
      {"AccessService.WhoAmI", REQUEST(WhoAmIRequest, )},
      {"AccessService.ChangePassword",
       REQUEST(ChangePasswordRequest, r.set_current_password("not the password");
               r.set_new_password("a-new-password-1"))},
      // Users, tokens, audit: administrators only.
      {"AdminService.CreateUser",
       REQUEST(CreateUserRequest,
               r.mutable_user()->set_username(absl::StrCat("new-", static_cast<int>(t.as)));
               r.mutable_user()->set_role(v1::ROLE_READER))},
      {"AdminService.GetUser", REQUEST(GetUserRequest, r.set_username("reader"))},
      {"AdminService.ListUsers", REQUEST(ListUsersRequest, )},
      {"AdminService.UpdateUser",
       REQUEST(UpdateUserRequest, r.mutable_user()->set_name(t.world.users.at(As::kReader));
               r.mutable_user()->set_email(absl::StrCat("r", static_cast<int>(t.as), "@example.jp"));
               r.mutable_update_mask()->add_paths("email"))},
      {"AdminService.SetPassword",
       REQUEST(SetPasswordRequest, r.set_name(t.world.users.at(As::kReader));
               r.set_password("reader-password"))},
      {"AdminService.CreateToken",
       REQUEST(CreateTokenRequest, r.set_user(t.world.users.at(As::kReader)))},
      {"AdminService.ListTokens", REQUEST(ListTokensRequest, )},
      {"AdminService.RevokeToken", [](const Target& t) {
         auto request = std::make_unique<v1::RevokeTokenRequest>();
         const std::string secret = NewToken(t.server, t.world.users.at(As::kReader));
         v1::ListTokensRequest list;
         list.set_user(t.world.users.at(As::kReader));
         v1::ListTokensResponse tokens;
         EXPECT_OK(CallUnary(t.server.channel(), "renkei.v1.AdminService.ListTokens", list, &tokens));
         for (const v1::Token& token : tokens.tokens()) {
           if (secret.rfind(token.hint(), 0) == 0) request->set_name(token.name());
         }
         return std::unique_ptr<Message>(std::move(request));
       }},
      {"AdminService.ListAuditEvents", REQUEST(ListAuditEventsRequest, )},
  };
}

// Server-streaming and bidirectional calls, by hand.
grpc::Status CallStreaming(const std::shared_ptr<grpc::Channel>& channel,
                           const std::string& method, const Message& request) {
  if (method == "ChangeService.WatchChanges") {
    auto stub = v1::ChangeService::NewStub(channel);
    auto context = Context();
    auto reader =
        stub->WatchChanges(context.get(), static_cast<const v1::WatchChangesRequest&>(request));
    v1::Change change;
    while (reader->Read(&change)) {
    }
    return reader->Finish();
  }
  auto stub = v1::ImportService::NewStub(channel);
  auto context = Context();
  auto stream = stub->Import(context.get());
  v1::ImportRequest header;
  *header.mutable_header() = static_cast<const v1::ImportHeader&>(request);
  stream->Write(header);
  stream->WritesDone();
  v1::ImportResponse response;
  while (stream->Read(&response)) {
  }
  return stream->Finish();
}

class AccessMatrixTest : public ::testing::Test {
 protected:
  AccessMatrixTest()
      : catalogue_(std::function<void(ServerOptions&)>(
            [](ServerOptions& options) { options.public_catalogue = true; })),
        world_(BuildWorld(server_)),
        catalogue_world_(BuildWorld(catalogue_)) {}

  // The answer to `method` asked as `make` says by the caller of `column`,
  // and whether it wrote.
  std::pair<grpc::Status, bool> Call(const std::string& method, const MakeRequest& make,
                                     int column) {
    const bool catalogue = column == kMatrixColumns - 1;
    TestServer& server = catalogue ? catalogue_ : server_;
    const As as = catalogue ? As::kAnonymous : kCallers[column];
    const World& world = catalogue ? catalogue_world_ : world_;
    std::unique_ptr<Message> request = make(Target{server, world, as});
    std::string token = world.tokens.at(as);
    // Signing out revokes the token the call is made with: use a spare.
    if (method == "AccessService.Logout" && as != As::kAnonymous) {
      token = NewToken(server, world.users.at(as));
    }
    auto channel = server.ChannelWithToken(token);
    const int64_t before = server.server().store().revision();
    grpc::Status status;
    if (method == "ChangeService.WatchChanges" || method == "ImportService.Import") {
      status = CallStreaming(channel, method, *request);
    } else {
      const auto* descriptor =
          google::protobuf::DescriptorPool::generated_pool()->FindMethodByName("renkei.v1." +
                                                                              method);
      std::unique_ptr<Message> response(google::protobuf::MessageFactory::generated_factory()
                                            ->GetPrototype(descriptor->output_type())
                                            ->New());
      status = CallUnary(channel, "renkei.v1." + method, *request, response.get());
    }
    return {status, server.server().store().revision() != before};
  }

  TestServer server_;
  TestServer catalogue_;
  World world_;
  World catalogue_world_;
};

std::string ColumnName(int column) {
  return column == kMatrixColumns - 1 ? "anonymous (public catalogue)"
                                      : CallerName(kCallers[column]);
}

TEST_F(AccessMatrixTest, EveryMethodByEveryCaller) {
  const std::map<std::string, MakeRequest> requests = Requests();
  int cells = 0;
  for (const MatrixRow& row : kMatrix) {
    ASSERT_EQ(std::string(row.cells).size(), static_cast<size_t>(kMatrixColumns)) << row.method;
    auto make = requests.find(row.method);
    ASSERT_NE(make, requests.end()) << row.method << " has no request";
    for (int column = 0; column < kMatrixColumns; ++column) {
      const auto [status, wrote] = Call(row.method, make->second, column);
      const char expected = row.cells[column];
      const std::string cell = absl::StrCat(row.method, " as ", ColumnName(column), ": code ",
                                            status.error_code(), " ", status.error_message());
      ++cells;
      switch (expected) {
        case 'A':
          EXPECT_OK(status) << cell;
          break;
        case 'P':
          EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << cell;
          EXPECT_NE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << cell;
          break;
        case 'D':
          EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << cell;
          EXPECT_FALSE(wrote) << cell;
          break;
        case 'U':
          EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << cell;
          EXPECT_FALSE(wrote) << cell;
          break;
        default:
          ADD_FAILURE() << row.method << ": unknown cell " << expected;
      }
    }
  }
  EXPECT_EQ(requests.size(), std::size(kMatrix));
  std::printf("role matrix: %zu methods x %d callers = %d cells\n", std::size(kMatrix),
              kMatrixColumns, cells);
}

}  // namespace
}  // namespace renkei::testing
