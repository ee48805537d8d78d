// The JSON API: ONE generic transcoder from HTTP/JSON to the gRPC services,
// over the route table. A request becomes the method's request message
// (request_fields.h), goes through grpc::GenericStub over the server's
// in-process channel — the same service code, access rules and validation
// as a gRPC client gets — and the answer becomes JSON (lowerCamelCase names,
// enums by name, fields at their default left out) or a JSON error
// (json_response.h). Server-streaming methods answer as Server-Sent Events
// (event_stream.h). Nothing blocks: calls complete on gRPC's threads.
// Thread-safe; `calls` must outlive it, and it must outlive every call it
// started (ActiveCalls::Shutdown waits for them).
#ifndef RENKEI_SERVER_WEB_INTERNAL_JSON_API_H_
#define RENKEI_SERVER_WEB_INTERNAL_JSON_API_H_

#include <grpcpp/generic/generic_stub.h>

#include <memory>
#include <string>

#include "absl/time/time.h"
#include "server/web/internal/active_calls.h"
#include "server/web/internal/call_metadata.h"
#include "server/web/internal/http_message.h"
#include "server/web/internal/route_table.h"

namespace google::protobuf {
class Message;
namespace util {
class TypeResolver;
}  // namespace util
}  // namespace google::protobuf

namespace renkei::web {

class JsonApi {
 public:
  // `deadline` bounds each unary call (not streams).
  JsonApi(std::shared_ptr<grpc::ChannelInterface> channel, RouteTable routes, ActiveCalls* calls,
          absl::Duration deadline);
  ~JsonApi();
  JsonApi(const JsonApi&) = delete;
  JsonApi& operator=(const JsonApi&) = delete;

  // Answers `request` (a path under /v1/) through `exchange`; returns at once.
  void Handle(HttpRequest request, std::shared_ptr<Exchange> exchange);

  const RouteTable& routes() const { return routes_; }

 private:
  struct UnaryCall;
  void StartUnary(const Route& route, const google::protobuf::Message& message,
                  const CallMetadata& metadata, std::shared_ptr<Exchange> exchange);
  void FinishUnary(UnaryCall* call, const grpc::Status& status);

  // Constant after construction.
  grpc::GenericStub stub_;
  const RouteTable routes_;
  ActiveCalls* const calls_;
  const absl::Duration deadline_;
  const std::unique_ptr<google::protobuf::util::TypeResolver> resolver_;
};

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_JSON_API_H_
