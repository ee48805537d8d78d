// Users, service accounts and their tokens: creating and changing them,
// signing in and out, and the first administrator of a new data directory.
// Every write goes through the store's one write path, as the caller given,
// so it is in the change log (without secrets) and the audit trail.
// Thread-safe; the store and the audit trail must outlive the accounts.
#ifndef RENKEI_SERVER_ACCESS_ACCOUNTS_H_
#define RENKEI_SERVER_ACCESS_ACCOUNTS_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "renkei/v1/access.pb.h"
#include "server/access/caller.h"
#include "server/access/throttle.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::access {

class AuditTrail;

class Accounts {
 public:
  Accounts(store::Store* store, AuditTrail* audit);

  absl::StatusOr<v1::User> CreateUser(const Caller& by, const v1::CreateUserRequest& request);
  absl::StatusOr<v1::User> GetUser(const v1::GetUserRequest& request) const;
  absl::StatusOr<v1::ListUsersResponse> ListUsers(const v1::ListUsersRequest& request) const;
  absl::StatusOr<v1::User> UpdateUser(const Caller& by, const v1::UpdateUserRequest& request);
  absl::StatusOr<v1::User> SetPassword(const Caller& by, const v1::SetPasswordRequest& request);

  absl::StatusOr<v1::CreatedToken> CreateToken(const Caller& by,
                                               const v1::CreateTokenRequest& request);
  absl::StatusOr<v1::ListTokensResponse> ListTokens(const v1::ListTokensRequest& request) const;
  absl::StatusOr<v1::Token> RevokeToken(const Caller& by, const std::string& name);

  // `from` is the anonymous caller, with its interface and peer.
  absl::StatusOr<v1::LoginResponse> Login(const Caller& from, const v1::LoginRequest& request);
  absl::Status Logout(const Caller& caller);
  absl::Status ChangePassword(const Caller& caller, const v1::ChangePasswordRequest& request);
  v1::Identity IdentityOf(const Caller& caller, bool public_catalogue) const;

  // When no user exists yet: creates the administrator "admin" with a
  // random password and an API token, and writes them to `admin.password`
  // and `admin.token` (mode 0600) in `directory`. Returns the two paths, or
  // nullopt when a user existed already.
  struct FirstAdministrator {
    std::string password_file;
    std::string token_file;
  };
  absl::StatusOr<std::optional<FirstAdministrator>> EnsureAdministrator(
      const std::string& directory);

 private:
  absl::StatusOr<v1::User> ReadUser(const std::string& name) const;
  // Writes a new session or API token for `user` as `by`; returns it with
  // its secret.
  absl::StatusOr<v1::CreatedToken> WriteToken(const Caller& by, const v1::User& user,
                                              v1::Token token);
  // Revokes the login sessions of `user` (when it is disabled).
  absl::Status EndSessions(const Caller& by, const v1::User& user);
  // Applies `change` to the stored user `name` as `by`.
  absl::StatusOr<v1::User> ChangeUser(const Caller& by, const std::string& name,
                                      const std::function<absl::Status(v1::User*)>& change);

  store::Store& store_;
  AuditTrail& audit_;
  LoginThrottle throttle_;
};

// A user record as it may leave the server: no password hash, has_password
// set.
v1::User Presentable(v1::User user);

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_ACCOUNTS_H_
