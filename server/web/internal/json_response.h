// JSON responses: a result as it is, and errors in Google's format (AIP-193):
//
//   {"error": {"code": 400, "status": "INVALID_ARGUMENT", "message": "…",
//              "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
//                           "fieldViolations": [{"field": "…", "description": "…"}]}]}}
//
// "code" is the HTTP status, "status" the google.rpc.Code name, "details"
// the google.rpc.Status details the service sent (BadRequest,
// PreconditionFailure). Thread-safe (pure functions).
#ifndef RENKEI_SERVER_WEB_INTERNAL_JSON_RESPONSE_H_
#define RENKEI_SERVER_WEB_INTERNAL_JSON_RESPONSE_H_

#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/web/internal/http_message.h"

namespace renkei::web {

// A response with `body` (JSON) as application/json; charset=utf-8, not to be
// cached (Cache-Control: no-store).
HttpResponse JsonResponse(int http_status, std::string body);

// The HTTP status google.rpc.Code maps `code` to (INVALID_ARGUMENT 400,
// NOT_FOUND 404, ALREADY_EXISTS and ABORTED 409, UNAVAILABLE 503 …).
int HttpStatusOf(grpc::StatusCode code);

// The response for a failed call, with the status details as "details".
HttpResponse ErrorResponse(const grpc::Status& status);
// The same for an error found before any call (field violations kept).
HttpResponse ErrorResponse(const absl::Status& status);
// An error of the HTTP layer itself (404 no route, 405, 413, 415, 431, 503
// connections) with the gRPC code it is closest to.
HttpResponse HttpError(int http_status, grpc::StatusCode code, absl::string_view message);

// The body of ErrorResponse(status), for an error event of a stream.
std::string ErrorJson(const grpc::Status& status);

// Appends `text` to `out` as a JSON string (quotes included).
void AppendJsonString(absl::string_view text, std::string* out);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_JSON_RESPONSE_H_
