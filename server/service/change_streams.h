// The open WatchChanges streams, and their limits: at most so many at once,
// and per caller, and none blocked for long on a client that does not read.
//
// A stream holds one ticket while it is open. It marks each write; a write
// that has not completed within `stall_timeout` (the client stopped reading
// and flow control holds the write back) has its call cancelled by a
// watchdog thread, so a slow reader pins neither a thread nor memory for
// long: the client sees CANCELLED and resumes from the last revision it read.
// CancelWriting (shutdown) cancels every stream blocked in a write at once.
//
// Thread-safe.
#ifndef RENKEI_SERVER_SERVICE_CHANGE_STREAMS_H_
#define RENKEI_SERVER_SERVICE_CHANGE_STREAMS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace grpc {
class ServerContext;
}  // namespace grpc

namespace renkei::service {

struct StreamLimits {
  int max_streams = 128;
  int max_per_caller = 16;
  absl::Duration stall_timeout = absl::Seconds(30);
};

class ChangeStreams {
 public:
  explicit ChangeStreams(StreamLimits limits);
  ~ChangeStreams();
  ChangeStreams(const ChangeStreams&) = delete;
  ChangeStreams& operator=(const ChangeStreams&) = delete;

  // One open stream; closing it (destroying) frees its place.
  class Ticket {
   public:
    Ticket(ChangeStreams* streams, uint64_t id) : streams_(streams), id_(id) {}
    ~Ticket() { streams_->Close(id_); }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    // Around each write to the client.
    void StartWrite() { streams_->SetWriting(id_, true); }
    void EndWrite() { streams_->SetWriting(id_, false); }
    // Whether the watchdog ended the stream (the client read too slowly).
    bool stalled() const { return streams_->Stalled(id_); }

   private:
    ChangeStreams* const streams_;
    const uint64_t id_;
  };

  // A ticket for a stream of `caller` on `context` (which must outlive the
  // ticket), or RESOURCE_EXHAUSTED when the limits are reached.
  absl::StatusOr<std::unique_ptr<Ticket>> Open(grpc::ServerContext* context,
                                               const std::string& caller);
  // Cancels every stream that is blocked writing, and from now on every
  // write as it starts (shutdown): a stream between two writes when this is
  // called cannot go on to block in its next one.
  void CancelWriting();
  int open() const;

 private:
  struct Stream {
    grpc::ServerContext* context = nullptr;
    std::string caller;
    absl::Time writing_since = absl::InfiniteFuture();
    bool stalled = false;
  };

  void Close(uint64_t id);
  void SetWriting(uint64_t id, bool writing);
  bool Stalled(uint64_t id) const;
  void Watch();  // the watchdog thread

  // Constant after construction.
  const StreamLimits limits_;

  mutable absl::Mutex mu_;
  std::map<uint64_t, Stream> streams_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, int> per_caller_ ABSL_GUARDED_BY(mu_);
  uint64_t next_id_ ABSL_GUARDED_BY(mu_) = 1;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelling_ ABSL_GUARDED_BY(mu_) = false;  // CancelWriting was called
  std::thread watchdog_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_CHANGE_STREAMS_H_
