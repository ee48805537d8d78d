#include "server/service/change_streams.h"

#include <grpcpp/server_context.h>

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "server/util/log.h"

namespace renkei::service {

ChangeStreams::ChangeStreams(StreamLimits limits)
    : limits_(limits), watchdog_([this] { Watch(); }) {}

ChangeStreams::~ChangeStreams() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  watchdog_.join();
}

absl::StatusOr<std::unique_ptr<ChangeStreams::Ticket>> ChangeStreams::Open(
    grpc::ServerContext* context, const std::string& caller) {
  absl::MutexLock lock(&mu_);
  if (static_cast<int>(streams_.size()) >= limits_.max_streams) {
    return absl::ResourceExhaustedError(absl::StrCat(
        limits_.max_streams, " change streams are open, the most this server serves at once "
        "(--max_change_streams); retry later"));
  }
  int& mine = per_caller_[caller];
  if (mine >= limits_.max_per_caller) {
    return absl::ResourceExhaustedError(absl::StrCat(
        "this caller has ", mine, " change streams open, the most one caller may; close one "
        "first (one stream can follow every collection)"));
  }
  ++mine;
  const uint64_t id = next_id_++;
  streams_[id] = Stream{context, caller};
  return std::make_unique<Ticket>(this, id);
}

void ChangeStreams::Close(uint64_t id) {
  absl::MutexLock lock(&mu_);
  auto it = streams_.find(id);
  if (it == streams_.end()) return;
  if (--per_caller_[it->second.caller] == 0) per_caller_.erase(it->second.caller);
  streams_.erase(it);
}

void ChangeStreams::SetWriting(uint64_t id, bool writing) {
  absl::MutexLock lock(&mu_);
  auto it = streams_.find(id);
  if (it == streams_.end()) return;
  it->second.writing_since = writing ? absl::Now() : absl::InfiniteFuture();
  if (writing && cancelling_) it->second.context->TryCancel();
}

bool ChangeStreams::Stalled(uint64_t id) const {
  absl::MutexLock lock(&mu_);
  auto it = streams_.find(id);
  return it != streams_.end() && it->second.stalled;
}

void ChangeStreams::CancelWriting() {
  absl::MutexLock lock(&mu_);
  cancelling_ = true;
  for (auto& [id, stream] : streams_) {
    if (stream.writing_since != absl::InfiniteFuture()) stream.context->TryCancel();
  }
}

int ChangeStreams::open() const {
  absl::MutexLock lock(&mu_);
  return static_cast<int>(streams_.size());
}

void ChangeStreams::Watch() {
  const absl::Duration period =
      std::clamp(limits_.stall_timeout / 4, absl::Milliseconds(50), absl::Seconds(1));
  absl::MutexLock lock(&mu_);
  auto stopping = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return stopping_; };
  while (!mu_.AwaitWithTimeout(absl::Condition(&stopping), period)) {
    const absl::Time now = absl::Now();
    for (auto& [id, stream] : streams_) {
      if (stream.stalled || now - stream.writing_since < limits_.stall_timeout) continue;
      stream.stalled = true;
      stream.context->TryCancel();
      LogInfo(absl::StrCat("change stream of ", stream.caller, " cancelled: its client read "
                           "nothing for ", absl::FormatDuration(limits_.stall_timeout)));
    }
  }
}

}  // namespace renkei::service
