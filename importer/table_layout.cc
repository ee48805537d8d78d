#include "importer/table_layout.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "importer/internal/trim.h"
#include "importer/row_kinds.h"
#include "server/text/normalize.h"

namespace renkei::importer {
namespace {

void TrimCells(std::vector<std::string>* cells) {
  for (std::string& cell : *cells) {
    const absl::string_view trimmed = internal::Trim(cell);
    if (trimmed.size() != cell.size()) cell = std::string(trimmed);
  }
}

bool IsBlank(const std::vector<std::string>& cells) {
  for (const std::string& cell : cells) {
    if (!cell.empty()) return false;
  }
  return true;
}

int NonEmptyCount(const std::vector<std::string>& cells) {
  int count = 0;
  for (const std::string& cell : cells) count += cell.empty() ? 0 : 1;
  return count;
}

// A cheap test before IsFooter normalizes text: the first non-empty cell
// holds a total or note mark, or every non-empty cell ends like a count.
bool MightBeFooter(const std::vector<std::string>& cells) {
  bool first = true;
  for (const std::string& cell : cells) {
    if (cell.empty()) continue;
    if (first) {
      first = false;
      for (absl::string_view mark : {"計", "以上", "※", "注"}) {
        if (absl::StrContains(cell, mark)) return true;
      }
    }
    bool count_like = absl::ascii_isdigit(static_cast<unsigned char>(cell.back()));
    for (absl::string_view end : {"社", "件", "名", "者", "体", "所", "人", "員", "０", "１", "２",
                                  "３", "４", "５", "６", "７", "８", "９"}) {
      count_like = count_like || absl::EndsWith(cell, end);
    }
    if (!count_like) return false;
  }
  return !first;
}

bool IsFooter(const std::vector<std::string>& cells) {
  if (!MightBeFooter(cells)) return false;
  const std::string* first = nullptr;
  bool all_counts = true;
  for (const std::string& cell : cells) {
    if (cell.empty()) continue;
    if (first == nullptr) {
      first = &cell;
      if (IsTotalCell(cell)) return true;
    }
    if (!IsTotalCell(cell)) all_counts = false;
  }
  if (first == nullptr) return false;
  if (all_counts) return true;
  return NonEmptyCount(cells) == 1 && IsNoteCell(*first);
}

}  // namespace

absl::string_view SkipReasonName(SkippedRow::Reason reason) {
  switch (reason) {
    case SkippedRow::Reason::kTitle:
      return "title";
    case SkippedRow::Reason::kBlank:
      return "blank";
    case SkippedRow::Reason::kFooter:
      return "footer";
    case SkippedRow::Reason::kTotal:
      return "total";
    case SkippedRow::Reason::kNote:
      return "note";
    case SkippedRow::Reason::kHeading:
      return "heading";
    case SkippedRow::Reason::kRepeatedHeader:
      return "repeated header";
    case SkippedRow::Reason::kLegend:
      return "legend";
  }
  return "?";
}

absl::StatusOr<std::unique_ptr<TableReader>> TableReader::Open(absl::string_view utf8,
                                                               const ColumnRules& rules,
                                                               const Options& options) {
  return Open(std::make_unique<CsvReader>(utf8, options.csv), rules, options);
}

absl::StatusOr<std::unique_ptr<TableReader>> TableReader::Open(
    std::unique_ptr<RecordReader> records, const ColumnRules& rules, const Options& options) {
  std::unique_ptr<TableReader> reader(new TableReader(std::move(records)));
  std::vector<CsvRecord> head;  // records read while looking for the header
  size_t header_index = 0;
  bool found = false;
  int most_known = 0;
  CsvRecord record;
  while (reader->records_->Next(&record)) {
    TrimCells(&record.fields);
    head.push_back(record);
    if (options.header_line > 0) {
      if (record.line == options.header_line) {
        header_index = head.size() - 1;
        found = true;
        break;
      }
      if (record.line > options.header_line) break;
      continue;
    }
    int known = 0;
    for (const std::string& cell : record.fields) {
      if (!cell.empty() && rules.IsKnownHeader(cell)) ++known;
    }
    if (known > most_known) {
      most_known = known;
      header_index = head.size() - 1;
      found = true;
    }
    if (static_cast<int>(head.size()) >= options.header_search) break;
  }
  // A CSV error after the header shows when the rows are read (status()).
  if (!reader->records_->status().ok() && !found) return reader->records_->status();
  if (!found && options.header_line > 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("no record starts at line ", options.header_line, " for the header"));
  }
  if (!found) {
    for (size_t i = 0; i < head.size() && !found; ++i) {
      if (NonEmptyCount(head[i].fields) >= 2) {
        header_index = i;
        found = true;
      }
    }
  }
  if (!found) {
    return absl::InvalidArgumentError(head.empty() ? "the file has no rows"
                                                   : "no header row: no row has two or more cells");
  }
  for (size_t i = 0; i < header_index; ++i) {
    reader->skipped_.push_back(
        {IsBlank(head[i].fields) ? SkippedRow::Reason::kBlank : SkippedRow::Reason::kTitle,
         head[i].line, 0, head[i].raw});
  }
  std::vector<std::string>& header = head[header_index].fields;
  while (!header.empty() && header.back().empty()) header.pop_back();
  reader->header_ = std::move(header);
  reader->header_line_ = head[header_index].line;
  reader->header_raw_ = head[header_index].raw;
  for (size_t i = header_index + 1; i < head.size(); ++i) {
    reader->buffered_.push_back(std::move(head[i]));
  }
  return reader;
}

void TableReader::File(CsvRecord& record) {
  const int number = next_number_++;
  TrimCells(&record.fields);
  if (IsBlank(record.fields)) {
    skipped_.push_back({SkippedRow::Reason::kBlank, record.line, number, record.raw});
    return;
  }
  TableRow row;
  row.number = number;
  row.line = record.line;
  row.raw = record.raw;
  const size_t width = header_.size();
  for (size_t i = width; i < record.fields.size(); ++i) {
    if (record.fields[i].empty()) continue;
    const int column = static_cast<int>(i) + 1;
    Problem problem{record.line, column,
                    absl::StrCat("a value right of the header's last column ",
                                 ColumnLetters(static_cast<int>(width)),
                                 ": a comma too many, or a column without a header?")};
    problem.value = record.fields[i];
    row.problems.push_back(std::move(problem));
  }
  const bool footer = IsFooter(record.fields);
  record.fields.resize(width);
  row.cells = std::move(record.fields);
  if (footer) {
    held_.push_back(std::move(row));
    return;
  }
  for (TableRow& held : held_) ready_.push_back(std::move(held));
  held_.clear();
  ready_.push_back(std::move(row));
}

void TableReader::ReadOne() {
  if (!buffered_.empty()) {
    CsvRecord record = std::move(buffered_.front());
    buffered_.pop_front();
    File(record);
    return;
  }
  CsvRecord record;
  if (records_->Next(&record)) {
    File(record);
    return;
  }
  if (records_->status().ok()) {
    for (const TableRow& held : held_) {
      skipped_.push_back({SkippedRow::Reason::kFooter, held.line, held.number, held.raw});
    }
  }
  held_.clear();
  done_ = true;
}

std::vector<std::vector<std::string>> TableReader::Sample(size_t n) {
  size_t non_blank = 0;
  for (const CsvRecord& record : buffered_) non_blank += IsBlank(record.fields) ? 0 : 1;
  CsvRecord record;
  while (non_blank < n && records_->Next(&record)) {
    TrimCells(&record.fields);
    non_blank += IsBlank(record.fields) ? 0 : 1;
    buffered_.push_back(std::move(record));
  }
  std::vector<std::vector<std::string>> sample;
  for (const CsvRecord& r : buffered_) {
    if (!IsBlank(r.fields)) sample.push_back(r.fields);
    if (sample.size() >= n) break;
  }
  return sample;
}

bool TableReader::Next(TableRow* row) {
  while (ready_.empty()) {
    if (done_) return false;
    ReadOne();
  }
  *row = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

}  // namespace renkei::importer
