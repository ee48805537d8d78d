#include "server/store/internal/disk_guard.h"

#include <rocksdb/listener.h>
#include <rocksdb/status.h>
#include <sys/statvfs.h>

#include <limits>

#include "absl/strings/str_cat.h"

namespace renkei::store::internal {
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

// Forwards RocksDB's error events to the guard.
class GuardListener final : public rocksdb::EventListener {
 public:
  explicit GuardListener(DiskGuard* guard) : guard_(guard) {}

  void OnBackgroundError(rocksdb::BackgroundErrorReason /*reason*/,
                         rocksdb::Status* error) override {
    if (error != nullptr && !error->ok()) guard_->Fault(*error).IgnoreError();
  }
  void OnErrorRecoveryCompleted(rocksdb::Status /*old_error*/) override { guard_->Recovered(); }

 private:
  DiskGuard* const guard_;
};

std::string MiB(uint64_t bytes) { return absl::StrCat(bytes / kMiB, " MiB"); }

}  // namespace

absl::Status IoFailure(const rocksdb::Status& error, const std::string& context) {
  const std::string message = absl::StrCat(context, ": ", error.ToString());
  if (error.IsNoSpace()) return absl::ResourceExhaustedError(message);
  return absl::UnavailableError(message);
}

DiskGuard::DiskGuard(std::string directory, uint64_t min_free_bytes)
    : directory_(std::move(directory)), min_free_bytes_(min_free_bytes) {}

uint64_t DiskGuard::FreeBytes() const {
  struct statvfs stats;
  if (statvfs(directory_.c_str(), &stats) != 0) return std::numeric_limits<uint64_t>::max();
  return static_cast<uint64_t>(stats.f_bavail) * stats.f_frsize;
}

absl::Status DiskGuard::CheckWritable() const {
  {
    absl::MutexLock lock(&mu_);
    if (read_only_) return fault_;
    if (!fault_.ok()) return fault_;
  }
  if (min_free_bytes_ == 0) return absl::OkStatus();
  const uint64_t free = FreeBytes();
  if (free >= min_free_bytes_) return absl::OkStatus();
  return absl::ResourceExhaustedError(absl::StrCat(
      "the disk is full: ", directory_, " has ", MiB(free), " free and writes need ",
      MiB(min_free_bytes_), " (--min_free_disk_mb); reads go on, and writes resume as soon "
      "as space is freed"));
}

void DiskGuard::SetReadOnly(const rocksdb::Status& reason) {
  absl::MutexLock lock(&mu_);
  read_only_ = true;
  fault_ = IoFailure(reason, absl::StrCat("the store in ", directory_,
                                          " was opened read-only, since it could not be "
                                          "opened for writing; free space and restart the "
                                          "server to write again"));
}

absl::Status DiskGuard::Fault(const rocksdb::Status& error) {
  absl::MutexLock lock(&mu_);
  if (fault_.ok()) {
    fault_ = IoFailure(error, absl::StrCat("the store in ", directory_,
                                           " takes no writes since one failed (reads go on; "
                                           "free space, then restart the server if writes "
                                           "do not resume)"));
  }
  return fault_;
}

void DiskGuard::Recovered() {
  absl::MutexLock lock(&mu_);
  if (!read_only_) fault_ = absl::OkStatus();
}

std::shared_ptr<rocksdb::EventListener> DiskGuard::NewListener() {
  return std::make_shared<GuardListener>(this);
}

}  // namespace renkei::store::internal
