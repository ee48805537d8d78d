// What a call made for an HTTP request tells the service: ONE function, so
// the access rules (sessions, CSRF checks) are added in one place.
// Thread-safe (a pure function).
#ifndef RENKEI_SERVER_WEB_INTERNAL_CALL_METADATA_H_
#define RENKEI_SERVER_WEB_INTERNAL_CALL_METADATA_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "server/web/internal/http_message.h"

namespace renkei::web {

using CallMetadata = std::vector<std::pair<std::string, std::string>>;

// The gRPC metadata of the call for `request`:
//   authorization       the HTTP Authorization header, when sent
//   x-renkei-interface  "json"
//   x-renkei-peer       where the user is: the TCP peer "ip:port", or, when
//                       the peer is a proxy on loopback (nginx, docs/web.md)
//                       that sent X-Forwarded-For, the address it appended
//                       last (the audit trail and the per-address login
//                       throttle then see the user, not nginx)
// The service trusts the last two only from in-process calls
// (server/service/gate.h). INVALID_ARGUMENT when a forwarded header is not
// printable ASCII (gRPC metadata cannot carry it).
absl::StatusOr<CallMetadata> CallMetadataOf(const HttpRequest& request);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_CALL_METADATA_H_
