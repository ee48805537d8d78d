#include "server/store/internal/counter_cache.h"

namespace renkei::store::internal {

int64_t CounterCache::Get(absl::string_view name, absl::FunctionRef<int64_t()> read) {
  uint64_t sequence;
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = values_.find(name);
    if (it != values_.end()) return it->second;
    sequence = sequence_;
  }
  const int64_t value = read();
  absl::MutexLock lock(&mu_);
  // A write that began or ended since may or may not be in `value`.
  if (sequence_ != sequence || sequence % 2 != 0) return value;
  if (values_.size() >= capacity_) values_.clear();
  values_.emplace(name, value);
  return value;
}

void CounterCache::BeginWrite() {
  absl::MutexLock lock(&mu_);
  ++sequence_;
}

void CounterCache::EndWrite(const std::vector<std::pair<std::string, int64_t>>& deltas,
                            bool written) {
  absl::MutexLock lock(&mu_);
  ++sequence_;
  if (!written) {
    values_.clear();
    return;
  }
  for (const auto& [name, delta] : deltas) {
    auto it = values_.find(name);
    if (it != values_.end()) it->second += delta;
  }
}

size_t CounterCache::size() const {
  absl::ReaderMutexLock lock(&mu_);
  return values_.size();
}

}  // namespace renkei::store::internal
