// Whether the store may write, and why not: the free space on the data
// directory's file system, and faults RocksDB reported.
//
// Writes are refused (RESOURCE_EXHAUSTED) while the file system has less than
// `min_free_bytes` free, so RocksDB rarely meets a full disk itself; they
// resume as soon as space is freed. When RocksDB does fail a write or a
// background flush or compaction, its database stops taking writes; the guard
// remembers the fault (RESOURCE_EXHAUSTED for no space, UNAVAILABLE for other
// I/O errors) until RocksDB reports that it recovered. A database opened
// read-only (the disk was full at start) refuses writes until a restart.
// Reads are never refused. docs/operations.md tells an operator what to do.
//
// Thread-safe.
#ifndef RENKEI_SERVER_STORE_INTERNAL_DISK_GUARD_H_
#define RENKEI_SERVER_STORE_INTERNAL_DISK_GUARD_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"

namespace rocksdb {
class EventListener;
class Status;
}  // namespace rocksdb

namespace renkei::store::internal {

class DiskGuard {
 public:
  DiskGuard(std::string directory, uint64_t min_free_bytes);
  DiskGuard(const DiskGuard&) = delete;
  DiskGuard& operator=(const DiskGuard&) = delete;

  // OK when a write may be tried now; otherwise why not, naming the data
  // directory and what would let writes resume.
  absl::Status CheckWritable() const;

  // The database was opened read-only because of `reason` (a full disk).
  void SetReadOnly(const rocksdb::Status& reason);
  // RocksDB failed a write or background job with `error`; the database
  // takes no writes until `Recovered()`. Returns the status for the caller.
  absl::Status Fault(const rocksdb::Status& error);
  void Recovered();

  // Listens to RocksDB's background errors and recoveries for this guard.
  // The guard must outlive the database it is given to.
  std::shared_ptr<rocksdb::EventListener> NewListener();

  // Free bytes on the data directory's file system (UINT64_MAX when unknown).
  uint64_t FreeBytes() const;

 private:
  const std::string directory_;
  const uint64_t min_free_bytes_;

  mutable absl::Mutex mu_;
  absl::Status fault_ ABSL_GUARDED_BY(mu_);
  bool read_only_ ABSL_GUARDED_BY(mu_) = false;
};

// A RocksDB I/O status as the client sees it: RESOURCE_EXHAUSTED for no
// space, UNAVAILABLE otherwise, `context` in front.
absl::Status IoFailure(const rocksdb::Status& error, const std::string& context);

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_DISK_GUARD_H_
