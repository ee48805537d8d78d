#include "importer/review_file.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "importer/csv_reader.h"
#include "importer/encoding.h"

namespace renkei::importer {
namespace {

constexpr int kReviewCandidates = 3;
constexpr size_t kChangesNamed = 10;

std::string Score(double score) { return absl::StrFormat("%.3f", score); }

// The columns of a review file's header that ReadReview uses (-1: none).
struct Columns {
  int row = -1, decision = -1, written = -1, row_hash = -1, list_hash = -1;
};

Columns ColumnsOf(const std::vector<std::string>& header) {
  Columns c;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string cell(absl::StripAsciiWhitespace(header[i]));
    const int at = static_cast<int>(i);
    if (cell == "row") c.row = at;
    if (cell == "decision") c.decision = at;
    if (cell == "written_name") c.written = at;
    if (cell == "row_hash") c.row_hash = at;
    if (cell == "list_hash") c.list_hash = at;
  }
  return c;
}

// Fills `d` from the decision as written; false when it is not one.
bool ParseDecision(const std::string& written, v1::ReviewDecision* d) {
  const std::string decision = absl::AsciiStrToLower(written);
  uint64_t id = 0;
  if (decision == "create" || decision == "新規") {
    d->set_create(true);
  } else if (decision == "skip" || decision == "除外") {
    d->set_skip(true);
  } else if (absl::StartsWith(decision, "organizations/")) {
    d->set_link(decision);
  } else if (absl::SimpleAtoi(decision, &id) && id > 0) {
    d->set_link(absl::StrCat("organizations/", id));
  } else {
    return false;
  }
  return true;
}

// What changed about one decided row, or "" when it is the same row.
std::string ChangeOf(const ReviewEntry& entry, const ListFingerprint& list) {
  const v1::ReviewDecision& d = entry.decision;
  const ListFingerprint::Row* now = list.Find(d.row());
  if (now == nullptr) {
    return absl::StrCat("row ", d.row(), " (「", d.written_name(), "」) is no longer in the list");
  }
  if (now->written_name != d.written_name()) {
    return absl::StrCat("row ", d.row(), " was 「", d.written_name(), "」 and is now 「",
                        now->written_name, "」");
  }
  if (!entry.row_hash.empty() && entry.row_hash != now->hash) {
    return absl::StrCat("row ", d.row(), " (「", d.written_name(),
                        "」) has other values than when it was decided");
  }
  return "";
}

}  // namespace

std::vector<std::string> ReviewHeader() {
  std::vector<std::string> header = {"file", "row", "written_name", "decision"};
  for (int i = 1; i <= kReviewCandidates; ++i) {
    for (const char* part : {"", "_name", "_score", "_evidence"}) {
      header.push_back(absl::StrCat("candidate_", i, part));
    }
  }
  header.push_back("row_hash");
  header.push_back("list_hash");
  return header;
}

std::vector<std::string> ReviewCells(absl::string_view file, absl::string_view written,
                                     absl::string_view row_hash, absl::string_view list_hash,
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
  cells.emplace_back(row_hash);
  cells.emplace_back(list_hash);
  return cells;
}

absl::StatusOr<std::vector<ReviewEntry>> ReadReview(const std::string& path) {
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
  bool header = true;
  Columns columns;
  std::vector<ReviewEntry> entries;
  auto error = [&](int column, absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": line ", record.line, column > 0 ? absl::StrCat(", column ", column) : "", ": ", why));
  };
  auto cell = [&](int i) {
    return i >= 0 && i < static_cast<int>(record.fields.size())
               ? std::string(absl::StripAsciiWhitespace(record.fields[i]))
               : std::string();
  };
  while (reader.Next(&record)) {
    if (header) {
      header = false;
      columns = ColumnsOf(record.fields);
      if (columns.row < 0 || columns.decision < 0) {
        return error(0, "the header has no 'row' and 'decision' columns (a review file of "
                        "renkei-import?)");
      }
      continue;
    }
    if (record.fields.size() == 1 && record.fields[0].empty()) continue;  // a blank line
    const std::string decision = cell(columns.decision);
    if (decision.empty()) continue;
    ReviewEntry entry;
    entry.line = record.line;
    int64_t row = 0;
    if (!absl::SimpleAtoi(cell(columns.row), &row) || row < 1) {
      return error(columns.row + 1, "row: not a row number");
    }
    entry.decision.set_row(row);
    if (!ParseDecision(decision, &entry.decision)) {
      return error(columns.decision + 1,
                   absl::StrCat("decision 「", decision,
                                "」: write organizations/N (the row is that organization), "
                                "create or skip"));
    }
    if (columns.written >= 0) {
      // As written in the list (not trimmed: a name is compared as sent).
      entry.decision.set_written_name(columns.written < static_cast<int>(record.fields.size())
                                          ? record.fields[columns.written]
                                          : "");
    }
    entry.row_hash = cell(columns.row_hash);
    entry.list_hash = cell(columns.list_hash);
    entries.push_back(std::move(entry));
  }
  if (!reader.status().ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", reader.status().message()));
  }
  return entries;
}

absl::StatusOr<std::string> CheckReview(const std::vector<ReviewEntry>& entries,
                                        const ListFingerprint& list, absl::string_view path) {
  bool same_list = true;
  std::vector<std::string> changes;
  for (const ReviewEntry& entry : entries) {
    if (entry.list_hash != list.hash()) same_list = false;
    std::string change = ChangeOf(entry, list);
    if (!change.empty()) changes.push_back(std::move(change));
  }
  if (!changes.empty()) {
    const size_t total = changes.size();
    if (total > kChangesNamed) changes.resize(kChangesNamed);
    return absl::InvalidArgumentError(absl::StrCat(
        path, " was made from another version of the list, and ", total, " of its ",
        entries.size(), " decisions are no longer about the row they were made for: ",
        absl::StrJoin(changes, "; "), total > kChangesNamed ? "; …" : "",
        ". Nothing was written. Run the import without --review to make a new review file"));
  }
  if (same_list || entries.empty()) return std::string();
  return absl::StrCat("the list changed since ", path,
                      " was made; the rows it decides are unchanged, so its decisions apply");
}

}  // namespace renkei::importer
