#include "importer/report.h"

#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/output.h"

namespace renkei::importer {
namespace {

std::string Score(double score) { return absl::StrFormat("%.3f", score); }

}  // namespace

absl::string_view ActionWord(v1::ImportAction action) {
  switch (action) {
    case v1::IMPORT_ACTION_CREATED:
      return "created";
    case v1::IMPORT_ACTION_LINKED:
      return "linked";
    case v1::IMPORT_ACTION_UPDATED:
      return "updated";
    case v1::IMPORT_ACTION_AMBIGUOUS:
      return "ambiguous";
    case v1::IMPORT_ACTION_REJECTED:
      return "rejected";
    case v1::IMPORT_ACTION_UNMATCHED:
      return "unmatched";
    case v1::IMPORT_ACTION_SKIPPED:
      return "skipped";
    default:
      return "unknown";
  }
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ',';
    line += cli::CsvField(cells[i]);
  }
  line += "\r\n";
  return line;
}

absl::StatusOr<std::unique_ptr<CsvFile>> CsvFile::Create(const std::string& path,
                                                         const std::vector<std::string>& header) {
  std::unique_ptr<CsvFile> file(new CsvFile(path));
  file->out_.open(path, std::ios::binary | std::ios::trunc);
  if (!file->out_) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot write"));
  file->out_ << "\xEF\xBB\xBF";
  if (!header.empty()) file->Write(header);
  return file;
}

absl::Status CsvFile::Close() {
  out_.close();
  if (!out_) return absl::DataLossError(absl::StrCat(path_, ": writing failed"));
  return absl::OkStatus();
}

std::vector<std::string> ReportHeader() {
  return {"file",  "row",           "line",       "action",  "name",   "score",
          "evidence", "site", "changed_fields", "candidates", "message"};
}

std::vector<std::string> ReportCells(absl::string_view file, int line, const v1::RowOutcome& o) {
  std::vector<std::string> candidates;
  for (const v1::ResolutionCandidate& c : o.candidates()) {
    candidates.push_back(absl::StrCat(c.organization(), " ", c.display_name(), " ", Score(c.score())));
  }
  return {std::string(file),
          absl::StrCat(o.row()),
          line > 0 ? absl::StrCat(line) : "",
          std::string(ActionWord(o.action())),
          o.name(),
          o.score() > 0 ? Score(o.score()) : "",
          o.evidence(),
          o.site(),
          absl::StrJoin(o.changed_fields(), " "),
          absl::StrJoin(candidates, " | "),
          o.message()};
}

}  // namespace renkei::importer
