#include "server/access/authenticator.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "renkei/v1/access.pb.h"
#include "server/access/credentials.h"
#include "server/store/index.h"
#include "server/store/store.h"

namespace renkei::access {
namespace {

constexpr size_t kMaxCached = 10000;

absl::Time TimeOf(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

absl::Status Unauthenticated(absl::string_view why) {
  return absl::UnauthenticatedError(why);
}

}  // namespace

Authenticator::Authenticator(const store::Store* store)
    : store_(*store), system_secret_(NewTokenSecret()), system_hash_(HashToken(system_secret_)) {}

Caller Authenticator::CallerOf(const v1::User& user) {
  Caller caller;
  caller.role = RoleOfProto(user.role()).value_or(Role::kAnonymous);
  caller.user = user.name();
  caller.username = user.username();
  caller.display_name = user.display_name();
  caller.organizations.assign(user.organizations().begin(), user.organizations().end());
  std::sort(caller.organizations.begin(), caller.organizations.end());
  return caller;
}

int64_t Authenticator::Generation() const {
  return std::max(store_.LastChangeOf(Kind::kUser), store_.LastChangeOf(Kind::kToken));
}

absl::StatusOr<Authenticator::Entry> Authenticator::Resolve(const std::string& hash,
                                                            absl::Time now) const {
  absl::StatusOr<std::string> name = store_.Lookup(store::TokenSecretKey(hash));
  if (absl::IsNotFound(name.status())) return Unauthenticated("the token is not known");
  if (!name.ok()) return name.status();
  v1::Token token;
  absl::Status read = store_.Get(*name, &token);
  if (absl::IsNotFound(read)) return Unauthenticated("the token is not known");
  if (!read.ok()) return read;
  if (token.revoked()) return Unauthenticated("the token was revoked");
  Entry entry;
  entry.expire_time = token.has_expire_time() ? TimeOf(token.expire_time())
                                              : absl::InfiniteFuture();
  if (entry.expire_time <= now) return Unauthenticated("the token has expired; sign in again");
  v1::User user;
  read = store_.Get(token.user(), &user);
  if (absl::IsNotFound(read)) return Unauthenticated("the token's user no longer exists");
  if (!read.ok()) return read;
  if (user.disabled()) return Unauthenticated("the user is disabled");
  if (!RoleOfProto(user.role()).has_value()) return Unauthenticated("the user has no role");
  entry.caller = CallerOf(user);
  entry.caller.token = token.name();
  entry.caller.expire_time = entry.expire_time;
  return entry;
}

absl::StatusOr<Caller> Authenticator::Authenticate(absl::string_view secret,
                                                   absl::Time now) const {
  if (secret.empty()) return Unauthenticated("no token given");
  const std::string hash = HashToken(secret);
  if (hash == system_hash_) return Caller::System();
  const int64_t generation = Generation();
  {
    absl::MutexLock lock(&mu_);
    if (generation != cached_generation_) {
      cache_.clear();
      cached_generation_ = generation;
    }
    auto it = cache_.find(hash);
    if (it != cache_.end()) {
      if (it->second.expire_time <= now) {
        return Unauthenticated("the token has expired; sign in again");
      }
      return it->second.caller;
    }
  }
  absl::StatusOr<Entry> entry = Resolve(hash, now);
  if (!entry.ok()) return entry.status();
  absl::MutexLock lock(&mu_);
  // Kept only if no user or token changed since the generation was read.
  if (generation == cached_generation_) {
    if (cache_.size() >= kMaxCached) cache_.clear();
    cache_.emplace(hash, *entry);
  }
  return entry->caller;
}

}  // namespace renkei::access
