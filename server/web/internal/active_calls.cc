#include "server/web/internal/active_calls.h"

#include <grpcpp/client_context.h>

#include <vector>

namespace renkei::web {

bool ActiveCalls::Add(std::shared_ptr<grpc::ClientContext> context, bool stream) {
  absl::MutexLock lock(&mu_);
  if (shutting_down_) return false;
  const grpc::ClientContext* key = context.get();
  calls_.emplace(key, Call{std::move(context), stream});
  return true;
}

void ActiveCalls::Remove(const grpc::ClientContext* context) {
  absl::MutexLock lock(&mu_);
  calls_.erase(context);
}

void ActiveCalls::Cancel(bool streams_only) {
  // TryCancel may run the call's completion (and so Remove) before it
  // returns: cancel outside the lock, holding the contexts alive.
  std::vector<std::shared_ptr<grpc::ClientContext>> cancel;
  {
    absl::MutexLock lock(&mu_);
    for (const auto& [key, call] : calls_) {
      if (call.stream || !streams_only) cancel.push_back(call.context);
    }
  }
  for (const auto& context : cancel) context->TryCancel();
}

void ActiveCalls::Shutdown(absl::Duration grace) {
  {
    absl::MutexLock lock(&mu_);
    shutting_down_ = true;
  }
  Cancel(/*streams_only=*/true);
  bool idle = false;
  {
    absl::MutexLock lock(&mu_);
    idle = mu_.AwaitWithTimeout(absl::Condition(this, &ActiveCalls::Idle), grace);
  }
  if (!idle) Cancel(/*streams_only=*/false);
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(this, &ActiveCalls::Idle));
}

}  // namespace renkei::web
