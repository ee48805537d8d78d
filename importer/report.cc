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
#include "importer/csv_reader.h"
#include "importer/encoding.h"

namespace renkei::importer {
namespace {

constexpr int kReviewCandidates = 3;

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

std::vector<std::string> ReviewHeader() {
  std::vector<std::string> header = {"file", "row", "written_name", "decision"};
  for (int i = 1; i <= kReviewCandidates; ++i) {
    for (const char* part : {"", "_name", "_score", "_evidence"}) {
      header.push_back(absl::StrCat("candidate_", i, part));
    }
  }
  return header;
}

std::vector<std::string> ReviewCells(absl::string_view file, absl::string_view written,
                                     const v1::RowOutcome& o) {
  std::vector<std::string> cells = {std::string(file), absl::StrCat(o.row()), std::string(written),
                                    ""};
  for (int i = 0; i < kReviewCandidates; ++i) {
    if (i < o.candidates_size()) {
      const v1::ResolutionCandidate& c = o.candidates(i);
      cells.insert(cells.end(), {c.organization(), c.display_name(), Score(c.score()), c.evidence()});
    } else {
      cells.insert(cells.end(), {"", "", "", ""});
    }
  }
  return cells;
}

absl::StatusOr<std::vector<v1::ReviewDecision>> ReadReview(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open the review file"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  absl::StatusOr<Decoded> decoded = Decode(bytes.str());
  if (!decoded.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", decoded.status().message()));
  }
  CsvReader reader(decoded->utf8);
  CsvRecord record;
  int row_column = -1, decision_column = -1;
  std::vector<v1::ReviewDecision> decisions;
  auto error = [&](int column, absl::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": line ", record.line, column > 0 ? absl::StrCat(", column ", column) : "",
                     ": ", why));
  };
  while (reader.Next(&record)) {
    if (row_column < 0) {
      for (size_t i = 0; i < record.fields.size(); ++i) {
        const std::string cell(absl::StripAsciiWhitespace(record.fields[i]));
        if (cell == "row") row_column = static_cast<int>(i);
        if (cell == "decision") decision_column = static_cast<int>(i);
      }
      if (row_column < 0 || decision_column < 0) {
        return error(0, "the header has no 'row' and 'decision' columns (a review file of renkei-import?)");
      }
      continue;
    }
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;  // a blank line
    auto cell = [&](int i) {
      return i < static_cast<int>(record.fields.size())
                 ? std::string(absl::StripAsciiWhitespace(record.fields[i]))
                 : std::string();
    };
    const std::string decision = absl::AsciiStrToLower(cell(decision_column));
    if (decision.empty()) continue;
    v1::ReviewDecision d;
    int64_t row = 0;
    if (!absl::SimpleAtoi(cell(row_column), &row) || row < 1) {
      return error(row_column + 1, "row: not a row number");
    }
    d.set_row(row);
    uint64_t id = 0;
    if (decision == "create" || decision == "新規") {
      d.set_create(true);
    } else if (decision == "skip" || decision == "除外") {
      d.set_skip(true);
    } else if (absl::StartsWith(decision, "organizations/")) {
      d.set_link(decision);
    } else if (absl::SimpleAtoi(decision, &id) && id > 0) {
      d.set_link(absl::StrCat("organizations/", id));
    } else {
      return error(decision_column + 1,
                   absl::StrCat("decision 「", decision,
                                "」: write organizations/N (the row is that organization), "
                                "create or skip"));
    }
    decisions.push_back(std::move(d));
  }
  if (!reader.status().ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", reader.status().message()));
  }
  return decisions;
}

}  // namespace renkei::importer
