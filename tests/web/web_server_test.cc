// The HTTP side's behaviour as a client sees it: limits and their JSON
// errors, keep-alive, time-outs, files and what may not be reached, the
// event stream's resume and its end at shutdown.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/test_util.h"
#include "tests/web/web_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kCompany[] =
    R"({"kind": "ORGANIZATION_KIND_COMPANY", "displayName": "限界試験株式会社"})";

class WebServerTest : public WebTest {
 protected:
  // A string field of the JSON `body`, read as a message of `type`.
  std::string GrpcFieldOf(const std::string& body, const std::string& type,
                          const std::string& field) {
    HttpReply reply;
    reply.status = 200;
    reply.headers = {{"Content-Type", "application/json; charset=utf-8"}};
    reply.body = body;
    std::unique_ptr<google::protobuf::Message> message = Parse(reply, type);
    return message->GetReflection()->GetString(*message,
                                               message->GetDescriptor()->FindFieldByName(field));
  }
};

TEST_F(WebServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  for (int i = 0; i < 5; ++i) {
    const HttpReply reply = Get("/v1/system:ping");
    ASSERT_EQ(reply.status, 200) << i;
    EXPECT_THAT(reply.Header("Connection"), Not(HasSubstr("close")));
  }
}

TEST_F(WebServerTest, ErrorsOfTheRequestAreJsonAndWriteNothing) {
  const int64_t revision = Revision();
  struct Case {
    std::string method, target, body;
    int status;
    std::string field;  // the field violation expected, "" for none
  } cases[] = {
      {"POST", "/v1/organizations", R"({"displayName": )", 400, "organization"},
      {"POST", "/v1/organizations", R"({"displayName": 7})", 400, "organization.display_name"},
      {"POST", "/v1/organizations", R"({"displayName": "x", "colour": "red"})", 400,
       "organization.colour"},
      {"POST", "/v1/organizations", R"({"kind": "NO_SUCH_KIND", "displayName": "x"})", 400,
       "organization.kind"},
      {"POST", "/v1/organizations?requestId=x&bogus=1", kCompany, 400, "bogus"},
      {"POST", "/v1/organizations", R"({"kind": "ORGANIZATION_KIND_COMPANY"})", 400,
       "organization.display_name"},
      {"PUT", "/v1/organizations", kCompany, 405, ""},
      {"POST", "/v1/organisations", kCompany, 404, ""},
  };
  for (const Case& c : cases) {
    const HttpReply reply = Send(c.method, c.target, c.body);
    EXPECT_EQ(reply.status, c.status) << c.body << " " << reply.body;
    const JsonError error = ErrorOf(reply);
    if (!c.field.empty()) {
      ASSERT_FALSE(error.violations.empty()) << reply.body;
      EXPECT_EQ(error.violations[0].first, c.field) << reply.body;
      EXPECT_EQ(error.status, "INVALID_ARGUMENT");
    }
  }
  EXPECT_EQ(Revision(), revision);
}

TEST_F(WebServerTest, AccessRulesApplyToJsonCalls) {
  // No token: anonymous, refused where the method needs a role.
  const HttpReply anonymous = Get("/v1/needs", {{"Authorization", ""}});
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(ErrorOf(anonymous).status, "UNAUTHENTICATED");
  EXPECT_EQ(Get("/v1/needs", {{"Authorization", "Bearer rk_not-a-token"}}).status, 401);
  // A company user cannot open another company's coordinators-only need
  // (docs/access.md: needs/2 of 須川電子), and the denial is recorded as a
  // JSON call from this client's address.
  const HttpReply login =
      Send("POST", "/v1/access:login",
           R"({"username": "iwai-kasei", "password": "iwai-kasei-demo"})", {{"Authorization", ""}});
  const std::string token = GrpcFieldOf(login.body, "renkei.v1.LoginResponse", "token");
  ASSERT_FALSE(token.empty()) << login.body;
  const HttpReply hidden = Get("/v1/needs/2", {{"Authorization", "Bearer " + token}});
  EXPECT_NE(hidden.status, 200) << hidden.body;
  EXPECT_THAT(hidden.body, Not(HasSubstr("needs/2\",")));
  const HttpReply audit = Get("/v1/auditEvents?user=iwai-kasei");
  EXPECT_THAT(audit.body, HasSubstr(R"("interface":"json")"));
  EXPECT_THAT(audit.body, HasSubstr(R"("peer":"127.0.0.1:)"));
}

TEST_F(WebServerTest, WrongMethodIs405WithAllow) {
  const HttpReply reply = Send("PUT", "/v1/organizations/7", kCompany);
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.Header("Allow"), "GET, PATCH, DELETE");
  EXPECT_EQ(ErrorOf(reply).status, "UNIMPLEMENTED");
}

TEST_F(WebServerTest, BodyThatIsNotJsonIs415) {
  const int64_t revision = Revision();
  const HttpReply reply =
      Send("POST", "/v1/organizations", "displayName=x", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(reply.status, 415);
  EXPECT_THAT(ErrorOf(reply).message, HasSubstr("Content-Type: application/json"));
  EXPECT_EQ(Revision(), revision);
}

TEST_F(WebServerTest, ErrorDetailsOfTheServiceComeThrough) {
  // A delete refused because of references: FAILED_PRECONDITION → 400, with
  // the google.rpc.PreconditionFailure the service sent.
  const HttpReply reply = Send("DELETE", "/v1/organizations/1");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(ErrorOf(reply).status, "FAILED_PRECONDITION");
  EXPECT_THAT(reply.body, HasSubstr("type.googleapis.com/google.rpc.PreconditionFailure"));
  EXPECT_EQ(Grpc("renkei.v1.OrganizationService.GetOrganization", R"({"name": "organizations/1"})")
                .status()
                .code(),
            absl::StatusCode::kOk);
}

TEST_F(WebServerTest, HeadersOverTheLimitAre431) {
  const HttpReply reply = Get("/v1/system:ping", {{"X-Padding", std::string(20000, 'a')}});
  EXPECT_EQ(reply.status, 431);
  EXPECT_THAT(ErrorOf(reply).message, HasSubstr("16384 bytes"));
}

TEST_F(WebServerTest, MalformedRequestIs400) {
  const HttpReply reply = http_->Raw("GET /v1/system:ping HTTP/1.1\r\nHost x\r\n\r\n");
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(ErrorOf(reply).message, HasSubstr("malformed HTTP request"));
}

TEST_F(WebServerTest, LargeBodyUnderTheLimitReachesTheService) {
  // 3 MiB of description: not refused by HTTP (8 MiB), but by the record's
  // own limits (a record is at most 1 MiB encoded: docs/limits.md), naming it.
  const std::string body = absl::StrCat(
      R"({"kind": "ORGANIZATION_KIND_COMPANY", "displayName": "大きい株式会社", "description": ")",
      std::string(3 << 20, 'a'), "\"}");
  const HttpReply reply = Send("POST", "/v1/organizations", body);
  EXPECT_EQ(reply.status, 400) << reply.body.substr(0, 300);
  const JsonError error = ErrorOf(reply);
  ASSERT_FALSE(error.violations.empty());
  EXPECT_EQ(error.violations[0].first, "organization");
}

TEST_F(WebServerTest, RequestOverWhatACallCarriesIs413) {
  // Under the 8 MiB body limit, over gRPC's 4 MiB message: not a 429.
  const int64_t revision = Revision();
  const std::string body =
      absl::StrCat(R"({"displayName": "x", "description": ")", std::string(5 << 20, 'a'), "\"}");
  const HttpReply reply = Send("POST", "/v1/organizations", body);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(ErrorOf(reply).message, HasSubstr("a call carries at most 4194304"));
  EXPECT_EQ(Revision(), revision);
}

class SmallLimitsTest : public WebTest {
 protected:
  SmallLimitsTest()
      : WebTest([](ServerOptions& options) {
          options.web.max_body_bytes = 64 * 1024;
          options.web.max_connections = 2;
          options.web.header_timeout = absl::Seconds(1);
          options.web.heartbeat = absl::Milliseconds(100);
        }) {}
};

TEST_F(SmallLimitsTest, QuietEventStreamGetsHeartbeats) {
  EventStreamReader events(http_port(), "/v1/changes?sinceRevision=999999", WithToken());
  ASSERT_EQ(events.head().status, 200);
  EXPECT_FALSE(events.Next(absl::Milliseconds(500)).has_value());
  EXPECT_FALSE(events.ended());
  EXPECT_GE(events.comments(), 2);
}

TEST_F(SmallLimitsTest, OversizedBodyIs413AndWritesNothing) {
  const int64_t revision = Revision();
  const std::string body =
      absl::StrCat(R"({"displayName": ")", std::string(100 * 1024, 'a'), "\"}");
  const HttpReply reply = Send("POST", "/v1/organizations", body);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(ErrorOf(reply).message, HasSubstr("exceeds 65536 bytes"));
  EXPECT_EQ(Revision(), revision);
}

TEST_F(SmallLimitsTest, OversizedChunkedBodyIs413) {
  HttpClient client(http_port());
  const std::string chunk(40 * 1024, 'a');
  std::string request =
      "POST /v1/organizations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Authorization: Bearer " +
      server_.admin_token() +
      "\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i)
    absl::StrAppend(&request, absl::Hex(chunk.size()), "\r\n", chunk, "\r\n");
  absl::StrAppend(&request, "0\r\n\r\n");
  EXPECT_EQ(client.Raw(request).status, 413);
}

TEST_F(SmallLimitsTest, IdleConnectionClosesAfterTheHeaderTimeout) {
  const absl::Time start = absl::Now();
  EXPECT_TRUE(http_->ServerClosed());
  EXPECT_LT(absl::Now() - start, absl::Seconds(4));
}

TEST_F(SmallLimitsTest, ConnectionsOverTheLimitGet503) {
  HttpClient second(http_port());
  ASSERT_EQ(second.Get("/v1/system:ping", WithToken()).status, 200);
  ASSERT_EQ(Get("/v1/system:ping").status, 200);
  HttpClient third(http_port());
  const HttpReply refused = third.Get("/v1/system:ping", WithToken());
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.Header("Retry-After"), "5");
  EXPECT_EQ(ErrorOf(refused).status, "UNAVAILABLE");
  // Once a connection goes, another is served.
  http_.reset();
  HttpReply later;
  for (int i = 0; i < 50 && later.status != 200; ++i) {
    absl::SleepFor(absl::Milliseconds(20));
    later = HttpClient(http_port()).Get("/v1/system:ping", WithToken());
  }
  EXPECT_EQ(later.status, 200);
}

TEST_F(SmallLimitsTest, ClosingAnEventStreamEndsItsCall) {
  // Its connection (and the call that holds it) must go for another to fit.
  auto events = std::make_unique<EventStreamReader>(http_port(), "/v1/changes", WithToken());
  ASSERT_EQ(events->head().status, 200);
  ASSERT_EQ(HttpClient(http_port()).Get("/v1/system:ping", WithToken()).status, 503);
  events->Close();
  HttpReply later;
  for (int i = 0; i < 100 && later.status != 200; ++i) {
    absl::SleepFor(absl::Milliseconds(20));
    later = HttpClient(http_port()).Get("/v1/system:ping", WithToken());
  }
  EXPECT_EQ(later.status, 200);
}

TEST_F(WebServerTest, EventStreamFollowsNewChangesAndResumesWithLastEventId) {
  const int64_t head = Revision();
  std::string last_id;
  {
    EventStreamReader events(
        http_port(), absl::StrCat("/v1/changes?collections=organizations&sinceRevision=", head),
        WithToken());
    ASSERT_EQ(events.head().status, 200);
    EXPECT_EQ(events.head().Header("X-Accel-Buffering"), "no");
    ASSERT_EQ(Send("POST", "/v1/organizations", kCompany).status, 200);
    std::optional<ServerSentEvent> created = events.Next();
    ASSERT_TRUE(created.has_value());
    EXPECT_EQ(created->id, absl::StrCat(head + 1));
    EXPECT_THAT(created->data, HasSubstr("\"kind\":\"CHANGE_KIND_CREATED\""));
    EXPECT_THAT(created->data, HasSubstr("限界試験株式会社"));
    last_id = created->id;
  }  // the client goes away
  ASSERT_EQ(Send("POST", "/v1/organizations",
                 R"({"kind": "ORGANIZATION_KIND_COMPANY", "displayName": "再開試験株式会社"})")
                .status,
            200);
  // Reconnecting as an EventSource does: the same URL, Last-Event-ID.
  EventStreamReader resumed(
      http_port(), absl::StrCat("/v1/changes?collections=organizations&sinceRevision=", head),
      WithToken({{"Last-Event-ID", last_id}}));
  std::optional<ServerSentEvent> next = resumed.Next();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->id, absl::StrCat(head + 2));
  EXPECT_THAT(next->data, HasSubstr("再開試験株式会社"));
}

TEST_F(WebServerTest, BadStreamRequestIsAJsonError) {
  EventStreamReader events(http_port(), "/v1/changes?collections=widgets", WithToken());
  EXPECT_EQ(events.head().status, 400);
  EXPECT_EQ(ErrorOf(events.head()).violations.at(0).first, "collections[0]");
  EventStreamReader negative(http_port(), "/v1/changes", WithToken({{"Last-Event-ID", "abc"}}));
  EXPECT_EQ(negative.head().status, 400);
}

TEST_F(WebServerTest, EventStreamEndsAtOnceWhenTheServerShutsDown) {
  EventStreamReader events(http_port(), "/v1/changes?sinceRevision=999999", WithToken());
  ASSERT_EQ(events.head().status, 200);
  const absl::Time start = absl::Now();
  server_.Stop();  // grace 2 s: the stream must not use it
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
  EXPECT_FALSE(events.Next(absl::Seconds(2)).has_value());
  EXPECT_TRUE(events.ended());
}

TEST_F(WebServerTest, PagesAndAssetsHaveTheirTypesAndCaching) {
  const HttpReply page = Get("/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(page.Header("Cache-Control"), "no-cache");
  EXPECT_THAT(page.body, HasSubstr("<title>ホーム — 連携 renkei</title>"));  // web/index.html
  EXPECT_THAT(page.body, HasSubstr("/assets/bootstrap/css/bootstrap.min.css"));
  const HttpReply css = Get("/assets/bootstrap/css/bootstrap.min.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.Header("Cache-Control"), "public, max-age=86400");
  EXPECT_THAT(css.body, HasSubstr("Bootstrap"));
  const HttpReply chart = Get("/assets/chart.js/chart.min.js");
  EXPECT_EQ(chart.status, 200);
  EXPECT_EQ(chart.Header("Content-Type"), "text/javascript; charset=utf-8");
  const HttpReply again =
      Get("/assets/bootstrap/css/bootstrap.min.css", {{"If-None-Match", css.Header("ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
  const HttpReply head = Send("HEAD", "/index.html");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("Content-Length"), absl::StrCat(page.body.size()));
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(Send("POST", "/index.html", "{}").status, 405);
  EXPECT_EQ(Get("/no-such-page.html").status, 404);
}

TEST_F(WebServerTest, NoPathLeadsOutOfTheServedDirectories) {
  std::ifstream passwd("/etc/passwd");
  for (const char* target :
       {"/../../../../etc/passwd", "/assets/bootstrap/../../../../etc/passwd",
        "/assets/bootstrap/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/chart.js/..%2f..%2fpasswd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets/bootstrap/..\\..\\passwd", "/.git/config",
        "/assets/bootstrap/css/%00bootstrap.min.css", "/assets//bootstrap/css/bootstrap.min.css"}) {
    const HttpReply reply =
        http_->Raw(absl::StrCat("GET ", target, " HTTP/1.1\r\nHost: x\r\n\r\n"));
    EXPECT_TRUE(reply.status == 400 || reply.status == 404) << target << " " << reply.status;
    EXPECT_THAT(reply.body, Not(HasSubstr("root:"))) << target;
  }
}

TEST(WebServerStartTest, NonLoopbackAddressIsRefused) {
  TempDir dir;
  for (const char* address : {"0.0.0.0:0", "192.0.2.1:0", "[::]:0"}) {
    ServerOptions options;
    options.data_dir = dir.path();
    options.listen_address = "127.0.0.1:0";
    options.web.address = address;
    absl::StatusOr<std::unique_ptr<RenkeiServer>> server = RenkeiServer::Start(options);
    ASSERT_FALSE(server.ok()) << address;
    EXPECT_THAT(std::string(server.status().message()), HasSubstr("loopback only")) << address;
  }
}

TEST(WebServerStartTest, PortInUseFailsWithOneClearMessage) {
  TestServer first(std::function<void(ServerOptions&)>(
      [](ServerOptions& options) { options.web.address = "127.0.0.1:0"; }));
  TempDir dir;
  ServerOptions options;
  options.data_dir = dir.path();
  options.listen_address = "127.0.0.1:0";
  options.web.address = absl::StrCat("127.0.0.1:", first.http_port());
  absl::StatusOr<std::unique_ptr<RenkeiServer>> second = RenkeiServer::Start(options);
  ASSERT_FALSE(second.ok());
  EXPECT_THAT(std::string(second.status().message()),
              StartsWith("cannot serve HTTP on 127.0.0.1:"));
}

// Bug: a JSON call's ClientContext was destroyed after the call left the
// registry, so shutdown could go on and the gRPC server go away first (gRPC
// then aborted on a reference count once in a Release run). Stopping right
// after each answer, many times, is where it would show; the window is
// narrow (1,500 such stops did not hit it even before the fix).
TEST(WebServerShutdownTest, StopRightAfterAnAnswerBugCallOutlivedItsRegistration) {
  TestServer server(std::function<void(ServerOptions&)>(
      [](ServerOptions& options) { options.web.address = "127.0.0.1:0"; }));
  for (int i = 0; i < 30; ++i) {
    ASSERT_EQ(HttpClient(server.http_port())
                  .Get("/v1/system:ping", {{"Authorization", "Bearer " + server.admin_token()}})
                  .status,
              200)
        << i;
    server.Restart();
  }
}

}  // namespace
}  // namespace renkei::testing

namespace renkei::testing {
namespace {

class MetricsEndpointTest : public WebServerTest {};

TEST_F(MetricsEndpointTest, ServesPrometheusTextCountingCallsByMethodAndCode) {
  ASSERT_EQ(Get("/v1/organizations/999999").status, 404);
  ASSERT_EQ(Get("/v1/system:ping").status, 200);
  const HttpReply reply = Get("/metrics");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.Header("Content-Type"), StartsWith("text/plain; version=0.0.4"));
  EXPECT_THAT(reply.body, HasSubstr("renkei_rpc_calls_total{code=\"NOT_FOUND\",method=\"/renkei."
                                    "v1.OrganizationService/GetOrganization\"} 1"));
  EXPECT_THAT(reply.body, HasSubstr("renkei_rpc_duration_seconds_bucket{method=\"/renkei.v1."
                                    "SystemService/Ping\",le=\"+Inf\"} 1"));
  EXPECT_THAT(reply.body, HasSubstr(absl::StrCat("renkei_store_revision ", Revision())));
  for (const char* name : {"renkei_store_bytes ", "renkei_change_streams 0",
                           "process_resident_memory_bytes "}) {
    EXPECT_THAT(reply.body, HasSubstr(name));
  }
}

TEST_F(MetricsEndpointTest, NeedsACredential) {
  const HttpReply reply = Get("/metrics", {{"Authorization", "Bearer not-a-token"}});
  EXPECT_EQ(reply.status, 401);
  EXPECT_THAT(reply.body, Not(HasSubstr("renkei_rpc_calls_total")));
}

}  // namespace
}  // namespace renkei::testing
