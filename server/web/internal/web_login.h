// A browser's login session (docs/web.md, docs/access.md):
//
//   POST /web/login    {"username": "…", "password": "…"} → the session in
//                      an HttpOnly, SameSite=Strict cookie (Secure behind
//                      TLS) and {"identity": …, "csrfToken": "…"}; the token
//                      itself never reaches the page's script
//   GET  /web/session  who the cookie's session is, and its CSRF token
//   POST /web/logout   revokes the session and clears the cookie (needs the
//                      X-CSRF-Token header like every state-changing request)
//
// Through AccessService over the in-process channel, as interface "web":
// the same login rules (slowed wrong passwords, disabled users, the audit
// trail) as every other client. Calls complete on gRPC's threads. Thread-safe;
// `calls` must outlive it.
#ifndef RENKEI_SERVER_WEB_INTERNAL_WEB_LOGIN_H_
#define RENKEI_SERVER_WEB_INTERNAL_WEB_LOGIN_H_

#include <memory>

#include "absl/time/time.h"
#include "renkei/v1/access.grpc.pb.h"
#include "server/web/internal/active_calls.h"
#include "server/web/internal/http_message.h"

namespace renkei::web {

class WebLogin {
 public:
  WebLogin(std::shared_ptr<grpc::ChannelInterface> channel, ActiveCalls* calls,
           absl::Duration deadline);

  // Answers a request under /web/; false (and `exchange` untouched) when
  // the path is not one of the three.
  bool Handle(const HttpRequest& request, const std::shared_ptr<Exchange>& exchange);

 private:
  void Login(const HttpRequest& request, std::shared_ptr<Exchange> exchange);
  void Session(const HttpRequest& request, std::shared_ptr<Exchange> exchange);
  void Logout(const HttpRequest& request, std::shared_ptr<Exchange> exchange);

  const std::unique_ptr<v1::AccessService::Stub> stub_;
  ActiveCalls* const calls_;
  const absl::Duration deadline_;
};

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_WEB_LOGIN_H_
