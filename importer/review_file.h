// The review file: the rows an import left ambiguous, with their best
// candidates, for a person to decide (docs/import.md, "What the user sees").
//
//   file,row,written_name,decision,candidate_1,candidate_1_name,
//   candidate_1_score,candidate_1_evidence,… (three candidates),row_hash,
//   list_hash
//
// `decision` is filled in with the organization the row is
// (organizations/12 or 12), `create` (新規) or `skip` (除外). A second run
// reads it back with --review FILE. The file is bound to the list it was
// made from: `row_hash` is the row's hash and `list_hash` the list's
// (fingerprint.h). CheckReview refuses a review file whose decided rows are
// not, in the list as it is now, the rows they were made for.
//
// UTF-8 with a BOM, CRLF (report.h's CsvFile). Functions are thread-safe.
#ifndef RENKEI_IMPORTER_REVIEW_FILE_H_
#define RENKEI_IMPORTER_REVIEW_FILE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importer/fingerprint.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

std::vector<std::string> ReviewHeader();

// The review file's line for an ambiguous outcome; `written` is the name as
// the row wrote it, `row_hash` the row's and `list_hash` the list's.
std::vector<std::string> ReviewCells(absl::string_view file, absl::string_view written,
                                     absl::string_view row_hash, absl::string_view list_hash,
                                     const v1::RowOutcome& o);

// One decision of a review file, with what binds it to its row.
struct ReviewEntry {
  v1::ReviewDecision decision;  // its written_name set when the file has one
  std::string row_hash;         // "" in a file without the column
  std::string list_hash;
  int line = 0;  // the line of the review file
};

// Reads a review file: the decisions filled in (rows left blank are not
// returned). Errors name the file, line and column: an unknown decision, a
// row that is not a number, a header without `row` and `decision`.
absl::StatusOr<std::vector<ReviewEntry>> ReadReview(const std::string& path);

// Checks the decisions of `path` against the list as read now. OK with a
// note for people ("" when the list is the one the file was made from) when
// every decided row is still the row it was made for; INVALID_ARGUMENT
// naming the rows that changed or went, and writing nothing, otherwise.
absl::StatusOr<std::string> CheckReview(const std::vector<ReviewEntry>& entries,
                                        const ListFingerprint& list, absl::string_view path);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_REVIEW_FILE_H_
