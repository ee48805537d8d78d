// The resolution profiles of every organization held, kept between imports.
// Profiling an organization reads its name with MeCab; doing that for every
// organization at the start of each import made a short list wait on the
// size of the database (1.8 s for 7 rows against 100,000 organizations).
// The cache profiles everything once, then brings itself up to date from
// the change log (store.ReadChanges) before each use.
//
// Not thread-safe: the import service uses it under its one-import lock.
#ifndef RENKEI_SERVER_INGEST_PROFILE_CACHE_H_
#define RENKEI_SERVER_INGEST_PROFILE_CACHE_H_

#include <cstdint>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "server/resolve/profile.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::resolve {
class Reader;
class Resolver;
}  // namespace renkei::resolve

namespace renkei::ingest {

class ProfileCache {
 public:
  // `reader` may be null. Both must outlive the cache.
  ProfileCache(const store::Store* store, const resolve::Reader* reader)
      : store_(*store), reader_(reader) {}

  // Brings the profiles up to the store's current revision and adds every
  // one to `resolver`.
  absl::Status Fill(resolve::Resolver* resolver);

  size_t size() const { return profiles_.size(); }

 private:
  absl::Status Rebuild();
  absl::Status CatchUp();

  const store::Store& store_;
  const resolve::Reader* const reader_;
  absl::flat_hash_map<uint64_t, resolve::Profile> profiles_;
  int64_t revision_ = -1;  // what the profiles reflect; -1: never built
};

}  // namespace renkei::ingest

#endif  // RENKEI_SERVER_INGEST_PROFILE_CACHE_H_
