#include "importer/row_source.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importer/file_kind.h"
#include "importer/fingerprint.h"
#include "importer/internal/files.h"
#include "importer/internal/trim.h"
#include "importer/jsonl_reader.h"
#include "importer/row_kinds.h"
#include "importer/sheet_records.h"
#include "importer/xlsx_reader.h"

namespace renkei::importer {
namespace {

// Rows of a table whose values recognize its columns (column_values.h).
constexpr size_t kSampleRows = 50;

// Keys of the first lines of a JSON Lines file are read at open, so the
// mapping can be shown before the rows.
constexpr int kJsonlKeyScanLines = 100;

// The columns most rows of `sample` fill: a column without a header that
// half the rows give a value in is a column, not a comma too many.
size_t FilledWidth(const std::vector<std::vector<std::string>>& sample) {
  std::vector<int> filled;
  for (const std::vector<std::string>& row : sample) {
    if (filled.size() < row.size()) filled.resize(row.size());
    for (size_t i = 0; i < row.size(); ++i) filled[i] += row[i].empty() ? 0 : 1;
  }
  size_t width = 0;
  for (size_t i = 0; i < filled.size(); ++i) {
    if (2 * filled[i] >= static_cast<int>(sample.size()) && filled[i] > 0) width = i + 1;
  }
  return width;
}

void Clear(MappedRow* row) {
  for (std::string& value : row->values) value.clear();
  row->columns.fill(0);
  row->unmapped.clear();
  row->problems.clear();
  row->hash.clear();
  row->header = nullptr;
  for (std::string& key : row->keys) key.clear();
  row->section.clear();
}

class CsvRows final : public RowSource {
 public:
  static absl::StatusOr<std::unique_ptr<RowSource>> Open(std::string name, Decoded decoded,
                                                         Format format, const ColumnRules& rules,
                                                         const ReadOptions& options) {
    std::unique_ptr<CsvRows> rows(
        new CsvRows(std::move(name), std::move(decoded.utf8), decoded.encoding, format));
    rows->file_words_ = std::string(EncodingName(decoded.encoding));
    if (format == Format::kTsv) absl::StrAppend(&rows->file_words_, ", tab-separated");
    TableReader::Options table = options.table;
    table.csv.delimiter = format == Format::kTsv ? '\t' : ',';
    auto reader = TableReader::Open(rows->text_, rules, table);
    if (!reader.ok()) return internal::WithName(rows->name(), reader.status());
    return Finish(std::move(rows), *std::move(reader), rules);
  }

  // A workbook's sheet, its rows as records.
  static absl::StatusOr<std::unique_ptr<RowSource>> Open(std::string name, Sheet sheet,
                                                         const ColumnRules& rules,
                                                         const ReadOptions& options) {
    std::unique_ptr<CsvRows> rows(new CsvRows(std::move(name), "", Encoding::kUtf8, Format::kXlsx));
    rows->file_words_ = absl::StrCat("Excel workbook, sheet 「", sheet.name, "」");
    if (sheet.sheet_names.size() > 1) {
      absl::StrAppend(&rows->file_words_, " (of ", sheet.sheet_names.size(),
                      ": --sheet NAME reads another)");
    }
    auto reader = TableReader::Open(std::make_unique<SheetRecords>(std::move(sheet.rows)), rules,
                                    options.table);
    if (!reader.ok()) return internal::WithName(rows->name(), reader.status());
    return Finish(std::move(rows), *std::move(reader), rules);
  }

  std::string DescribeFile() const override { return file_words_; }

  bool Next(MappedRow* row) override {
    while (table_->Next(&scratch_)) {
      if (IsMember()) {
        Fill(row);
        return true;
      }
    }
    return false;
  }

  absl::Status status() const override { return internal::WithName(name(), table_->status()); }
  std::string DescribeMapping() const override { return mapping_.Describe(); }
  absl::string_view header_raw() const override { return table_->header_raw(); }
  std::vector<SkippedRow> skipped() const override {
    std::vector<SkippedRow> all = table_->skipped();
    all.insert(all.end(), not_members_.begin(), not_members_.end());
    std::sort(all.begin(), all.end(),
              [](const SkippedRow& a, const SkippedRow& b) { return a.line < b.line; });
    return all;
  }

 private:
  static absl::StatusOr<std::unique_ptr<RowSource>> Finish(std::unique_ptr<CsvRows> rows,
                                                           std::unique_ptr<TableReader> reader,
                                                           const ColumnRules& rules) {
    rows->table_ = std::move(reader);
    rows->rules_ = rules;
    const std::vector<std::vector<std::string>> sample = rows->table_->Sample(kSampleRows);
    rows->table_->WidenHeader(FilledWidth(sample));
    auto mapping = MapColumns(rows->table_->header(), rules, sample);
    if (!mapping.ok()) {
      return internal::WithName(rows->name(), absl::InvalidArgumentError(absl::StrCat(
                                                  "header at line ", rows->table_->header_line(),
                                                  ": ", mapping.status().message())));
    }
    rows->mapping_ = *std::move(mapping);
    rows->field_columns_.fill(0);
    for (size_t i = 0; i < rows->mapping_.meanings.size(); ++i) {
      const ColumnRules::Meaning& meaning = rows->mapping_.meanings[i];
      if (meaning.kind == ColumnRules::Meaning::kField) {
        rows->field_columns_[static_cast<size_t>(meaning.field)] = static_cast<int>(i) + 1;
      }
    }
    return rows;
  }

  CsvRows(std::string name, std::string text, Encoding encoding, Format format)
      : RowSource(std::move(name), encoding, format), text_(std::move(text)) {}

  // Whether scratch_ is a member's row; if not, it is filed as skipped (a
  // heading also becomes the section of the rows under it).
  bool IsMember() {
    const int name_column = field_columns_[static_cast<size_t>(Field::kName)] - 1;
    const RowClass kind = ClassifyRow(scratch_.cells, mapping_.header, name_column, rules_);
    if (kind.kind == RowKind::kMember) return true;
    if (kind.kind == RowKind::kHeading) section_ = kind.heading;
    not_members_.push_back({ReasonOf(kind.kind), scratch_.line, scratch_.number, scratch_.raw});
    return false;
  }

  static SkippedRow::Reason ReasonOf(RowKind kind) {
    switch (kind) {
      case RowKind::kTotal: return SkippedRow::Reason::kTotal;
      case RowKind::kNote: return SkippedRow::Reason::kNote;
      case RowKind::kHeading: return SkippedRow::Reason::kHeading;
      case RowKind::kRepeatedHeader: return SkippedRow::Reason::kRepeatedHeader;
      default: return SkippedRow::Reason::kLegend;
    }
  }

  void Fill(MappedRow* row) {
    Clear(row);
    row->section = section_;
    row->number = scratch_.number;
    row->line = scratch_.line;
    row->raw = scratch_.raw;
    row->problems = std::move(scratch_.problems);
    row->columns = field_columns_;
    row->header = &mapping_.header;
    row->hash = HashCells(scratch_.cells);
    for (size_t i = 0; i < scratch_.cells.size(); ++i) {
      std::string& cell = scratch_.cells[i];
      if (cell.empty()) continue;
      const ColumnRules::Meaning& meaning = mapping_.meanings[i];
      if (meaning.kind == ColumnRules::Meaning::kField) {
        row->values[static_cast<size_t>(meaning.field)] = std::move(cell);
      } else {
        row->unmapped.emplace_back(
            mapping_.header[i].empty() ? absl::StrCat("column ", i + 1) : mapping_.header[i],
            std::move(cell));
      }
    }
  }

  const std::string text_;  // the decoded file; rows hold views into it
  std::string file_words_;  // DescribeFile
  ColumnRules rules_;
  std::unique_ptr<TableReader> table_;
  std::string section_;  // the last heading read
  std::vector<SkippedRow> not_members_;
  ColumnMapping mapping_;
  std::array<int, kFieldCount> field_columns_;  // 1-based; 0: no column
  TableRow scratch_;
};

class JsonlRows final : public RowSource {
 public:
  static std::unique_ptr<RowSource> Open(std::string name, Decoded decoded,
                                         const ColumnRules& rules) {
    std::unique_ptr<JsonlRows> rows(
        new JsonlRows(std::move(name), std::move(decoded.utf8), decoded.encoding, rules));
    JsonlReader scan(rows->text_);
    JsonlRecord record;
    for (int i = 0; i < kJsonlKeyScanLines && scan.Next(&record); ++i) {
      for (const auto& [key, value] : record.members) rows->MeaningOf(key);
    }
    return rows;
  }

  bool Next(MappedRow* row) override {
    if (!reader_.Next(&record_)) return false;
    Clear(row);
    row->number = record_.line;
    row->line = record_.line;
    row->raw = record_.raw;
    row->hash = HashText(record_.raw);
    if (record_.problem.has_value()) {
      row->problems.push_back(*record_.problem);
      return true;
    }
    std::array<const std::string*, kFieldCount> key_of = {};
    for (auto& [key, value] : record_.members) {
      if (value.kind == JsonValue::Kind::kNull) continue;
      std::string text(internal::Trim(value.text));
      const ColumnRules::Meaning& meaning = MeaningOf(key);
      if (meaning.kind != ColumnRules::Meaning::kField) {
        if (!text.empty()) row->unmapped.emplace_back(key, std::move(text));
        continue;
      }
      const size_t f = static_cast<size_t>(meaning.field);
      if (key_of[f] != nullptr) {
        row->problems.push_back({record_.line, value.column,
                                 absl::StrCat("keys \"", *key_of[f], "\" and \"", key,
                                              "\" both map to ", FieldName(meaning.field))});
        continue;
      }
      key_of[f] = &key;
      row->values[f] = std::move(text);
      row->columns[f] = value.column;
      row->keys[f] = key;
    }
    return true;
  }

  absl::Status status() const override { return absl::OkStatus(); }

  std::string DescribeMapping() const override {
    std::string out;
    for (const std::string& key : keys_) {
      const ColumnRules::Meaning& meaning = meanings_.at(key);
      absl::StrAppend(
          &out, key, " → ",
          meaning.kind == ColumnRules::Meaning::kField
              ? absl::StrCat(FieldName(meaning.field), meaning.overridden ? " (--map)" : "")
              : std::string("(ignored)"),
          "\n");
    }
    return out;
  }

  absl::string_view header_raw() const override { return ""; }
  std::vector<SkippedRow> skipped() const override { return {}; }

 private:
  JsonlRows(std::string name, std::string text, Encoding encoding, const ColumnRules& rules)
      : RowSource(std::move(name), encoding, Format::kJsonl),
        text_(std::move(text)),
        rules_(rules),
        reader_(text_) {}

  const ColumnRules::Meaning& MeaningOf(const std::string& key) {
    auto it = meanings_.find(key);
    if (it == meanings_.end()) {
      it = meanings_.emplace(key, rules_.Recognize(key)).first;
      keys_.push_back(key);
    }
    return it->second;
  }

  const std::string text_;
  const ColumnRules rules_;
  JsonlReader reader_;
  JsonlRecord record_;
  std::vector<std::string> keys_;  // in first-seen order
  absl::flat_hash_map<std::string, ColumnRules::Meaning> meanings_;
};

}  // namespace

std::string RowSource::DescribeFile() const { return std::string(EncodingName(encoding())); }

Format FormatOfPath(absl::string_view path) {
  const std::string lower = absl::AsciiStrToLower(path);
  if (absl::EndsWith(lower, ".jsonl") || absl::EndsWith(lower, ".ndjson")) {
    return Format::kJsonl;
  }
  if (absl::EndsWith(lower, ".tsv") || absl::EndsWith(lower, ".tab")) {
    return Format::kTsv;
  }
  if (absl::EndsWith(lower, ".xlsx") || absl::EndsWith(lower, ".xlsm")) return Format::kXlsx;
  return Format::kCsv;
}

absl::StatusOr<std::unique_ptr<RowSource>> OpenBytes(std::string bytes, absl::string_view name,
                                                     const ColumnRules& rules,
                                                     const ReadOptions& options) {
  if (absl::Status table = CheckIsTable(bytes); !table.ok()) {
    return internal::WithName(name, absl::InvalidArgumentError(
                                        absl::StrCat("the file is ", table.message())));
  }
  if (LooksLikeZip(bytes) || options.format == Format::kXlsx) {
    absl::StatusOr<Sheet> sheet = ReadXlsx(bytes, options.sheet);
    if (!sheet.ok()) {
      return internal::WithName(name, absl::InvalidArgumentError(
                                          absl::StrCat("the file is ", sheet.status().message())));
    }
    return CsvRows::Open(std::string(name), *std::move(sheet), rules, options);
  }
  auto decoded = Decode(std::move(bytes), options.encoding);  // UTF-8 is not copied
  if (!decoded.ok()) return internal::WithName(name, decoded.status());
  Format format = options.format.value_or(FormatOfPath(name));
  const bool unsettled = !options.format.has_value() &&
                         (absl::EndsWith(absl::AsciiStrToLower(name), ".txt") ||
                          decoded->encoding == Encoding::kUtf16);
  if (unsettled && format != Format::kJsonl) {
    format = SniffDelimiter(decoded->utf8) == '\t' ? Format::kTsv : Format::kCsv;
  }
  if (format == Format::kJsonl) {
    return JsonlRows::Open(std::string(name), *std::move(decoded), rules);
  }
  return CsvRows::Open(std::string(name), *std::move(decoded), format, rules, options);
}

absl::StatusOr<std::unique_ptr<RowSource>> OpenFile(absl::string_view path,
                                                    const ColumnRules& rules,
                                                    const ReadOptions& options) {
  absl::StatusOr<std::string> bytes = internal::ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return OpenBytes(*std::move(bytes), path, rules, options);
}

}  // namespace renkei::importer
