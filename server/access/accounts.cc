#include "server/access/accounts.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <functional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/message.h"
#include "server/access/audit.h"
#include "server/access/authenticator.h"
#include "server/access/credentials.h"
#include "server/access/rules.h"
#include "server/records/secrets.h"
#include "server/records/update_mask.h"
#include "server/records/validate.h"
#include "server/store/index.h"
#include "server/store/store.h"
#include "server/util/errors.h"
#include "server/util/status_macros.h"

namespace renkei::access {
namespace {

constexpr absl::Duration kWebSession = absl::Hours(12);
constexpr absl::Duration kCliSession = absl::Hours(24 * 30);
constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 1000;

void SetTime(google::protobuf::Timestamp* t, absl::Time time) {
  const int64_t nanos = absl::ToUnixNanos(time);
  t->set_seconds(nanos / 1'000'000'000);
  t->set_nanos(static_cast<int32_t>(nanos % 1'000'000'000));
}

absl::Time TimeOf(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

v1::Token Presentable(v1::Token token) {
  records::ClearSecrets(&token);
  return token;
}

absl::StatusOr<int> PageSize(int requested) {
  if (requested < 0) return InvalidFieldError("page_size", "must not be negative");
  return requested == 0 ? kDefaultPage : std::min(requested, kMaxPage);
}

absl::StatusOr<uint64_t> IdOf(const std::string& name, Kind kind, const std::string& field) {
  absl::StatusOr<ResourceName> parsed = ParseResourceName(name, kind);
  if (!parsed.ok()) return InvalidFieldError(field, std::string(parsed.status().message()));
  return parsed->id;
}

// Writes `content` to a new file readable by its owner only.
absl::Status WritePrivateFile(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return absl::FailedPreconditionError(absl::StrCat("cannot write ", path));
  const bool ok = ::fchmod(fd, 0600) == 0 &&
                  ::write(fd, content.data(), content.size()) ==
                      static_cast<ssize_t>(content.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return absl::FailedPreconditionError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

}  // namespace

v1::User Presentable(v1::User user) {
  user.set_has_password(!user.password_hash().empty());
  records::ClearSecrets(&user);
  return user;
}

Accounts::Accounts(store::Store* store, AuditTrail* audit) : store_(*store), audit_(*audit) {}

absl::StatusOr<v1::User> Accounts::ReadUser(const std::string& name) const {
  v1::User user;
  RENKEI_RETURN_IF_ERROR(store_.Get(name, &user));
  return user;
}

absl::StatusOr<v1::User> Accounts::CreateUser(const Caller& by,
                                              const v1::CreateUserRequest& request) {
  RENKEI_RETURN_IF_ERROR(records::ValidateRequestId(request.request_id()));
  v1::User user = request.user();
  records::PrepareForCreate(&user);
  user.clear_has_password();
  user.clear_password_hash();
  if (user.kind() == v1::USER_KIND_UNSPECIFIED) user.set_kind(v1::USER_KIND_PERSON);
  RENKEI_RETURN_IF_ERROR(WithFieldPrefix(records::ValidateRecord(user), "user"));
  if (!request.password().empty()) {
    if (user.kind() == v1::USER_KIND_SERVICE) {
      return InvalidFieldError("password", "a service account signs in with tokens only");
    }
    RENKEI_RETURN_IF_ERROR(CheckNewPassword(request.password(), user.username(), "password"));
    RENKEI_ASSIGN_OR_RETURN(*user.mutable_password_hash(), HashPassword(request.password()));
  }
  RENKEI_RETURN_IF_ERROR(
      WithFieldPrefix(store_.Create(&user, request.request_id(), by.ToActor()), "user"));
  return Presentable(std::move(user));
}

absl::StatusOr<v1::User> Accounts::GetUser(const v1::GetUserRequest& request) const {
  if (request.name().empty() == request.username().empty()) {
    return InvalidFieldError("name", "give exactly one of name and username");
  }
  std::string name = request.name();
  if (name.empty()) {
    absl::StatusOr<std::string> found = store_.Lookup(store::UsernameKey(request.username()));
    if (absl::IsNotFound(found.status())) {
      return absl::NotFoundError(absl::StrCat("no user is named ", request.username()));
    }
    RENKEI_ASSIGN_OR_RETURN(name, std::move(found));
  } else {
    RENKEI_RETURN_IF_ERROR(IdOf(name, Kind::kUser, "name").status());
  }
  RENKEI_ASSIGN_OR_RETURN(v1::User user, ReadUser(name));
  return Presentable(std::move(user));
}

absl::StatusOr<v1::ListUsersResponse> Accounts::ListUsers(
    const v1::ListUsersRequest& request) const {
  store::ListRequest list;
  list.kind = Kind::kUser;
  RENKEI_ASSIGN_OR_RETURN(list.page_size, PageSize(request.page_size()));
  list.page_token = request.page_token();
  if (request.role() != 0) {
    if (!v1::Role_IsValid(request.role())) {
      return InvalidFieldError("role", absl::StrCat(request.role(), " is not a role"));
    }
    list.terms.push_back(store::UsersWithRole(request.role()));
  }
  if (!request.organization().empty()) {
    RENKEI_ASSIGN_OR_RETURN(uint64_t id,
                            IdOf(request.organization(), Kind::kOrganization, "organization"));
    list.terms.push_back(store::UsersOf(id));
  }
  RENKEI_ASSIGN_OR_RETURN(store::ListResult page, store_.List(list, v1::User::default_instance()));
  v1::ListUsersResponse response;
  for (auto& record : page.records) {
    *response.add_users() = Presentable(static_cast<v1::User&>(*record));
  }
  response.set_next_page_token(page.next_page_token);
  return response;
}

absl::StatusOr<v1::User> Accounts::ChangeUser(
    const Caller& by, const std::string& name,
    const std::function<absl::Status(v1::User*)>& change) {
  RENKEI_RETURN_IF_ERROR(IdOf(name, Kind::kUser, "name").status());
  v1::User updated;
  RENKEI_RETURN_IF_ERROR(store_.Update(
      name, "",
      [&](google::protobuf::Message* record) {
        return change(static_cast<v1::User*>(record));
      },
      &updated, by.ToActor()));
  return Presentable(std::move(updated));
}

absl::StatusOr<v1::User> Accounts::UpdateUser(const Caller& by,
                                              const v1::UpdateUserRequest& request) {
  if (request.user().name().empty()) {
    return InvalidFieldError("user.name", "is required: which user to update");
  }
  absl::StatusOr<v1::User> updated =
      ChangeUser(by, request.user().name(), [&](v1::User* user) -> absl::Status {
    RENKEI_RETURN_IF_ERROR(records::ApplyUpdateMask(request.user(), request.update_mask(), user));
    RENKEI_RETURN_IF_ERROR(WithFieldPrefix(records::ValidateRecord(*user), "user"));
    if (user->name() == by.user && user->role() != v1::ROLE_ADMIN) {
      return InvalidFieldError("user.role", "you may not take the admin role from yourself");
    }
    if (user->name() == by.user && user->disabled()) {
      return InvalidFieldError("user.disabled", "you may not disable yourself");
    }
    return absl::OkStatus();
  });
  if (updated.ok() && updated->disabled()) RENKEI_RETURN_IF_ERROR(EndSessions(by, *updated));
  return updated;
}

absl::Status Accounts::EndSessions(const Caller& by, const v1::User& user) {
  v1::ListTokensRequest request;
  request.set_user(user.name());
  request.set_page_size(kMaxPage);
  do {
    RENKEI_ASSIGN_OR_RETURN(v1::ListTokensResponse page, ListTokens(request));
    for (const v1::Token& token : page.tokens()) {
      if (token.kind() == v1::TOKEN_KIND_API) continue;  // fails while the user is disabled
      RENKEI_RETURN_IF_ERROR(RevokeToken(by, token.name()).status());
    }
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return absl::OkStatus();
}

absl::StatusOr<v1::User> Accounts::SetPassword(const Caller& by,
                                               const v1::SetPasswordRequest& request) {
  RENKEI_ASSIGN_OR_RETURN(v1::User current, ReadUser(request.name()));
  if (current.kind() == v1::USER_KIND_SERVICE) {
    return InvalidFieldError("name", "a service account signs in with tokens only");
  }
  RENKEI_RETURN_IF_ERROR(CheckNewPassword(request.password(), current.username(), "password"));
  RENKEI_ASSIGN_OR_RETURN(std::string hash, HashPassword(request.password()));
  RENKEI_ASSIGN_OR_RETURN(v1::User user, ChangeUser(by, request.name(), [&](v1::User* u) {
                            u->set_password_hash(hash);
                            return absl::OkStatus();
                          }));
  audit_.Record("password_set", by, "", user.name(), user.username());
  return user;
}

absl::StatusOr<v1::CreatedToken> Accounts::WriteToken(const Caller& by, const v1::User& user,
                                                      v1::Token token) {
  const std::string secret = NewTokenSecret();
  token.set_user(user.name());
  token.set_secret_hash(HashToken(secret));
  token.set_hint(TokenHint(secret));
  RENKEI_RETURN_IF_ERROR(records::ValidateRecord(token));
  RENKEI_RETURN_IF_ERROR(store_.Create(&token, "", by.ToActor()));
  v1::CreatedToken created;
  created.set_token(secret);
  *created.mutable_record() = Presentable(std::move(token));
  return created;
}

absl::StatusOr<v1::CreatedToken> Accounts::CreateToken(const Caller& by,
                                                       const v1::CreateTokenRequest& request) {
  RENKEI_RETURN_IF_ERROR(IdOf(request.user(), Kind::kUser, "user").status());
  absl::StatusOr<v1::User> user = ReadUser(request.user());
  if (absl::IsNotFound(user.status())) {
    return InvalidFieldError("user", absl::StrCat(request.user(), " does not exist"));
  }
  RENKEI_RETURN_IF_ERROR(user.status());
  v1::Token token;
  token.set_kind(v1::TOKEN_KIND_API);
  token.set_description(request.description());
  if (request.has_expire_time()) {
    if (TimeOf(request.expire_time()) <= absl::Now()) {
      return InvalidFieldError("expire_time", "is not in the future");
    }
    *token.mutable_expire_time() = request.expire_time();
  }
  RENKEI_ASSIGN_OR_RETURN(v1::CreatedToken created, WriteToken(by, *user, std::move(token)));
  audit_.Record("token_created", by, "", created.record().name(), user->username());
  return created;
}

absl::StatusOr<v1::ListTokensResponse> Accounts::ListTokens(
    const v1::ListTokensRequest& request) const {
  store::ListRequest list;
  list.kind = Kind::kToken;
  RENKEI_ASSIGN_OR_RETURN(list.page_size, PageSize(request.page_size()));
  list.page_token = request.page_token();
  if (!request.user().empty()) {
    RENKEI_ASSIGN_OR_RETURN(uint64_t id, IdOf(request.user(), Kind::kUser, "user"));
    list.terms.push_back(store::TokensOf(id));
  }
  RENKEI_ASSIGN_OR_RETURN(store::ListResult page,
                          store_.List(list, v1::Token::default_instance()));
  v1::ListTokensResponse response;
  const absl::Time now = absl::Now();
  for (auto& record : page.records) {
    auto& token = static_cast<v1::Token&>(*record);
    const bool active =
        !token.revoked() && (!token.has_expire_time() || TimeOf(token.expire_time()) > now);
    if (active || request.include_inactive()) *response.add_tokens() = Presentable(token);
  }
  response.set_next_page_token(page.next_page_token);
  return response;
}

absl::StatusOr<v1::Token> Accounts::RevokeToken(const Caller& by, const std::string& name) {
  RENKEI_RETURN_IF_ERROR(IdOf(name, Kind::kToken, "name").status());
  v1::Token updated;
  RENKEI_RETURN_IF_ERROR(store_.Update(
      name, "",
      [](google::protobuf::Message* record) {
        static_cast<v1::Token*>(record)->set_revoked(true);
        return absl::OkStatus();
      },
      &updated, by.ToActor()));
  audit_.Record("token_revoked", by, "", name, "");
  return Presentable(std::move(updated));
}

absl::StatusOr<v1::LoginResponse> Accounts::Login(const Caller& from,
                                                  const v1::LoginRequest& request) {
  const std::string username = absl::AsciiStrToLower(request.username());
  const std::string address = LoginThrottle::AddressOf(from.peer);
  const absl::Time now = absl::Now();
  const absl::Duration wait = throttle_.WaitBefore(username, address, now);
  if (wait > absl::ZeroDuration()) {
    audit_.Record("login_failed", from, "", "", absl::StrCat(username, ": throttled"));
    return absl::ResourceExhaustedError(absl::StrCat(
        "too many failed sign-ins for this user or from this address; try again in ",
        absl::ToInt64Seconds(wait) + 1, " s"));
  }
  v1::User user;
  absl::StatusOr<std::string> name = store_.Lookup(store::UsernameKey(username));
  if (name.ok()) {
    RENKEI_ASSIGN_OR_RETURN(user, ReadUser(*name));
  } else if (!absl::IsNotFound(name.status())) {
    return name.status();
  }
  // Verified even for an unknown user, so timing does not tell them apart.
  if (!VerifyPassword(user.password_hash(), request.password())) {
    throttle_.Failed(username, address, now);
    audit_.Record("login_failed", from, "", user.name(), username);
    return absl::UnauthenticatedError("wrong user name or password");
  }
  if (user.disabled()) {
    audit_.Record("login_failed", from, "", user.name(), absl::StrCat(username, ": disabled"));
    return absl::UnauthenticatedError("the user is disabled; ask an administrator");
  }
  throttle_.Succeeded(username);
  Caller caller = Authenticator::CallerOf(user);
  caller.interface = from.interface;
  caller.peer = from.peer;
  v1::Token session;
  const bool cli = request.kind() == v1::TOKEN_KIND_CLI_SESSION;
  session.set_kind(cli ? v1::TOKEN_KIND_CLI_SESSION : v1::TOKEN_KIND_WEB_SESSION);
  session.set_description(cli ? "renkei login" : "web");
  session.set_peer(from.peer);
  SetTime(session.mutable_expire_time(), now + (cli ? kCliSession : kWebSession));
  RENKEI_ASSIGN_OR_RETURN(v1::CreatedToken created, WriteToken(caller, user, session));
  audit_.Record("login", caller, "", created.record().name(), "");
  caller.token = created.record().name();
  caller.expire_time = TimeOf(created.record().expire_time());
  v1::LoginResponse response;
  response.set_token(created.token());
  *response.mutable_session() = created.record();
  *response.mutable_identity() = IdentityOf(caller, false);
  return response;
}

absl::Status Accounts::Logout(const Caller& caller) {
  if (caller.token.empty()) {
    return absl::FailedPreconditionError("this call was not made with a token to revoke");
  }
  RENKEI_RETURN_IF_ERROR(RevokeToken(caller, caller.token).status());
  audit_.Record("logout", caller, "", caller.token, "");
  return absl::OkStatus();
}

absl::Status Accounts::ChangePassword(const Caller& caller,
                                      const v1::ChangePasswordRequest& request) {
  absl::StatusOr<v1::User> user = ReadUser(caller.user);
  if (!user.ok()) return absl::FailedPreconditionError("only a user can change a password");
  const std::string address = LoginThrottle::AddressOf(caller.peer);
  const absl::Time now = absl::Now();
  if (throttle_.WaitBefore(user->username(), address, now) > absl::ZeroDuration()) {
    return absl::ResourceExhaustedError("too many wrong passwords; try again later");
  }
  if (!VerifyPassword(user->password_hash(), request.current_password())) {
    throttle_.Failed(user->username(), address, now);
    audit_.Record("login_failed", caller, "", user->name(), "change password: wrong password");
    return InvalidFieldError("current_password", "is not the current password");
  }
  RENKEI_RETURN_IF_ERROR(
      CheckNewPassword(request.new_password(), user->username(), "new_password"));
  RENKEI_ASSIGN_OR_RETURN(std::string hash, HashPassword(request.new_password()));
  RENKEI_RETURN_IF_ERROR(ChangeUser(caller, user->name(), [&](v1::User* u) {
                           u->set_password_hash(hash);
                           return absl::OkStatus();
                         }).status());
  audit_.Record("password_set", caller, "", user->name(), "by the user");
  return absl::OkStatus();
}

v1::Identity Accounts::IdentityOf(const Caller& caller, bool public_catalogue) const {
  v1::Identity identity;
  identity.set_user(caller.user);
  identity.set_username(caller.username);
  identity.set_display_name(caller.display_name);
  identity.set_role(static_cast<v1::Role>(caller.role));
  for (const std::string& organization : caller.organizations) {
    identity.add_organizations(organization);
  }
  identity.set_token(caller.token);
  if (caller.expire_time != absl::InfiniteFuture()) {
    SetTime(identity.mutable_expire_time(), caller.expire_time);
  }
  for (Permission permission : AllPermissions()) {
    if (Grants(caller.role, permission, public_catalogue)) {
      identity.add_permissions(std::string(PermissionName(permission)));
    }
  }
  return identity;
}

absl::StatusOr<std::optional<Accounts::FirstAdministrator>> Accounts::EnsureAdministrator(
    const std::string& directory) {
  if (store_.Counter(store::RecordCounter(Kind::kUser)) > 0) return std::nullopt;
  const std::string password = NewPassword();
  const std::string secret = NewTokenSecret();
  FirstAdministrator files{absl::StrCat(directory, "/admin.password"),
                           absl::StrCat(directory, "/admin.token")};
  RENKEI_RETURN_IF_ERROR(WritePrivateFile(files.password_file, password + "\n"));
  RENKEI_RETURN_IF_ERROR(WritePrivateFile(files.token_file, secret + "\n"));
  v1::User user;
  user.set_username("admin");
  user.set_display_name("管理者");
  user.set_kind(v1::USER_KIND_PERSON);
  user.set_role(v1::ROLE_ADMIN);
  RENKEI_ASSIGN_OR_RETURN(*user.mutable_password_hash(), HashPassword(password));
  v1::Token token;
  token.set_kind(v1::TOKEN_KIND_API);
  token.set_description("the first administrator's token (admin.token)");
  token.set_secret_hash(HashToken(secret));
  token.set_hint(TokenHint(secret));
  std::vector<store::Write> writes = {store::Write::Create(&user), store::Write::Create(&token)};
  writes[1].before = [&user](google::protobuf::Message* record) {
    static_cast<v1::Token*>(record)->set_user(user.name());
    return absl::OkStatus();
  };
  RENKEI_RETURN_IF_ERROR(store_.Apply(writes, store::Actor::System()));
  return files;
}

}  // namespace renkei::access
