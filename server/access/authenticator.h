// Who a bearer token stands for: the token record found by the token's
// SHA-256, its user, and the Caller they make. Recently seen tokens are
// cached; the cache is dropped whenever a user or token record changes, so
// a revoked token or a disabled user fails on the very next call.
// Thread-safe; `store` must outlive the authenticator.
#ifndef RENKEI_SERVER_ACCESS_AUTHENTICATOR_H_
#define RENKEI_SERVER_ACCESS_AUTHENTICATOR_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "server/access/caller.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::v1 {
class User;
}  // namespace renkei::v1

namespace renkei::access {

class Authenticator {
 public:
  explicit Authenticator(const store::Store* store);

  // The caller `secret` stands for, or UNAUTHENTICATED saying why (unknown,
  // revoked, expired, user disabled). `interface` and `peer` are left for
  // the caller to set.
  absl::StatusOr<Caller> Authenticate(absl::string_view secret, absl::Time now) const;

  // A credential of the server itself (demo data, in-process tools), valid
  // while this process runs and never stored: role admin, user "system".
  const std::string& system_secret() const { return system_secret_; }

  // The Caller of a user record (its role, organizations, names).
  static Caller CallerOf(const v1::User& user);

 private:
  struct Entry {
    Caller caller;
    absl::Time expire_time;
  };

  // Reads the token and its user from the store.
  absl::StatusOr<Entry> Resolve(const std::string& hash, absl::Time now) const;
  // The newest change to a user or token record.
  int64_t Generation() const;

  const store::Store& store_;
  const std::string system_secret_;
  const std::string system_hash_;

  mutable absl::Mutex mu_;
  mutable absl::flat_hash_map<std::string, Entry> cache_ ABSL_GUARDED_BY(mu_);
  mutable int64_t cached_generation_ ABSL_GUARDED_BY(mu_) = -1;
};

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_AUTHENTICATOR_H_
