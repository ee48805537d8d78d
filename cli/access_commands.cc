#include "cli/access_commands.h"

#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "renkei/v1/access.pb.h"
#include "renkei/v1/system.pb.h"

namespace renkei::cli {
namespace {

absl::Status Call(const Session& session, const char* method,
                  const google::protobuf::Message& request, google::protobuf::Message* response) {
  return session.client->Call(FindMethod(absl::StrCat("renkei.v1.", method)), request, response);
}

// A line typed at the terminal without echo, or read from standard input.
absl::StatusOr<std::string> ReadPassword(const std::string& prompt, bool from_stdin) {
  std::string line;
  if (from_stdin) {
    if (!std::getline(std::cin, line)) return absl::InvalidArgumentError("no password on stdin");
    return std::string(absl::StripTrailingAsciiWhitespace(line));
  }
  FILE* tty = std::fopen("/dev/tty", "r+");
  if (tty == nullptr) {
    return absl::InvalidArgumentError("no terminal to ask for the password: use --password-stdin");
  }
  termios old_mode;
  const bool is_tty = tcgetattr(fileno(tty), &old_mode) == 0;
  if (is_tty) {
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
  }
  std::fprintf(tty, "%s", prompt.c_str());
  std::fflush(tty);
  char buffer[1024];
  const bool read = std::fgets(buffer, sizeof(buffer), tty) != nullptr;
  if (is_tty) tcsetattr(fileno(tty), TCSAFLUSH, &old_mode);
  std::fprintf(tty, "\n");
  std::fclose(tty);
  if (!read) return absl::InvalidArgumentError("no password given");
  return std::string(absl::StripTrailingAsciiWhitespace(buffer));
}

// A random password for a new user: 16 letters and digits from /dev/urandom.
std::string RandomPassword() {
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::ifstream random("/dev/urandom", std::ios::binary);
  std::string password;
  while (password.size() < 16) {
    const auto byte = static_cast<unsigned char>(random.get());
    if (byte < 224) password.push_back(kAlphabet[byte % 56]);
  }
  return password;
}

absl::StatusOr<v1::Role> ParseRole(const std::string& word) {
  for (const auto& [name, role] :
       std::initializer_list<std::pair<const char*, v1::Role>>{
           {"admin", v1::ROLE_ADMIN},   {"coordinator", v1::ROLE_COORDINATOR},
           {"importer", v1::ROLE_IMPORTER}, {"company", v1::ROLE_COMPANY},
           {"reader", v1::ROLE_READER}}) {
    if (absl::AsciiStrToLower(word) == name) return role;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "--role ", word, ": one of admin, coordinator, importer, company, reader"));
}

std::string RoleWord(int role) {
  switch (role) {
    case v1::ROLE_ADMIN: return "admin";
    case v1::ROLE_COORDINATOR: return "coordinator";
    case v1::ROLE_IMPORTER: return "importer";
    case v1::ROLE_COMPANY: return "company";
    case v1::ROLE_READER: return "reader";
    default: return "(none)";
  }
}

std::string Reference(const std::string& value, const char* collection) {
  if (value.find('/') != std::string::npos) return value;
  return absl::StrCat(collection, "/", value);
}

// The user `user` names (a user name or users/N).
absl::StatusOr<v1::User> FindUser(const Session& session, const std::string& user) {
  v1::GetUserRequest request;
  if (absl::StartsWith(user, "users/")) {
    request.set_name(user);
  } else {
    request.set_username(user);
  }
  v1::User found;
  absl::Status status = Call(session, "AdminService.GetUser", request, &found);
  if (!status.ok()) return status;
  return found;
}

absl::Status SaveToken(const std::string& token) {
  const std::filesystem::path path = SavedTokenPath();
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  ::chmod(path.parent_path().c_str(), 0700);
  const std::string temporary = path.string() + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    ::chmod(temporary.c_str(), 0600);
    out << token << "\n";
    if (!out) return absl::FailedPreconditionError(absl::StrCat("cannot write ", temporary));
  }
  std::filesystem::rename(temporary, path, error);
  if (error) return absl::FailedPreconditionError(absl::StrCat("cannot write ", path.string()));
  return absl::OkStatus();
}

std::string FormatTime(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d %H:%M", absl::FromUnixSeconds(t.seconds()),
                          absl::LocalTimeZone());
}

void PrintIdentity(const v1::Identity& identity) {
  std::cout << identity.username() << " (" << identity.user() << ")";
  if (!identity.display_name().empty()) std::cout << " " << identity.display_name();
  std::cout << "\nrole: " << RoleWord(identity.role()) << "\n";
  for (const std::string& organization : identity.organizations()) {
    std::cout << "acts for: " << organization << "\n";
  }
  if (identity.has_expire_time()) {
    std::cout << "token " << identity.token() << " until " << FormatTime(identity.expire_time())
              << "\n";
  }
}

void WriteUsers(const Session& session, const std::vector<v1::User>& users) {
  ListWriter writer(session.format,
                    {{"user", "name"},
                     {"name", "username"},
                     {"display name", "display_name"},
                     {"role", "role"},
                     {"organizations", "organizations"},
                     {"disabled", "disabled"}},
                    &std::cout, session.width);
  for (const v1::User& user : users) writer.Add(user);
  writer.Finish();
}

absl::Status FillUser(const UserFields& fields, v1::User* user) {
  if (!fields.display_name.empty()) user->set_display_name(fields.display_name);
  if (!fields.role.empty()) {
    absl::StatusOr<v1::Role> role = ParseRole(fields.role);
    if (!role.ok()) return role.status();
    user->set_role(*role);
  }
  for (const std::string& organization : fields.organizations) {
    user->add_organizations(Reference(organization, "organizations"));
  }
  if (!fields.person.empty()) user->set_person(Reference(fields.person, "people"));
  if (!fields.email.empty()) user->set_email(fields.email);
  return absl::OkStatus();
}

}  // namespace

int LoginCommand(const Session& session, const std::string& username, bool password_stdin) {
  std::string name = username;
  if (name.empty()) {
    std::cerr << "user name: ";
    if (!std::getline(std::cin, name)) return Report(session, absl::InvalidArgumentError("no user name"));
  }
  absl::StatusOr<std::string> password = ReadPassword("password: ", password_stdin);
  if (!password.ok()) return Report(session, password.status());
  v1::LoginRequest request;
  request.set_username(name);
  request.set_password(*password);
  request.set_kind(v1::TOKEN_KIND_CLI_SESSION);
  v1::LoginResponse response;
  absl::Status status = Call(session, "AccessService.Login", request, &response);
  if (status.ok()) status = SaveToken(response.token());
  if (!status.ok()) return Report(session, status);
  std::cout << "signed in as " << response.identity().username() << " ("
            << RoleWord(response.identity().role()) << ") until "
            << FormatTime(response.session().expire_time()) << "; the token is in "
            << SavedTokenPath() << "\n";
  return kExitOk;
}

int LogoutCommand(const Session& session) {
  v1::LogoutResponse response;
  absl::Status status = Call(session, "AccessService.Logout", v1::LogoutRequest(), &response);
  std::error_code error;
  const bool removed = std::filesystem::remove(SavedTokenPath(), error);
  if (!status.ok()) return Report(session, status);
  std::cout << "signed out" << (removed ? absl::StrCat("; removed ", SavedTokenPath()) : "")
            << "\n";
  return kExitOk;
}

int WhoAmICommand(const Session& session) {
  v1::Identity identity;
  absl::Status status = Call(session, "AccessService.WhoAmI", v1::WhoAmIRequest(), &identity);
  if (!status.ok()) return Report(session, status);
  if (session.format != Format::kTable) {
    WriteRecord(session.format, identity, &std::cout, session.width);
  } else {
    PrintIdentity(identity);
  }
  return kExitOk;
}

int UserCreateCommand(const Session& session, const std::string& username,
                      const UserFields& fields, bool password_stdin) {
  v1::CreateUserRequest request;
  v1::User* user = request.mutable_user();
  user->set_username(username);
  user->set_kind(fields.service ? v1::USER_KIND_SERVICE : v1::USER_KIND_PERSON);
  absl::Status status = FillUser(fields, user);
  if (!status.ok()) return Report(session, status);
  std::string shown_password;
  if (!fields.service) {
    if (password_stdin) {
      absl::StatusOr<std::string> password = ReadPassword("", true);
      if (!password.ok()) return Report(session, password.status());
      request.set_password(*password);
    } else {
      shown_password = RandomPassword();
      request.set_password(shown_password);
    }
  }
  v1::User created;
  status = Call(session, "AdminService.CreateUser", request, &created);
  if (!status.ok()) return Report(session, status);
  WriteRecord(session.format, created, &std::cout, session.width);
  if (!shown_password.empty()) {
    std::cerr << "initial password of " << username << ": " << shown_password
              << "\n(shown once: hand it over, and have it changed)\n";
  }
  return kExitOk;
}

int UserListCommand(const Session& session, const std::string& role,
                    const std::string& organization) {
  v1::ListUsersRequest request;
  if (!role.empty()) {
    absl::StatusOr<v1::Role> parsed = ParseRole(role);
    if (!parsed.ok()) return Report(session, parsed.status());
    request.set_role(*parsed);
  }
  if (!organization.empty()) request.set_organization(Reference(organization, "organizations"));
  std::vector<v1::User> users;
  do {
    v1::ListUsersResponse page;
    absl::Status status = Call(session, "AdminService.ListUsers", request, &page);
    if (!status.ok()) return Report(session, status);
    users.insert(users.end(), page.users().begin(), page.users().end());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  WriteUsers(session, users);
  return kExitOk;
}

int UserGetCommand(const Session& session, const std::string& user) {
  absl::StatusOr<v1::User> found = FindUser(session, user);
  if (!found.ok()) return Report(session, found.status());
  WriteRecord(session.format, *found, &std::cout, session.width);
  return kExitOk;
}

int UserUpdateCommand(const Session& session, const std::string& user,
                      const UserFields& fields) {
  absl::StatusOr<v1::User> found = FindUser(session, user);
  if (!found.ok()) return Report(session, found.status());
  v1::UpdateUserRequest request;
  request.mutable_user()->set_name(found->name());
  absl::Status status = FillUser(fields, request.mutable_user());
  if (!status.ok()) return Report(session, status);
  auto* mask = request.mutable_update_mask();
  if (!fields.display_name.empty()) mask->add_paths("display_name");
  if (!fields.role.empty()) mask->add_paths("role");
  if (!fields.organizations.empty()) mask->add_paths("organizations");
  if (!fields.person.empty()) mask->add_paths("person");
  if (!fields.email.empty()) mask->add_paths("email");
  if (mask->paths().empty()) {
    return Report(session, absl::InvalidArgumentError("nothing to change: give a field to set"));
  }
  v1::User updated;
  status = Call(session, "AdminService.UpdateUser", request, &updated);
  if (!status.ok()) return Report(session, status);
  WriteRecord(session.format, updated, &std::cout, session.width);
  return kExitOk;
}

int UserEnableCommand(const Session& session, const std::string& user, bool enable) {
  absl::StatusOr<v1::User> found = FindUser(session, user);
  if (!found.ok()) return Report(session, found.status());
  v1::UpdateUserRequest request;
  request.mutable_user()->set_name(found->name());
  request.mutable_user()->set_disabled(!enable);
  request.mutable_update_mask()->add_paths("disabled");
  v1::User updated;
  absl::Status status = Call(session, "AdminService.UpdateUser", request, &updated);
  if (!status.ok()) return Report(session, status);
  std::cout << updated.username() << (enable ? " enabled" : " disabled: its tokens and sessions no longer work")
            << "\n";
  return kExitOk;
}

int UserResetPasswordCommand(const Session& session, const std::string& user,
                             bool password_stdin) {
  absl::StatusOr<v1::User> found = FindUser(session, user);
  if (!found.ok()) return Report(session, found.status());
  v1::SetPasswordRequest request;
  request.set_name(found->name());
  std::string shown;
  if (password_stdin) {
    absl::StatusOr<std::string> password = ReadPassword("", true);
    if (!password.ok()) return Report(session, password.status());
    request.set_password(*password);
  } else {
    shown = RandomPassword();
    request.set_password(shown);
  }
  v1::User updated;
  absl::Status status = Call(session, "AdminService.SetPassword", request, &updated);
  if (!status.ok()) return Report(session, status);
  std::cout << "password of " << updated.username() << " set";
  if (!shown.empty()) std::cout << ": " << shown << " (shown once)";
  std::cout << "\n";
  return kExitOk;
}

namespace {

// "90d", "12h", "30m" from now, or an RFC 3339 time.
absl::StatusOr<absl::Time> ParseWhen(const std::string& text, bool future) {
  absl::Time time;
  std::string error;
  if (absl::ParseTime(absl::RFC3339_full, text, &time, &error)) return time;
  if (absl::ParseTime("%Y-%m-%d", text, absl::LocalTimeZone(), &time, &error)) return time;
  int64_t amount = 0;
  if (text.size() >= 2 && absl::SimpleAtoi(text.substr(0, text.size() - 1), &amount) &&
      amount > 0) {
    absl::Duration unit;
    switch (text.back()) {
      case 'd': unit = absl::Hours(24); break;
      case 'h': unit = absl::Hours(1); break;
      case 'm': unit = absl::Minutes(1); break;
      default: unit = absl::ZeroDuration();
    }
    if (unit != absl::ZeroDuration()) {
      return future ? absl::Now() + amount * unit : absl::Now() - amount * unit;
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", text, "\" is not a time: give 90d, 12h, 30m, 2026-12-01 or 2026-12-01T09:00:00+09:00"));
}

void SetTimestamp(absl::Time time, google::protobuf::Timestamp* out) {
  out->set_seconds(absl::ToUnixSeconds(time));
}

}  // namespace

int TokenCreateCommand(const Session& session, const std::string& user,
                       const std::string& description, const std::string& expires) {
  absl::StatusOr<v1::User> found = FindUser(session, user);
  if (!found.ok()) return Report(session, found.status());
  v1::CreateTokenRequest request;
  request.set_user(found->name());
  request.set_description(description);
  if (!expires.empty()) {
    absl::StatusOr<absl::Time> when = ParseWhen(expires, true);
    if (!when.ok()) return Report(session, when.status());
    SetTimestamp(*when, request.mutable_expire_time());
  }
  v1::CreatedToken created;
  absl::Status status = Call(session, "AdminService.CreateToken", request, &created);
  if (!status.ok()) return Report(session, status);
  // The token alone, so `… > file` makes a --token-file; -o json or yaml
  // gives the record with it.
  if (session.format == Format::kJson || session.format == Format::kYaml) {
    WriteRecord(session.format, created, &std::cout, session.width);
    return kExitOk;
  }
  std::cout << created.token() << "\n";
  std::cerr << created.record().name() << " for " << found->username()
            << ": the token above is shown once; keep it in a file of mode 0600 "
               "(renkei --token-file FILE)\n";
  return kExitOk;
}

int TokenListCommand(const Session& session, const std::string& user, bool all) {
  v1::ListTokensRequest request;
  if (!user.empty()) {
    absl::StatusOr<v1::User> found = FindUser(session, user);
    if (!found.ok()) return Report(session, found.status());
    request.set_user(found->name());
  }
  request.set_include_inactive(all);
  ListWriter writer(session.format,
                    {{"token", "name"},
                     {"user", "user"},
                     {"kind", "kind"},
                     {"starts", "hint"},
                     {"description", "description"},
                     {"expires", "expire_time"},
                     {"revoked", "revoked"}},
                    &std::cout, session.width);
  do {
    v1::ListTokensResponse page;
    absl::Status status = Call(session, "AdminService.ListTokens", request, &page);
    if (!status.ok()) return Report(session, status);
    for (const v1::Token& token : page.tokens()) writer.Add(token);
    writer.Flush();
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  writer.Finish();
  return kExitOk;
}

int TokenRevokeCommand(const Session& session, const std::string& token) {
  v1::RevokeTokenRequest request;
  request.set_name(Reference(token, "tokens"));
  v1::Token revoked;
  absl::Status status = Call(session, "AdminService.RevokeToken", request, &revoked);
  if (!status.ok()) return Report(session, status);
  std::cout << revoked.name() << " revoked: it fails from its next call\n";
  return kExitOk;
}

int BackupCommand(const Session& session, const std::string& directory) {
  v1::BackupRequest request;
  request.set_directory(directory);
  v1::BackupInfo made;
  absl::Status status = Call(session, "SystemService.Backup", request, &made);
  if (!status.ok()) return Report(session, status);
  if (session.format == Format::kJson || session.format == Format::kYaml) {
    WriteRecord(session.format, made, &std::cout, session.width);
    return kExitOk;
  }
  std::cout << "backup " << made.backup_id() << " at revision " << made.revision() << " in "
            << made.directory() << " ("
            << absl::StrFormat("%.1f", static_cast<double>(made.size_bytes()) / (1 << 20))
            << " MiB, files shared with earlier backups counted)\n";
  return kExitOk;
}

int AuditCommand(const Session& session, const std::string& user, const std::string& record,
                 const std::string& since, int limit) {
  v1::ListAuditEventsRequest request;
  request.set_user(user);
  request.set_record(record);
  if (!since.empty()) {
    absl::StatusOr<absl::Time> when = ParseWhen(since, false);
    if (!when.ok()) return Report(session, when.status());
    SetTimestamp(*when, request.mutable_since());
  }
  ListWriter writer(session.format,
                    {{"time", "time"},
                     {"event", "event"},
                     {"who", "actor.username"},
                     {"via", "actor.interface"},
                     {"from", "actor.peer"},
                     {"record", "record"},
                     {"detail", "detail"}},
                    &std::cout, session.width);
  int shown = 0;
  do {
    request.set_page_size(std::min(1000, limit - shown));
    v1::ListAuditEventsResponse page;
    absl::Status status = Call(session, "AdminService.ListAuditEvents", request, &page);
    if (!status.ok()) return Report(session, status);
    for (const v1::AuditEvent& event : page.events()) writer.Add(event);
    shown += page.events_size();
    writer.Flush();
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty() && shown < limit);
  writer.Finish();
  return kExitOk;
}

}  // namespace renkei::cli
