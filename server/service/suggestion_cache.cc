#include "server/service/suggestion_cache.h"

#include <utility>

namespace renkei::service {

std::optional<std::string> SuggestionCache::Find(const std::string& key,
                                                 const DataVersion& version) {
  absl::MutexLock lock(&mu_);
  // A caller that read the version before a write was published finds
  // nothing, and leaves the newer answers kept.
  if (version.revision < version_.revision) {
    ++misses_;
    return std::nullopt;
  }
  MoveTo(version);
  auto it = answers_.find(key);
  if (it == answers_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  return it->second;
}

void SuggestionCache::Keep(const std::string& key, const DataVersion& version,
                           std::string answer) {
  const size_t size = key.size() + answer.size();
  if (size > max_bytes_) return;
  absl::MutexLock lock(&mu_);
  // An answer of older data than the cache holds is not kept; one of newer
  // data moves the cache on.
  if (version.revision < version_.revision) return;
  MoveTo(version);
  if (answers_.contains(key)) return;
  if (bytes_ + size > max_bytes_) {
    answers_.clear();
    bytes_ = 0;
  }
  bytes_ += size;
  answers_.emplace(key, std::move(answer));
}

int64_t SuggestionCache::hits() const {
  absl::MutexLock lock(&mu_);
  return hits_;
}

int64_t SuggestionCache::misses() const {
  absl::MutexLock lock(&mu_);
  return misses_;
}

void SuggestionCache::MoveTo(const DataVersion& version) {
  if (version == version_) return;
  answers_.clear();
  bytes_ = 0;
  version_ = version;
}

}  // namespace renkei::service
