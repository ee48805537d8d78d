// A server-streaming method answered as Server-Sent Events
// (text/event-stream): each message becomes
//
//   id: <its "revision" field, when it has one>
//   data: <the message as JSON, on one line>
//
// so an EventSource that reconnects sends Last-Event-ID and resumes
// (json_api.cc turns it into since_revision). The call runs on gRPC's
// callback threads, one message at a time: the next is read only once the
// previous one is written to the client. It ends when the method ends (an
// error then comes as "event: error" with the JSON error as data), when the
// client goes away, or when ActiveCalls::Shutdown cancels it.
//
// The response's head (200, text/event-stream) goes out when the method
// sends initial metadata with "x-renkei-stream: open" (ChangeService does
// once the request is checked), or with the first message. An error before
// that (a bad argument) is an ordinary JSON error response instead: gRPC
// gives a client initial metadata (empty) even when the call fails at once,
// so only the marker tells the two apart.
#ifndef RENKEI_SERVER_WEB_INTERNAL_EVENT_STREAM_H_
#define RENKEI_SERVER_WEB_INTERNAL_EVENT_STREAM_H_

#include <grpcpp/generic/generic_stub.h>

#include <memory>

#include "server/web/internal/active_calls.h"
#include "server/web/internal/call_metadata.h"
#include "server/web/internal/http_message.h"
#include "server/web/internal/route_table.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::web {

// Starts the call of `route` (server streaming) with `request`; answers
// through `exchange`. `stub` and `calls` must outlive the call.
void StartEventStream(grpc::GenericStub* stub, const Route& route,
                      const google::protobuf::Message& request, const CallMetadata& metadata,
                      std::shared_ptr<Exchange> exchange, ActiveCalls* calls);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_EVENT_STREAM_H_
