// renkei.v1.ChangeService: the change feed, read from the store's persisted
// log. Thread-safe; `store` must outlive the service. Streams end when the
// client cancels, the server shuts down (Stop), or at the head when asked.
#ifndef RENKEI_SERVER_SERVICE_CHANGE_SERVICE_H_
#define RENKEI_SERVER_SERVICE_CHANGE_SERVICE_H_

#include <atomic>

#include "renkei/v1/change.grpc.pb.h"
#include "server/service/change_streams.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class ChangeService final : public v1::ChangeService::Service {
 public:
  ChangeService(store::Store* store, const Gate* gate, StreamLimits limits = {})
      : store_(*store), gate_(*gate), streams_(limits) {}

  grpc::Status WatchChanges(grpc::ServerContext* context,
                            const v1::WatchChangesRequest* request,
                            grpc::ServerWriter<v1::Change>* writer) override;

  // Ends every open stream within a poll interval, and at once those blocked
  // on a client that does not read (for shutdown).
  void Stop() {
    stopping_ = true;
    streams_.CancelWriting();
  }
  int open_streams() const { return streams_.open(); }

 private:
  store::Store& store_;
  const Gate& gate_;
  std::atomic<bool> stopping_{false};
  ChangeStreams streams_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_CHANGE_SERVICE_H_
