// Who is calling: the first administrator of a new data directory, tokens
// and login sessions, revocation, disabled users, slowed wrong passwords,
// secrets that never leave the store, and the audit trail of who did what,
// through which interface and from where.
#include <sys/stat.h>

#include <fstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "renkei/v1/access.pb.h"
#include "renkei/v1/change.grpc.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/system.pb.h"
#include "server/access/credentials.h"
#include "tests/access/access_world.h"
#include "server/util/call_metadata.h"
#include "tests/server_process.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AuthenticationTest : public ::testing::Test {
 protected:
  AuthenticationTest() : world_(BuildWorld(server_)) {}

  grpc::Status WhoAmI(const std::string& token, v1::Identity* identity = nullptr) {
    v1::Identity ignored;
    return CallUnary(server_.ChannelWithToken(token), "renkei.v1.AccessService.WhoAmI",
                     v1::WhoAmIRequest(), identity != nullptr ? identity : &ignored);
  }
  grpc::Status Login(const std::string& username, const std::string& password,
                     v1::LoginResponse* response) {
    v1::LoginRequest request;
    request.set_username(username);
    request.set_password(password);
    return CallUnary(server_.ChannelWithToken(""), "renkei.v1.AccessService.Login", request,
                     response);
  }
  template <typename Response>
  Response Admin(const std::string& method, const google::protobuf::Message& request) {
    Response response;
    EXPECT_OK(CallUnary(server_.channel(), "renkei.v1." + method, request, &response)) << method;
    return response;
  }
  std::vector<v1::AuditEvent> Audit(const std::string& user) {
    v1::ListAuditEventsRequest request;
    request.set_user(user);
    request.set_page_size(1000);
    auto page = Admin<v1::ListAuditEventsResponse>("AdminService.ListAuditEvents", request);
    return {page.events().begin(), page.events().end()};
  }

  TestServer server_;
  World world_;
};

TEST(FirstStartTest, WritesTheAdministratorsCredentialsPrivatelyAndLogsOnlyTheirPath) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  for (const char* file : {"/admin.token", "/admin.password"}) {
    struct stat info;
    ASSERT_EQ(stat((dir.path() + file).c_str(), &info), 0) << file;
    EXPECT_EQ(info.st_mode & 0777, 0600) << file;
  }
  std::string token, password;
  std::ifstream(dir.path() + "/admin.token") >> token;
  std::ifstream(dir.path() + "/admin.password") >> password;
  EXPECT_EQ(token.size(), 46u);
  EXPECT_THAT(server.log(), HasSubstr(dir.path() + "/admin.token"));
  EXPECT_THAT(server.log(), Not(HasSubstr(token)));
  EXPECT_THAT(server.log(), Not(HasSubstr(password)));
  // Nothing is open: without the token the server answers nothing.
  auto anonymous = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
  v1::ServerInfo info;
  EXPECT_EQ(CallUnary(anonymous, "renkei.v1.SystemService.GetServerInfo",
                      v1::GetServerInfoRequest(), &info)
                .error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_OK(CallUnary(server.AdminChannel(), "renkei.v1.SystemService.GetServerInfo",
                      v1::GetServerInfoRequest(), &info));
  // The password signs in too.
  v1::LoginRequest login;
  login.set_username("admin");
  login.set_password(password);
  v1::LoginResponse session;
  EXPECT_OK(CallUnary(anonymous, "renkei.v1.AccessService.Login", login, &session));
  EXPECT_EQ(session.identity().role(), v1::ROLE_ADMIN);
  // A second start creates no second administrator.
  server.Stop(SIGTERM);
  ServerProcess again(dir.path());
  ASSERT_TRUE(again.Start()) << again.log();
  EXPECT_THAT(again.log(), Not(HasSubstr("created the administrator")));
}

TEST_F(AuthenticationTest, ARevokedTokenFailsOnItsNextCall) {
  const std::string token = NewToken(server_, world_.users.at(As::kReader));
  ASSERT_OK(WhoAmI(token));
  v1::ListTokensRequest list;
  list.set_user(world_.users.at(As::kReader));
  std::string name;
  const auto listed = Admin<v1::ListTokensResponse>("AdminService.ListTokens", list);
  for (const v1::Token& t : listed.tokens()) {
    if (absl::StartsWith(token, t.hint())) name = t.name();
  }
  ASSERT_FALSE(name.empty());
  v1::RevokeTokenRequest revoke;
  revoke.set_name(name);
  Admin<v1::Token>("AdminService.RevokeToken", revoke);
  const grpc::Status refused = WhoAmI(token);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(refused.error_message(), HasSubstr("revoked"));
  EXPECT_OK(WhoAmI(world_.tokens.at(As::kReader)));  // the user's other token still works
}

TEST_F(AuthenticationTest, ADisabledUsersSessionsEnd) {
  v1::LoginResponse session;
  ASSERT_OK(Login("company-a", "company-a-password", &session));
  v1::Identity identity;
  ASSERT_OK(WhoAmI(session.token(), &identity));
  EXPECT_EQ(identity.role(), v1::ROLE_COMPANY);
  EXPECT_THAT(identity.organizations(), ::testing::ElementsAre(world_.company_a));
  EXPECT_THAT(identity.permissions(), ::testing::Contains("needs.write"));
  EXPECT_THAT(identity.permissions(), Not(::testing::Contains("users.admin")));

  v1::UpdateUserRequest disable;
  disable.mutable_user()->set_name(world_.users.at(As::kCompanyA));
  disable.mutable_user()->set_disabled(true);
  disable.mutable_update_mask()->add_paths("disabled");
  Admin<v1::User>("AdminService.UpdateUser", disable);
  EXPECT_EQ(WhoAmI(session.token()).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(WhoAmI(world_.tokens.at(As::kCompanyA)).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::LoginResponse refused;
  EXPECT_EQ(Login("company-a", "company-a-password", &refused).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // Enabled again: its API token works; the ended session does not.
  disable.mutable_user()->set_disabled(false);
  Admin<v1::User>("AdminService.UpdateUser", disable);
  EXPECT_OK(WhoAmI(world_.tokens.at(As::kCompanyA)));
  EXPECT_EQ(WhoAmI(session.token()).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(AuthenticationTest, WrongPasswordsAreSlowed) {
  v1::LoginResponse response;
  for (int i = 0; i < 3; ++i) {
    const grpc::Status wrong = Login("reader", "not-the-password", &response);
    EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(wrong.error_message(), "wrong user name or password");
  }
  // Now even the right password must wait.
  const grpc::Status slowed = Login("reader", "reader-password", &response);
  EXPECT_EQ(slowed.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(slowed.error_message(), HasSubstr("try again in"));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_OK(Login("reader", "reader-password", &response));
  // An unknown user is refused the same way as a wrong password.
  EXPECT_EQ(Login("nobody", "whatever-password", &response).error_message(),
            "wrong user name or password");
}

TEST_F(AuthenticationTest, AnExpiredTokenFails) {
  v1::CreateTokenRequest request;
  request.set_user(world_.users.at(As::kReader));
  const int64_t now = absl::ToUnixSeconds(absl::Now());
  request.mutable_expire_time()->set_seconds(now + 2);
  auto created = Admin<v1::CreatedToken>("AdminService.CreateToken", request);
  ASSERT_OK(WhoAmI(created.token()));
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  const grpc::Status expired = WhoAmI(created.token());
  EXPECT_EQ(expired.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(expired.error_message(), HasSubstr("expired"));
}

TEST_F(AuthenticationTest, AMalformedOrUnknownCredentialIsUnauthenticated) {
  EXPECT_EQ(WhoAmI("rk_not-a-real-token").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> basic;
  basic.push_back(AddMetadata({{"authorization", "Basic YWRtaW46YWRtaW4="}}));
  auto channel = grpc::experimental::CreateCustomChannelWithInterceptors(
      absl::StrCat("127.0.0.1:", server_.port()), grpc::InsecureChannelCredentials(),
      grpc::ChannelArguments(), std::move(basic));
  v1::Identity identity;
  const grpc::Status refused =
      CallUnary(channel, "renkei.v1.AccessService.WhoAmI", v1::WhoAmIRequest(), &identity);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(refused.error_message(), HasSubstr("Bearer"));
}

TEST_F(AuthenticationTest, SecretsNeverLeaveTheStore) {
  v1::LoginResponse session;
  ASSERT_OK(Login("coordinator", "coordinator-password", &session));
  const std::string token_hash = access::HashToken(world_.tokens.at(As::kReader));
  // Not in a response …
  v1::ListUsersRequest users;
  const auto all_users = Admin<v1::ListUsersResponse>("AdminService.ListUsers", users);
  for (const v1::User& user : all_users.users()) {
    EXPECT_EQ(user.password_hash(), "") << user.username();
    EXPECT_EQ(user.has_password(), user.kind() == v1::USER_KIND_PERSON) << user.username();
  }
  v1::ListTokensRequest tokens;
  const auto all_tokens = Admin<v1::ListTokensResponse>("AdminService.ListTokens", tokens);
  for (const v1::Token& token : all_tokens.tokens()) {
    EXPECT_EQ(token.secret_hash(), "");
  }
  // … nor in the change feed, which holds every user and token write.
  auto stub = v1::ChangeService::NewStub(server_.channel());
  v1::WatchChangesRequest request;
  request.set_stop_at_head(true);
  auto context = Context();
  auto reader = stub->WatchChanges(context.get(), request);
  v1::Change change;
  int users_seen = 0;
  while (reader->Read(&change)) {
    const std::string bytes = change.SerializeAsString();
    EXPECT_FALSE(absl::StrContains(bytes, "$argon2id$")) << change.name();
    EXPECT_FALSE(absl::StrContains(bytes, token_hash)) << change.name();
    EXPECT_FALSE(absl::StrContains(bytes, session.token())) << change.name();
    users_seen += change.has_user();
  }
  EXPECT_OK(reader->Finish());
  EXPECT_GE(users_seen, 7);
}

TEST_F(AuthenticationTest, TheAuditTrailSaysWhoDidWhatThroughWhichInterfaceAndFromWhere) {
  v1::UpdateNeedRequest update;
  update.mutable_need()->set_name(world_.need_a);
  update.mutable_need()->set_body("担当者が書き直した");
  update.mutable_update_mask()->add_paths("body");
  v1::Need updated;
  ASSERT_OK(CallUnary(server_.ChannelWithToken(world_.tokens.at(As::kCompanyA)),
                      "renkei.v1.NeedService.UpdateNeed", update, &updated));
  v1::Need refused;
  update.mutable_need()->set_name(world_.need_b);
  ASSERT_EQ(CallUnary(server_.ChannelWithToken(world_.tokens.at(As::kCompanyA)),
                      "renkei.v1.NeedService.UpdateNeed", update, &refused)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::LoginResponse session;
  ASSERT_FALSE(Login("company-a", "wrong-password!", &session).ok());

  bool changed = false, denied = false, failed_login = false;
  for (const v1::AuditEvent& event : Audit(world_.users.at(As::kCompanyA))) {
    EXPECT_EQ(event.actor().username(), "company-a");
    EXPECT_EQ(event.actor().interface(), "grpc");
    EXPECT_THAT(event.actor().peer(), HasSubstr("127.0.0.1"));
    changed |= event.event() == "change" && event.record() == world_.need_a &&
               event.detail() == "updated";
    denied |= event.event() == "permission_denied" && event.record() == world_.need_b &&
              event.method() == "renkei.v1.NeedService.UpdateNeed";
  }
  v1::ListAuditEventsRequest all;
  all.set_page_size(1000);
  const auto trail = Admin<v1::ListAuditEventsResponse>("AdminService.ListAuditEvents", all);
  for (const v1::AuditEvent& event : trail.events()) {
    failed_login |= event.event() == "login_failed" && absl::StrContains(event.detail(), "company-a");
  }
  EXPECT_TRUE(changed);
  EXPECT_TRUE(denied);
  EXPECT_TRUE(failed_login);
  // By record, and by user name.
  v1::ListAuditEventsRequest by_record;
  by_record.set_record(world_.need_a);
  auto about = Admin<v1::ListAuditEventsResponse>("AdminService.ListAuditEvents", by_record);
  ASSERT_GE(about.events_size(), 2);  // created by the administrator, updated by company-a
  EXPECT_EQ(about.events(0).detail(), "created");
  v1::ListAuditEventsRequest by_name;
  by_name.set_user("company-a");
  EXPECT_GT(Admin<v1::ListAuditEventsResponse>("AdminService.ListAuditEvents", by_name)
                .events_size(),
            0);
}

}  // namespace
}  // namespace renkei::testing
