// The counters of the meta family (keys.h) that reads asked for, held in
// memory, so that a search's document frequencies and statistics cost no
// RocksDB read. Exact under writes: once a batch is written its counter
// deltas are added to the values held, and a value read from RocksDB is
// kept only when no write began or ended while it was read (a sequence
// count, odd while a write is under way). At most `capacity` values are
// held; a full cache starts again empty.
//
// Thread-safe. REQUIRES: writes are serialized (the store's write lock), so
// at most one is between BeginWrite and EndWrite.
#ifndef RENKEI_SERVER_STORE_INTERNAL_COUNTER_CACHE_H_
#define RENKEI_SERVER_STORE_INTERNAL_COUNTER_CACHE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace renkei::store::internal {

class CounterCache {
 public:
  explicit CounterCache(size_t capacity) : capacity_(capacity) {}
  CounterCache(const CounterCache&) = delete;
  CounterCache& operator=(const CounterCache&) = delete;

  // The value of the counter `name`; `read` reads it from the database when
  // it is not held.
  int64_t Get(absl::string_view name, absl::FunctionRef<int64_t()> read);

  // Call BeginWrite before writing a batch that changes counters and
  // EndWrite after, with the batch's deltas by counter name and whether the
  // batch was written (when not, every held value is forgotten).
  void BeginWrite();
  void EndWrite(const std::vector<std::pair<std::string, int64_t>>& deltas, bool written);

  size_t size() const;

 private:
  const size_t capacity_;

  mutable absl::Mutex mu_;
  uint64_t sequence_ ABSL_GUARDED_BY(mu_) = 0;  // odd while a write is under way
  absl::flat_hash_map<std::string, int64_t> values_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_COUNTER_CACHE_H_
