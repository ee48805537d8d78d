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
//   x-renkei-peer       the TCP peer, "ip:port"
//   x-renkei-client     the client's address: the last X-Forwarded-For entry
//                       when the peer is a proxy on loopback (nginx,
//                       docs/web.md), else the peer's address
// INVALID_ARGUMENT when a forwarded header is not printable ASCII (gRPC
// metadata cannot carry it).
absl::StatusOr<CallMetadata> CallMetadataOf(const HttpRequest& request);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_CALL_METADATA_H_
