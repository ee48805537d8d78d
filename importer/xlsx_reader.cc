#include "importer/xlsx_reader.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "importer/internal/xml.h"
#include "importer/internal/zip_parts.h"

namespace renkei::importer {
namespace {

using internal::Attribute;
using internal::XmlHandler;

constexpr uint64_t kMaxPartBytes = uint64_t{512} << 20;
constexpr int kMaxRows = 1 << 20;     // Excel's 1,048,576
constexpr int kMaxColumns = 1 << 14;  // Excel's XFD
constexpr int64_t kMaxCells = 50'000'000;

// <si> of xl/sharedStrings.xml: the text of its runs, without furigana.
class SharedStrings final : public XmlHandler {
 public:
  void Start(absl::string_view name, const char**) override {
    if (name == "si") current_.clear();
    if (name == "rPh") ++phonetic_;
    if (name == "t") in_text_ = phonetic_ == 0;
  }
  void End(absl::string_view name) override {
    if (name == "t") in_text_ = false;
    if (name == "rPh") --phonetic_;
    if (name == "si") strings.push_back(std::move(current_));
  }
  void Text(absl::string_view text) override {
    if (in_text_) current_.append(text.data(), text.size());
  }
  std::vector<std::string> strings;

 private:
  std::string current_;
  int phonetic_ = 0;
  bool in_text_ = false;
};

// xl/workbook.xml: the sheets in tab order.
class Workbook final : public XmlHandler {
 public:
  struct Entry {
    std::string name, relation;
    bool hidden = false;
  };
  void Start(absl::string_view name, const char** attributes) override {
    if (name != "sheet") return;
    Entry entry;
    if (const char* n = Attribute(attributes, "name")) entry.name = n;
    if (const char* id = Attribute(attributes, "id")) entry.relation = id;
    if (const char* state = Attribute(attributes, "state")) {
      entry.hidden = absl::string_view(state) != "visible";
    }
    sheets.push_back(std::move(entry));
  }
  void End(absl::string_view) override {}
  void Text(absl::string_view) override {}
  std::vector<Entry> sheets;
};

// xl/_rels/workbook.xml.rels: relation id → part.
class Relations final : public XmlHandler {
 public:
  void Start(absl::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const char* id = Attribute(attributes, "Id");
    const char* target = Attribute(attributes, "Target");
    if (id != nullptr && target != nullptr) targets[id] = target;
  }
  void End(absl::string_view) override {}
  void Text(absl::string_view) override {}
  std::map<std::string, std::string> targets;
};

// "BC12" → column 55 (0-based 54) and row 12; false when it is not a reference.
bool ParseReference(absl::string_view ref, int* column, int* row) {
  int c = 0;
  size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    c = c * 26 + (ref[i] - 'A' + 1);
    if (c > kMaxColumns) return false;
    ++i;
  }
  int r = 0;
  if (i == 0 || !absl::SimpleAtoi(ref.substr(i), &r) || r < 1 || r > kMaxRows) return false;
  *column = c - 1;
  *row = r - 1;
  return true;
}

// A number as the sheet stores it: an integer with all its digits
// (8402501099001, 8.402501099001E+12), anything else as written.
std::string NumberText(const std::string& stored) {
  double value = 0;
  if (!absl::SimpleAtod(stored, &value) || !std::isfinite(value)) return stored;
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return absl::StrFormat("%.0f", value);
  }
  return stored;
}

// A worksheet's cells and merged ranges.
class Worksheet final : public XmlHandler {
 public:
  explicit Worksheet(const std::vector<std::string>* shared) : shared_(*shared) {}

  void Start(absl::string_view name, const char** attributes) override {
    if (name == "row") {
      const char* r = Attribute(attributes, "r");
      int number = 0;
      row_ = r != nullptr && absl::SimpleAtoi(r, &number) && number >= 1 ? number - 1 : row_ + 1;
      column_ = -1;
      if (row_ >= kMaxRows) stop = absl::InvalidArgumentError("the sheet has more rows than Excel");
    } else if (name == "c") {
      StartCell(attributes);
    } else if (name == "v" || (name == "t" && in_inline_ && phonetic_ == 0)) {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "mergeCell") {
      AddMerge(Attribute(attributes, "ref"));
    }
  }
  void End(absl::string_view name) override {
    if (name == "v" || name == "t") in_value_ = false;
    if (name == "is") in_inline_ = false;
    if (name == "rPh") --phonetic_;
    if (name == "c") EndCell();
  }
  void Text(absl::string_view text) override {
    if (in_value_) value_.append(text.data(), text.size());
  }

  // The rows, with merged values given down their ranges.
  std::vector<std::vector<std::string>> TakeRows() {
    for (const auto& [top, bottom] : merges_) {
      const auto [column, first] = top;
      if (first >= static_cast<int>(rows_.size()) ||
          column >= static_cast<int>(rows_[first].size()) || rows_[first][column].empty()) {
        continue;
      }
      for (int r = first + 1; r <= bottom && r < static_cast<int>(rows_.size()); ++r) {
        if (static_cast<int>(rows_[r].size()) <= column) rows_[r].resize(column + 1);
        if (rows_[r][column].empty()) rows_[r][column] = rows_[first][column];
      }
    }
    for (std::vector<std::string>& row : rows_) {
      while (!row.empty() && row.back().empty()) row.pop_back();
    }
    return std::move(rows_);
  }

 private:
  void StartCell(const char** attributes) {
    const char* ref = Attribute(attributes, "r");
    int column = column_ + 1, row = row_;
    if (ref != nullptr && !ParseReference(ref, &column, &row)) {
      stop = absl::InvalidArgumentError(absl::StrCat("the sheet has a cell 「", ref,
                                                     "」 that is not a cell reference"));
      return;
    }
    if (row < 0) row = 0;
    column_ = column;
    row_ = row;
    const char* type = Attribute(attributes, "t");
    type_ = type == nullptr ? "n" : type;
    value_.clear();
  }

  void EndCell() {
    if (column_ < 0 || column_ >= kMaxColumns) return;
    std::string text;
    if (type_ == "s") {
      int index = -1;
      if (absl::SimpleAtoi(value_, &index) && index >= 0 &&
          index < static_cast<int>(shared_.size())) {
        text = shared_[index];
      }
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : "FALSE";
    } else if (type_ == "n") {
      text = NumberText(value_);
    } else {
      text = value_;  // inlineStr, str (a formula's text), e (an error such as #N/A)
    }
    if (text.empty()) return;
    if (++cells_ > kMaxCells) {
      stop = absl::InvalidArgumentError("the sheet has more than 50 million cells");
      return;
    }
    if (static_cast<int>(rows_.size()) <= row_) rows_.resize(row_ + 1);
    std::vector<std::string>& cells = rows_[row_];
    if (static_cast<int>(cells.size()) <= column_) cells.resize(column_ + 1);
    cells[column_] = std::move(text);
  }

  // A range merged over several rows gives its value down: "B3:B5".
  void AddMerge(const char* ref) {
    if (ref == nullptr) return;
    const absl::string_view range(ref);
    const size_t colon = range.find(':');
    if (colon == absl::string_view::npos) return;
    int c1, r1, c2, r2;
    if (!ParseReference(range.substr(0, colon), &c1, &r1) ||
        !ParseReference(range.substr(colon + 1), &c2, &r2) || r2 <= r1) {
      return;
    }
    merges_.push_back({{c1, r1}, r2});
  }

  const std::vector<std::string>& shared_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::pair<std::pair<int, int>, int>> merges_;  // (column, top row), bottom row
  int row_ = -1, column_ = -1;
  std::string type_, value_;
  bool in_value_ = false, in_inline_ = false;
  int phonetic_ = 0;
  int64_t cells_ = 0;
};

// A part of the workbook parsed by `handler`; a missing optional part is no
// error.
absl::Status ParsePart(const internal::ZipParts& zip, const std::string& part, XmlHandler* handler,
                       bool optional) {
  absl::StatusOr<std::string> xml = zip.Read(part, kMaxPartBytes);
  if (absl::IsNotFound(xml.status()) && optional) return absl::OkStatus();
  if (!xml.ok()) return xml.status();
  return internal::ParseXml(*xml, part, handler);
}

// What a zip that is not a workbook is, for the message.
std::string WhatTheZipIs(const internal::ZipParts& zip) {
  if (zip.Has("content.xml") || zip.Has("mimetype")) {
    return "an OpenDocument file (.ods): save it as .xlsx or CSV";
  }
  if (zip.Has("word/document.xml")) return "a Word document, not a table";
  if (zip.Has("ppt/presentation.xml")) return "a PowerPoint file, not a table";
  return "a zip archive, not an Excel workbook (.xlsx): take the list out of it";
}

// The part of the sheet chosen by `wanted` ("" = the first visible).
absl::StatusOr<std::string> SheetPart(const Workbook& workbook, const Relations& relations,
                                      absl::string_view wanted, Sheet* sheet) {
  const Workbook::Entry* chosen = nullptr;
  int number = 0;
  const bool by_number = absl::SimpleAtoi(wanted, &number);
  for (size_t i = 0; i < workbook.sheets.size(); ++i) {
    const Workbook::Entry& entry = workbook.sheets[i];
    sheet->sheet_names.push_back(entry.name);
    if (chosen != nullptr) continue;
    if (wanted.empty() ? !entry.hidden
                       : (entry.name == wanted || (by_number && static_cast<int>(i) + 1 == number))) {
      chosen = &entry;
    }
  }
  if (chosen == nullptr) {
    return absl::InvalidArgumentError(
        wanted.empty() ? std::string("the workbook has no visible sheet")
                       : absl::StrCat("the workbook has no sheet 「", wanted, "」; its sheets are ",
                                      absl::StrJoin(sheet->sheet_names, ", ")));
  }
  sheet->name = chosen->name;
  auto target = relations.targets.find(chosen->relation);
  if (target == relations.targets.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the workbook does not say where the sheet 「", chosen->name, "」 is"));
  }
  absl::string_view path = target->second;
  if (absl::ConsumePrefix(&path, "/")) return std::string(path);
  return absl::StrCat("xl/", path);
}

}  // namespace

bool LooksLikeZip(absl::string_view bytes) {
  return absl::StartsWith(bytes, "PK\x03\x04") || absl::StartsWith(bytes, "PK\x05\x06");
}

absl::StatusOr<Sheet> ReadXlsx(absl::string_view bytes, absl::string_view wanted) {
  absl::StatusOr<std::unique_ptr<internal::ZipParts>> zip = internal::ZipParts::Open(bytes);
  if (!zip.ok()) return zip.status();
  if (!(*zip)->Has("xl/workbook.xml")) return absl::InvalidArgumentError(WhatTheZipIs(**zip));
  Workbook workbook;
  Relations relations;
  SharedStrings shared;
  if (absl::Status s = ParsePart(**zip, "xl/workbook.xml", &workbook, false); !s.ok()) return s;
  if (absl::Status s = ParsePart(**zip, "xl/_rels/workbook.xml.rels", &relations, false); !s.ok()) {
    return s;
  }
  if (absl::Status s = ParsePart(**zip, "xl/sharedStrings.xml", &shared, true); !s.ok()) return s;
  Sheet sheet;
  absl::StatusOr<std::string> part = SheetPart(workbook, relations, wanted, &sheet);
  if (!part.ok()) return part.status();
  Worksheet worksheet(&shared.strings);
  if (absl::Status s = ParsePart(**zip, *part, &worksheet, false); !s.ok()) return s;
  sheet.rows = worksheet.TakeRows();
  return sheet;
}

}  // namespace renkei::importer
