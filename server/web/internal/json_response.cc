#include "server/web/internal/json_response.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/rpc/status.pb.h"
#include "server/service/grpc_status.h"

namespace renkei::web {
namespace {

// The google.rpc.Code names, by number.
constexpr const char* kCodeNames[] = {
    "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
    "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
    "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
    "DATA_LOSS", "UNAUTHENTICATED"};

absl::string_view CodeName(grpc::StatusCode code) {
  const int index = static_cast<int>(code);
  return index >= 0 && index <= 16 ? kCodeNames[index] : "UNKNOWN";
}

// The JSON of each detail the service attached ("" when none parse).
std::string DetailsJson(const std::string& serialized) {
  google::rpc::Status details;
  if (serialized.empty() || !details.ParseFromString(serialized)) return "";
  std::string out;
  for (const auto& any : details.details()) {
    std::string json;
    if (!google::protobuf::util::MessageToJsonString(any, &json).ok()) continue;
    absl::StrAppend(&out, out.empty() ? "" : ",", json);
  }
  return out;
}

std::string ErrorBody(int http_status, grpc::StatusCode code, absl::string_view message,
                      absl::string_view details) {
  std::string out = absl::StrCat("{\"error\":{\"code\":", http_status, ",\"status\":\"",
                                 CodeName(code), "\",\"message\":");
  AppendJsonString(message, &out);
  if (!details.empty()) absl::StrAppend(&out, ",\"details\":[", details, "]");
  absl::StrAppend(&out, "}}");
  return out;
}

}  // namespace

HttpResponse JsonResponse(int http_status, std::string body) {
  HttpResponse response;
  response.status = http_status;
  response.headers = {{"Content-Type", "application/json; charset=utf-8"},
                      {"Cache-Control", "no-store"}};
  response.body = std::move(body);
  return response;
}

int HttpStatusOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return 200;
    case grpc::StatusCode::CANCELLED:
      return 499;
    case grpc::StatusCode::INVALID_ARGUMENT:
      return 400;
    case grpc::StatusCode::FAILED_PRECONDITION:
      return 400;
    case grpc::StatusCode::OUT_OF_RANGE:
      return 400;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::ALREADY_EXISTS:
      return 409;
    case grpc::StatusCode::ABORTED:
      return 409;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return 429;
    case grpc::StatusCode::UNIMPLEMENTED:
      return 501;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return 504;
    default:
      return 500;  // UNKNOWN, INTERNAL, DATA_LOSS
  }
}

std::string ErrorJson(const grpc::Status& status) {
  return ErrorBody(HttpStatusOf(status.error_code()), status.error_code(), status.error_message(),
                   DetailsJson(status.error_details()));
}

HttpResponse ErrorResponse(const grpc::Status& status) {
  return JsonResponse(HttpStatusOf(status.error_code()), ErrorJson(status));
}

HttpResponse ErrorResponse(const absl::Status& status) {
  return ErrorResponse(service::ToGrpcStatus(status));
}

HttpResponse HttpError(int http_status, grpc::StatusCode code, absl::string_view message) {
  return JsonResponse(http_status, ErrorBody(http_status, code, message, ""));
}

void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(out, "\\u%04x", static_cast<unsigned char>(c));
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

}  // namespace renkei::web
