// What a call made for an HTTP request tells the service: ONE function, so
// the access rules (sessions, CSRF checks) are added in one place.
// Thread-safe (a pure function).
#ifndef RENKEI_SERVER_WEB_INTERNAL_CALL_METADATA_H_
#define RENKEI_SERVER_WEB_INTERNAL_CALL_METADATA_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/web/internal/http_message.h"

namespace renkei::web {

using CallMetadata = std::vector<std::pair<std::string, std::string>>;

// The name of the cookie a browser's login session travels in (HttpOnly,
// SameSite=Strict; web_login.h sets it).
inline constexpr char kSessionCookie[] = "renkei_session";
// The header every state-changing request of a cookie session carries.
inline constexpr char kCsrfHeader[] = "x-csrf-token";

// The session token of the request's cookie, or "".
std::string SessionCookieOf(const HttpRequest& request);
// The CSRF token of a session: derived from the session token, which a page
// of another site cannot read (the cookie is HttpOnly), so it cannot make it.
std::string CsrfTokenOf(absl::string_view session_token);

// Who the request comes from, as metadata (x-renkei-interface `interface`,
// x-renkei-peer), without a credential: for signing in.
absl::StatusOr<CallMetadata> ClientMetadataOf(const HttpRequest& request,
                                              absl::string_view interface);
// Whether the browser reached the server over TLS: a proxy on loopback said
// X-Forwarded-Proto: https (a session cookie is then Secure).
bool ViaHttps(const HttpRequest& request);

// The gRPC metadata of the call for `request`:
//   authorization       the HTTP Authorization header when sent (a program:
//                       interface "json"), else "Bearer " + the session
//                       cookie (a browser: interface "web")
//   x-renkei-interface  "json" or "web"
//   x-renkei-peer       where the user is: the TCP peer "ip:port", or, when
//                       the peer is a proxy on loopback (nginx, docs/web.md)
//                       that sent X-Forwarded-For, the address it appended
//                       last (the audit trail and the per-address login
//                       throttle then see the user, not nginx)
// The service trusts the last two only from in-process calls
// (server/service/gate.h). INVALID_ARGUMENT when a forwarded header is not
// printable ASCII (gRPC metadata cannot carry it); PERMISSION_DENIED when a
// cookie session's request that is not GET or HEAD lacks the right
// X-CSRF-Token (a page of another site cannot send one).
absl::StatusOr<CallMetadata> CallMetadataOf(const HttpRequest& request);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_CALL_METADATA_H_
