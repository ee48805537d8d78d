// Exit codes of `renkei` (documented in docs/cli.md and `renkei --help`).
#ifndef RENKEI_CLI_EXIT_CODES_H_
#define RENKEI_CLI_EXIT_CODES_H_

#include "absl/status/status.h"

namespace renkei::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,      // anything else: internal error, data loss …
  kExitUsage = 2,        // the command line is wrong
  kExitNotFound = 3,     // the record does not exist
  kExitInvalid = 4,      // invalid input: a field, a file, a value
  kExitConflict = 5,     // stale etag, already exists, still referred to
  kExitPermission = 6,   // not allowed or not authenticated
  kExitUnavailable = 7,  // the server cannot be reached or timed out
};

// The exit code for a status from the server or from reading input.
ExitCode ExitCodeOf(const absl::Status& status);

}  // namespace renkei::cli

#endif  // RENKEI_CLI_EXIT_CODES_H_
