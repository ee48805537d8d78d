// The access commands of `renkei`: signing in and out, who am I, the
// administrator's users and tokens, and the audit trail (docs/cli.md,
// docs/access.md). Each returns the process exit code.
#ifndef RENKEI_CLI_ACCESS_COMMANDS_H_
#define RENKEI_CLI_ACCESS_COMMANDS_H_

#include <string>
#include <vector>

#include "cli/commands.h"

namespace renkei::cli {

// renkei login [--username U] [--password-stdin]: a CLI session saved to
// SavedTokenPath() (mode 0600).
int LoginCommand(const Session& session, const std::string& username, bool password_stdin);
int LogoutCommand(const Session& session);
int WhoAmICommand(const Session& session);

struct UserFields {
  std::string display_name;
  std::string role;  // admin, coordinator, importer, company, reader
  std::vector<std::string> organizations;
  std::string person;
  std::string email;
  bool service = false;  // a service account
};

// `user` is a user name or users/N.
int UserCreateCommand(const Session& session, const std::string& username,
                      const UserFields& fields, bool password_stdin);
int UserListCommand(const Session& session, const std::string& role,
                    const std::string& organization);
int UserGetCommand(const Session& session, const std::string& user);
int UserUpdateCommand(const Session& session, const std::string& user, const UserFields& fields);
int UserEnableCommand(const Session& session, const std::string& user, bool enable);
int UserResetPasswordCommand(const Session& session, const std::string& user,
                             bool password_stdin);

// `expires`: a duration ("90d", "12h") or an RFC 3339 time; empty: never.
int TokenCreateCommand(const Session& session, const std::string& user,
                       const std::string& description, const std::string& expires);
int TokenListCommand(const Session& session, const std::string& user, bool all);
int TokenRevokeCommand(const Session& session, const std::string& token);

// renkei admin backup DIR: the server backs its database up into DIR, a
// directory on the server's machine (docs/operations.md).
int BackupCommand(const Session& session, const std::string& directory);

// `since`: RFC 3339, a date (2026-12-01) or a duration back from now ("24h").
int AuditCommand(const Session& session, const std::string& user, const std::string& record,
                 const std::string& since, int limit);

}  // namespace renkei::cli

#endif  // RENKEI_CLI_ACCESS_COMMANDS_H_
