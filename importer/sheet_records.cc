#include "importer/sheet_records.h"

#include "absl/strings/str_replace.h"

namespace renkei::importer {
namespace {

// A cell as a CSV field, quoted when it must be.
std::string Field(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  return "\"" + absl::StrReplaceAll(cell, {{"\"", "\"\""}}) + "\"";
}

}  // namespace

bool SheetRecords::Next(CsvRecord* record) {
  if (next_ >= rows_.size()) return false;
  std::vector<std::string>& cells = rows_[next_];
  std::string raw;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) raw.push_back(',');
    raw += Field(cells[i]);
  }
  raw_.push_back(std::move(raw));
  record->fields = std::move(cells);
  if (record->fields.empty()) record->fields.emplace_back();
  record->line = static_cast<int>(next_) + 1;
  record->end_line = record->line;
  record->raw = raw_.back();
  ++next_;
  return true;
}

}  // namespace renkei::importer
