#include "server/web/internal/event_stream.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/client_callback.h>

#include <atomic>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/web/internal/json_response.h"

namespace renkei::web {
namespace {

using google::protobuf::Message;

HttpHeaders EventHeaders() {
  return {{"Content-Type", "text/event-stream; charset=utf-8"},
          {"Cache-Control", "no-store"},
          // nginx passes each event on at once instead of buffering them.
          {"X-Accel-Buffering", "no"}};
}

// One message as an event: "id: …\ndata: …\n\n".
std::string EventOf(const grpc::ByteBuffer& buffer, const Message& prototype) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
  }
  std::unique_ptr<Message> message(prototype.New());
  std::string json;
  if (!message->ParseFromString(bytes) ||
      !google::protobuf::util::MessageToJsonString(*message, &json).ok()) {
    return absl::StrCat("event: error\ndata: ",
                        ErrorJson(grpc::Status(grpc::StatusCode::DATA_LOSS,
                                               "a streamed message does not convert to JSON")),
                        "\n\n");
  }
  std::string event;
  const auto* revision = message->GetDescriptor()->FindFieldByName("revision");
  if (revision != nullptr &&
      revision->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_INT64) {
    absl::StrAppend(&event, "id: ", message->GetReflection()->GetInt64(*message, revision), "\n");
  }
  absl::StrAppend(&event, "data: ", json, "\n\n");
  return event;
}

class EventStream final : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  EventStream(const Route& route, std::shared_ptr<Exchange> exchange, ActiveCalls* calls)
      : route_(route),
        prototype_(*google::protobuf::MessageFactory::generated_factory()->GetPrototype(
            route.method->output_type())),
        exchange_(std::move(exchange)),
        calls_(calls) {}

  std::shared_ptr<grpc::ClientContext> context() const { return context_; }

  void Start(grpc::GenericStub* stub, const Message& request) {
    grpc::Slice slice(request.SerializeAsString());
    request_ = grpc::ByteBuffer(&slice, 1);
    stub->PrepareBidiStreamingCall(context_.get(), route_.grpc_path, grpc::StubOptions(), this);
    StartWriteLast(&request_, grpc::WriteOptions());
    StartRead(&incoming_);
    StartCall();
  }

  void OnReadInitialMetadataDone(bool ok) override {
    if (!ok) return;
    const auto& metadata = context_->GetServerInitialMetadata();
    const auto marker = metadata.find("x-renkei-stream");
    if (marker != metadata.end() && marker->second == "open") Open();
  }

  void OnReadDone(bool ok) override {
    if (!ok) return;
    Open();
    AddHold();  // OnDone waits until the event is written
    exchange_->SendEvent(EventOf(incoming_, prototype_), [this](bool sent) {
      if (sent) {
        StartRead(&incoming_);
      } else {
        context_->TryCancel();
      }
      RemoveHold();
    });
  }

  void OnDone(const grpc::Status& status) override {
    if (!opened_.exchange(true)) {
      // Nothing sent yet: an error is a plain JSON error response.
      if (!status.ok()) {
        exchange_->Respond(ErrorResponse(status));
      } else {
        exchange_->StartEvents(EventHeaders(), nullptr);
        exchange_->EndEvents();
      }
    } else {
      if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
        exchange_->SendEvent(absl::StrCat("event: error\ndata: ", ErrorJson(status), "\n\n"),
                             nullptr);
      }
      exchange_->EndEvents();
    }
    // Nothing of the call may outlive its registration (json_api.cc says
    // why); the context lives on only in the registry and in the session's
    // on_gone, which the web server ends before the gRPC server.
    ActiveCalls* calls = calls_;
    const grpc::ClientContext* key = context_.get();
    delete this;
    calls->Remove(key);
  }

 private:
  // Sends the head of the response, once.
  void Open() {
    if (opened_.exchange(true)) return;
    exchange_->StartEvents(EventHeaders(), [context = context_] { context->TryCancel(); });
  }

  const Route& route_;
  const Message& prototype_;
  const std::shared_ptr<grpc::ClientContext> context_ = std::make_shared<grpc::ClientContext>();
  std::shared_ptr<Exchange> exchange_;
  ActiveCalls* const calls_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer incoming_;
  std::atomic<bool> opened_{false};
};

}  // namespace

void StartEventStream(grpc::GenericStub* stub, const Route& route, const Message& request,
                      const CallMetadata& metadata, std::shared_ptr<Exchange> exchange,
                      ActiveCalls* calls) {
  auto stream = std::make_unique<EventStream>(route, exchange, calls);
  for (const auto& [key, value] : metadata) stream->context()->AddMetadata(key, value);
  if (!calls->Add(stream->context(), /*stream=*/true)) {
    return exchange->Respond(
        HttpError(503, grpc::StatusCode::UNAVAILABLE, "the server is shutting down"));
  }
  stream.release()->Start(stub, request);  // deletes itself in OnDone
}

}  // namespace renkei::web
