// A browser's login session: the cookie (HttpOnly, SameSite=Strict, Secure
// behind TLS), the session's CSRF token on every state-changing request,
// sign-out, and the audit trail seeing "web" and the browser's address.
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "renkei/v1/access.pb.h"
#include "tests/web/web_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class WebLoginTest : public WebTest {
 protected:
  // Signs in as a demo user; returns the cookie to send ("renkei_session=…").
  std::string SignIn(const std::string& username, const std::string& password) {
    HttpReply reply = http_->Send(
        "POST", "/web/login",
        absl::StrCat(R"({"username":")", username, R"(","password":")", password, R"("})"));
    EXPECT_EQ(reply.status, 200) << reply.body;
    const std::string set = reply.Header("set-cookie");
    EXPECT_THAT(set, HasSubstr("HttpOnly"));
    EXPECT_THAT(set, HasSubstr("SameSite=Strict"));
    EXPECT_THAT(reply.body, Not(HasSubstr("rk_")));  // the token never reaches the script
    return set.substr(0, set.find(';'));
  }
  std::string CsrfOf(const std::string& cookie) {
    HttpReply reply = http_->Get("/web/session", {{"Cookie", cookie}});
    EXPECT_EQ(reply.status, 200) << reply.body;
    const size_t at = reply.body.find("\"csrfToken\":\"");
    return at == std::string::npos ? "" : reply.body.substr(at + 13, 32);
  }
};

TEST_F(WebLoginTest, ACookieSessionReadsWhatItsUserMaySee) {
  const std::string cookie = SignIn("sukawa-denshi", "sukawa-denshi-demo");
  HttpReply session = http_->Get("/web/session", {{"Cookie", cookie}});
  EXPECT_THAT(session.body, HasSubstr(R"("username":"sukawa-denshi")"));
  EXPECT_THAT(session.body, HasSubstr(R"("role":"ROLE_COMPANY")"));
  // Its own coordinators-only need, not another company's.
  EXPECT_EQ(http_->Get("/v1/needs/2", {{"Cookie", cookie}}).status, 200);
  EXPECT_EQ(http_->Get("/v1/needs/8", {{"Cookie", cookie}}).status, 403);
  // Without a cookie or token: 401.
  EXPECT_EQ(http_->Get("/v1/needs/2").status, 401);
  EXPECT_EQ(http_->Get("/web/session").status, 401);
}

TEST_F(WebLoginTest, AStateChangingRequestNeedsTheSessionsCsrfToken) {
  const std::string cookie = SignIn("sukawa-denshi", "sukawa-denshi-demo");
  const int64_t before = Revision();
  HttpReply refused = http_->Send("PATCH", "/v1/needs/2?updateMask=body", R"({"body":"書換え"})",
                                  {{"Cookie", cookie}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(ErrorOf(refused).status, "PERMISSION_DENIED");
  EXPECT_THAT(ErrorOf(refused).message, HasSubstr("X-CSRF-Token"));
  refused = http_->Send("PATCH", "/v1/needs/2?updateMask=body", R"({"body":"書換え"})",
                        {{"Cookie", cookie}, {"X-CSRF-Token", "0123456789abcdef0123456789abcdef"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Revision(), before);
  HttpReply done = http_->Send("PATCH", "/v1/needs/2?updateMask=body", R"({"body":"書換え"})",
                               {{"Cookie", cookie}, {"X-CSRF-Token", CsrfOf(cookie)}});
  EXPECT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("書換え"));
}

TEST_F(WebLoginTest, SigningOutEndsTheSessionAndClearsTheCookie) {
  const std::string cookie = SignIn("coordinator", "coordinator-demo");
  EXPECT_EQ(http_->Send("POST", "/web/logout", "", {{"Cookie", cookie}}).status, 403);  // no CSRF
  HttpReply out =
      http_->Send("POST", "/web/logout", "", {{"Cookie", cookie}, {"X-CSRF-Token", CsrfOf(cookie)}});
  EXPECT_EQ(out.status, 200) << out.body;
  EXPECT_THAT(out.Header("set-cookie"), HasSubstr("Max-Age=0"));
  EXPECT_EQ(http_->Get("/v1/needs/2", {{"Cookie", cookie}}).status, 401);
}

TEST_F(WebLoginTest, AWrongPasswordIsAJsonErrorAndIsSlowedLikeAnyOther) {
  for (int i = 0; i < 3; ++i) {
    HttpReply wrong =
        http_->Send("POST", "/web/login", R"({"username":"coordinator","password":"nope-nope-nope"})");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(ErrorOf(wrong).message, "wrong user name or password");
    EXPECT_EQ(wrong.Header("set-cookie"), "");
  }
  HttpReply slowed = http_->Send("POST", "/web/login",
                                 R"({"username":"coordinator","password":"coordinator-demo"})");
  EXPECT_EQ(slowed.status, 429);
  EXPECT_EQ(http_->Send("POST", "/web/login", R"({"user":"x"})").status, 400);
  EXPECT_EQ(http_->Get("/web/login").status, 405);
}

TEST_F(WebLoginTest, BehindTlsTheCookieIsSecureAndTheAuditSeesTheBrowser) {
  HttpReply reply = http_->Send(
      "POST", "/web/login", R"({"username":"coordinator","password":"coordinator-demo"})",
      {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-For", "203.0.113.7"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.Header("set-cookie"), HasSubstr("; Secure"));
  const std::string trail =
      Get("/v1/auditEvents?user=coordinator", WithToken()).body;
  EXPECT_THAT(trail, HasSubstr(R"("event":"login")"));
  EXPECT_THAT(trail, HasSubstr(R"("interface":"web")"));
  EXPECT_THAT(trail, HasSubstr("203.0.113.7"));
}

}  // namespace
}  // namespace renkei::testing
