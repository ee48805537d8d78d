// The gRPC calls the web layer has in flight, so that shutdown can end them
// before the HTTP threads stop. Thread-safe.
#ifndef RENKEI_SERVER_WEB_INTERNAL_ACTIVE_CALLS_H_
#define RENKEI_SERVER_WEB_INTERNAL_ACTIVE_CALLS_H_

#include <memory>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace grpc {
class ClientContext;
}  // namespace grpc

namespace renkei::web {

class ActiveCalls {
 public:
  ActiveCalls() = default;
  ActiveCalls(const ActiveCalls&) = delete;
  ActiveCalls& operator=(const ActiveCalls&) = delete;

  // Registers a call about to start; false once Shutdown has begun (the call
  // must not start). A stream is cancelled at once by Shutdown.
  bool Add(std::shared_ptr<grpc::ClientContext> context, bool stream);
  // Unregisters a finished call. Call it last in the call's completion, once
  // nothing of the call touches the HTTP side any more and the caller holds
  // no reference to the context: the registry's is then the last, and the
  // context is destroyed here, before Shutdown can return.
  void Remove(const grpc::ClientContext* context);

  // Refuses new calls, cancels the streams, gives unary calls up to `grace`
  // to finish, cancels the rest, and returns when none is left.
  void Shutdown(absl::Duration grace);

 private:
  struct Call {
    std::shared_ptr<grpc::ClientContext> context;
    bool stream;
  };
  // Cancels the calls that are streams, or all of them.
  void Cancel(bool streams_only) ABSL_LOCKS_EXCLUDED(mu_);
  bool Idle() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return calls_.empty(); }

  mutable absl::Mutex mu_;
  absl::flat_hash_map<const grpc::ClientContext*, Call> calls_ ABSL_GUARDED_BY(mu_);
  bool shutting_down_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_ACTIVE_CALLS_H_
