// The commands of `renkei`: each returns the process exit code (exit_codes.h)
// and reports problems on stderr, one line each.
#ifndef RENKEI_CLI_COMMANDS_H_
#define RENKEI_CLI_COMMANDS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "cli/client.h"
#include "cli/output.h"
#include "cli/resources.h"

namespace renkei::cli {

// What every command gets.
struct Session {
  Client* client = nullptr;
  Format format = Format::kTable;
  int width = 0;            // terminal columns, 0 = no limit
  std::string label;        // "org create", for messages
  std::string columns;      // --columns: comma-separated field paths, or empty
};

// The values given to field and filter flags, by flag name, in order.
using FlagValues = std::map<std::string, std::vector<std::string>>;

// How a command names one record: a reference (id or resource name), or an
// external id / 法人番号 the server looks up.
struct RecordRef {
  std::string ref;               // "7", "organizations/7"; for memberships "5/12"
  std::string external_id;       // SOURCE=VALUE
  std::string corporate_number;  // organizations only
};

int GetCommand(const Session& session, const Resource& resource, const RecordRef& ref);
int ListCommand(const Session& session, const Resource& resource, const FlagValues& filters,
                int page_size, const std::string& page_token, bool all);
int CreateCommand(const Session& session, const Resource& resource, const FlagValues& fields,
                  const std::string& from, const std::string& request_id,
                  const std::string& parent);
int UpdateCommand(const Session& session, const Resource& resource, const RecordRef& ref,
                  const FlagValues& fields, const std::vector<std::string>& clear,
                  const std::string& from, const std::string& etag);
int DeleteCommand(const Session& session, const Resource& resource, const RecordRef& ref,
                  bool cascade, const std::string& etag);

// renkei member list --network N | --org O.
int ListMembersCommand(const Session& session, const std::string& network,
                       const std::string& organization, bool current_only, int page_size,
                       const std::string& page_token, bool all);
// The membership name for NETWORK and ORGANIZATION references.
absl::StatusOr<std::string> MembershipNameOf(const std::string& network,
                                             const std::string& organization);

int StatsCommand(const Session& session, int fiscal_year);
int WatchCommand(const Session& session, int64_t since, const std::vector<std::string>& collections,
                 bool to_head);
int HealthCommand(const Session& session);

// Prints "renkei: LABEL: …" lines for `status` and returns its exit code.
int Report(const Session& session, const absl::Status& status);

// The 年度 today falls in (local time).
int CurrentFiscalYear();

}  // namespace renkei::cli

#endif  // RENKEI_CLI_COMMANDS_H_
