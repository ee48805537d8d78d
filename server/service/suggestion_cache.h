// SuggestionCache: the answers of the Suggest… calls, kept while nothing
// they read has changed, so that a page opened again (the ニーズ list asks for
// every open need's best seed) does not match again.
//
// An answer is kept under its key (the method, the request's bytes and who
// may see what: the caller's role and the organizations it acts for) and the
// version of the data it was computed from (the newest revision of every
// record kind matching reads, and the thesaurus instance). A lookup with any
// other version finds nothing and empties the cache, so an answer is never
// older than the data: exact, not approximate. Holds at most `max_bytes` of
// answers; when a new one would pass that, the cache starts again empty.
//
// Thread-safe.
#ifndef RENKEI_SERVER_SERVICE_SUGGESTION_CACHE_H_
#define RENKEI_SERVER_SERVICE_SUGGESTION_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"

namespace renkei::service {

// What an answer was computed from; equal versions mean equal answers.
// The version holds the thesaurus instance alive, so that a later instance
// cannot take its address while answers computed with it are kept.
struct DataVersion {
  int64_t revision = 0;                    // the newest change of a kind matching reads
  std::shared_ptr<const void> thesaurus;  // the thesaurus instance in use
  bool operator==(const DataVersion& other) const {
    return revision == other.revision && thesaurus == other.thesaurus;
  }
};

class SuggestionCache {
 public:
  // `max_bytes` 0 keeps nothing.
  explicit SuggestionCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  SuggestionCache(const SuggestionCache&) = delete;
  SuggestionCache& operator=(const SuggestionCache&) = delete;

  // The answer kept for `key` at `version`; nothing when there is none.
  std::optional<std::string> Find(const std::string& key, const DataVersion& version);
  // Keeps `answer` for `key`, computed from the data at `version` (read
  // before computing it).
  void Keep(const std::string& key, const DataVersion& version, std::string answer);

  // Answers found and not found since the start (for /metrics and tests).
  int64_t hits() const;
  int64_t misses() const;

 private:
  // REQUIRES: mu_ held. Forgets everything kept for another version.
  void MoveTo(const DataVersion& version) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Constant after construction.
  const size_t max_bytes_;

  mutable absl::Mutex mu_;
  // Protected by mu_.
  DataVersion version_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, std::string> answers_ ABSL_GUARDED_BY(mu_);
  size_t bytes_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t hits_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t misses_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_SUGGESTION_CACHE_H_
