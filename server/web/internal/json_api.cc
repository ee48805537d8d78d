#include "server/web/internal/json_api.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver_util.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/byte_buffer.h>

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "renkei/v1/system.pb.h"
#include "server/web/internal/call_metadata.h"
#include "server/web/internal/event_stream.h"
#include "server/web/internal/json_response.h"
#include "server/web/internal/request_fields.h"

namespace renkei::web {
namespace {

constexpr char kTypeUrlPrefix[] = "type.googleapis.com";
// What a gRPC server takes in one message by default (the server keeps it):
// a larger request would come back as RESOURCE_EXHAUSTED, read as 429.
constexpr size_t kMaxRequestMessageBytes = 4 << 20;

grpc::ByteBuffer ToByteBuffer(const google::protobuf::Message& message) {
  grpc::Slice slice(message.SerializeAsString());
  return grpc::ByteBuffer(&slice, 1);
}

std::string ToString(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& slice : slices) {
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return out;
}

// The 404 or 405 for a request no route takes.
HttpResponse NoRoute(const HttpRequest& request, const std::vector<std::string>& allowed) {
  if (allowed.empty()) {
    return HttpError(404, grpc::StatusCode::NOT_FOUND,
                     absl::StrCat("no API route ", request.Path(), " (docs/api.md lists them)"));
  }
  HttpResponse response =
      HttpError(405, grpc::StatusCode::UNIMPLEMENTED,
                absl::StrCat(request.method, " is not allowed on ", request.Path(),
                             "; allowed: ", absl::StrJoin(allowed, ", ")));
  response.headers.emplace_back("Allow", absl::StrJoin(allowed, ", "));
  return response;
}

bool IsJson(absl::string_view content_type) {
  return absl::StartsWithIgnoreCase(absl::StripAsciiWhitespace(content_type), "application/json");
}

// For a stream, the Last-Event-ID header (what an EventSource sends when it
// reconnects) wins over ?sinceRevision.
absl::Status ApplyLastEventId(const HttpRequest& request, google::protobuf::Message* message) {
  const absl::string_view last = request.Header("last-event-id");
  if (last.empty()) return absl::OkStatus();
  return SetFieldFromText("since_revision", last, message);
}

// A renkei.v1.Metrics reply as Prometheus reads it: the text itself.
HttpResponse MetricsResponse(const grpc::ByteBuffer& reply) {
  v1::Metrics metrics;
  if (!metrics.ParseFromString(ToString(reply))) {
    return HttpError(500, grpc::StatusCode::INTERNAL, "the metrics do not parse");
  }
  HttpResponse response;
  response.headers = {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"},
                      {"Cache-Control", "no-store"}};
  response.body = std::move(*metrics.mutable_text());
  return response;
}

}  // namespace

struct JsonApi::UnaryCall {
  std::shared_ptr<grpc::ClientContext> context = std::make_shared<grpc::ClientContext>();
  grpc::ByteBuffer request;
  grpc::ByteBuffer response;
  const Route* route = nullptr;
  std::shared_ptr<Exchange> exchange;
};

JsonApi::JsonApi(std::shared_ptr<grpc::ChannelInterface> channel, RouteTable routes,
                 ActiveCalls* calls, absl::Duration deadline)
    : stub_(std::move(channel)),
      routes_(std::move(routes)),
      calls_(calls),
      deadline_(deadline),
      resolver_(google::protobuf::util::NewTypeResolverForDescriptorPool(
          kTypeUrlPrefix, google::protobuf::DescriptorPool::generated_pool())) {}

JsonApi::~JsonApi() = default;

void JsonApi::Handle(HttpRequest request, std::shared_ptr<Exchange> exchange) {
  RouteTable::Lookup found = routes_.Find(request.method, request.Path());
  if (found.route == nullptr) return exchange->Respond(NoRoute(request, found.allowed));
  const Route& route = *found.route;
  if (!request.body.empty() && !IsJson(request.Header("content-type"))) {
    return exchange->Respond(HttpError(415, grpc::StatusCode::INVALID_ARGUMENT,
                                       "the body must be JSON (Content-Type: application/json)"));
  }
  absl::StatusOr<CallMetadata> metadata = CallMetadataOf(request);
  if (!metadata.ok()) return exchange->Respond(ErrorResponse(metadata.status()));
  std::unique_ptr<google::protobuf::Message> message(
      google::protobuf::MessageFactory::generated_factory()
          ->GetPrototype(route.method->input_type())
          ->New());
  absl::Status built =
      BuildRequest(route, found.bindings, request.Query(), request.body, message.get());
  if (built.ok() && route.streaming) built = ApplyLastEventId(request, message.get());
  if (!built.ok()) return exchange->Respond(ErrorResponse(built));
  if (message->ByteSizeLong() > kMaxRequestMessageBytes) {
    return exchange->Respond(HttpError(
        413, grpc::StatusCode::INVALID_ARGUMENT,
        absl::StrCat("the request is ", message->ByteSizeLong(), " bytes as a message; a call "
                     "carries at most ", kMaxRequestMessageBytes)));
  }
  if (route.streaming) {
    return StartEventStream(&stub_, route, *message, *metadata, std::move(exchange), calls_);
  }
  StartUnary(route, *message, *metadata, std::move(exchange));
}

void JsonApi::StartUnary(const Route& route, const google::protobuf::Message& message,
                         const CallMetadata& metadata, std::shared_ptr<Exchange> exchange) {
  auto call = std::make_unique<UnaryCall>();
  call->context->set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
  for (const auto& [key, value] : metadata) call->context->AddMetadata(key, value);
  call->request = ToByteBuffer(message);
  call->route = &route;
  call->exchange = std::move(exchange);
  if (!calls_->Add(call->context, /*stream=*/false)) {
    return call->exchange->Respond(
        HttpError(503, grpc::StatusCode::UNAVAILABLE, "the server is shutting down"));
  }
  UnaryCall* raw = call.release();  // deleted by FinishUnary
  stub_.UnaryCall(raw->context.get(), raw->route->grpc_path, grpc::StubOptions(), &raw->request,
                  &raw->response, [this, raw](grpc::Status status) { FinishUnary(raw, status); });
}

void JsonApi::FinishUnary(UnaryCall* raw, const grpc::Status& status) {
  std::unique_ptr<UnaryCall> call(raw);
  if (!status.ok()) {
    call->exchange->Respond(ErrorResponse(status));
  } else if (call->route->method->output_type()->full_name() == "renkei.v1.Metrics") {
    call->exchange->Respond(MetricsResponse(call->response));
  } else {
    std::string json;
    google::protobuf::util::JsonPrintOptions options;
    const auto printed = google::protobuf::util::BinaryToJsonString(
        resolver_.get(),
        absl::StrCat(kTypeUrlPrefix, "/", call->route->method->output_type()->full_name()),
        ToString(call->response), &json, options);
    call->exchange->Respond(printed.ok()
                                ? JsonResponse(200, std::move(json))
                                : HttpError(500, grpc::StatusCode::INTERNAL,
                                            absl::StrCat("the reply does not convert to JSON: ",
                                                         printed.message().ToString())));
  }
  // Nothing of the call may outlive its registration: shutdown goes on (and
  // the gRPC server goes away) once it is removed, and a ClientContext
  // destroyed after that touches the in-process transport of a server that
  // is gone. The registry holds the last reference to the context.
  const grpc::ClientContext* key = call->context.get();
  call.reset();
  calls_->Remove(key);
}

}  // namespace renkei::web
