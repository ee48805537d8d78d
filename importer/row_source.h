// The rows of one input file with their values mapped to fields: what the
// rest of the importer (entity resolution, the upload) reads. It puts the
// reading layer together:
//
//   bytes ─ encoding.h ─▶ UTF-8 ─ csv_reader.h ─ table_layout.h ─┐
//                                 jsonl_reader.h ────────────────┴▶ MappedRow
//                                 (column_mapping.h names the fields)
//
//   ColumnRules rules;                       // + --map, a mapping file
//   auto source = OpenFile("members.csv", rules, {});
//   if (!source.ok()) …                      // "members.csv: line 3, …"
//   std::cout << (*source)->DescribeMapping();
//   MappedRow row;
//   while ((*source)->Next(&row)) {
//     row.value(Field::kName) … row.number … row.problems …
//   }
//   if (!(*source)->status().ok()) …         // a CSV quoting error
//
// Values are the cells as written (trimmed); parsing them is values.h's job,
// where the caller turns a bad value into a Problem at row.column(field).
// Not thread-safe; one source per file.
#ifndef RENKEI_IMPORTER_ROW_SOURCE_H_
#define RENKEI_IMPORTER_ROW_SOURCE_H_

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importer/column_mapping.h"
#include "importer/encoding.h"
#include "importer/problem.h"
#include "importer/table_layout.h"

namespace renkei::importer {

enum class Format {
  kCsv,    // comma-separated, with a header row
  kTsv,    // tab-separated, with a header row
  kXlsx,   // an Excel workbook's sheet (xlsx_reader.h)
  kJsonl,  // one JSON object per line, keys as headers
};

// kJsonl for *.jsonl / *.ndjson, kTsv for *.tsv / *.tab, kXlsx for *.xlsx /
// *.xlsm, else kCsv (case-insensitive). The bytes decide in the end: a zip is
// read as a workbook whatever its name, and text named .txt (or UTF-16
// text, Excel's 「Unicode テキスト」) is TSV when it has more tabs than commas.
Format FormatOfPath(absl::string_view path);

struct MappedRow {
  // CSV: the 1-based record after the header; JSON Lines: the line.
  int number = 0;
  int line = 0;  // 1-based physical line where the row starts
  // Each field's value, trimmed; "" when the row has none (or JSON null).
  std::array<std::string, kFieldCount> values;
  // Each field's 1-based column, for Problems: CSV, the column the field
  // is mapped to (also when this row's cell is empty); JSON Lines, the
  // character where the value starts. 0 when the row has no such column or
  // key (or the JSON value is null).
  std::array<int, kFieldCount> columns = {};
  // Non-empty values of columns no field takes: (header or key, value).
  std::vector<std::pair<std::string, std::string>> unmapped;
  // Problems found while reading: a value right of the header, a line that
  // is not JSON, two keys for one field.
  std::vector<Problem> problems;
  // The row as written, for a file of rejected rows; valid while the source
  // lives. For CSV, header_raw() comes first in such a file.
  absl::string_view raw;
  // The section heading the row is under (【賛助会員】, ■正会員), "" when
  // none: a member list's role for rows without a role column.
  std::string section;
  // The hash of the row's cells as read (fingerprint.h): what binds a review
  // file's decision to this row.
  std::string hash;

  // CSV: the header's cells (valid while the source lives); JSON Lines:
  // nullptr, and `keys` holds each field's key.
  const std::vector<std::string>* header = nullptr;
  std::array<std::string, kFieldCount> keys;

  const std::string& value(Field field) const { return values[static_cast<size_t>(field)]; }
  int column(Field field) const { return columns[static_cast<size_t>(field)]; }
  // The header (or JSON key) of the field's column; "" when none.
  std::string HeaderOf(Field field) const {
    const int c = column(field);
    if (header != nullptr) return c > 0 && c <= static_cast<int>(header->size()) ? (*header)[c - 1] : "";
    return keys[static_cast<size_t>(field)];
  }
};

class RowSource {
 public:
  virtual ~RowSource() = default;

  // The next data row, or false at the end or on an error (status()).
  virtual bool Next(MappedRow* row) = 0;

  // OK, or what stopped reading, prefixed by the file's name. Then the file
  // as a whole is bad and none of it should be written.
  virtual absl::Status status() const = 0;

  // The mapping for people (see ColumnMapping::Describe). For JSON Lines,
  // the keys seen so far.
  virtual std::string DescribeMapping() const = 0;

  // What was read, for people: "CP932", "UTF-16, tab-separated", "Excel
  // workbook, sheet 「会員名簿」 (1 of 2: --sheet chooses another)".
  virtual std::string DescribeFile() const;

  // CSV: the header row as written, and the rows skipped so far (title,
  // blank and footer rows, and rows inside the data that are not members:
  // row_kinds.h), in the order of their lines; JSON Lines: "" and none.
  virtual absl::string_view header_raw() const = 0;
  virtual std::vector<SkippedRow> skipped() const = 0;

  const std::string& name() const { return name_; }
  Encoding encoding() const { return encoding_; }
  Format format() const { return format_; }

 protected:
  RowSource(std::string name, Encoding encoding, Format format)
      : name_(std::move(name)), encoding_(encoding), format_(format) {}

 private:
  const std::string name_;
  const Encoding encoding_;
  const Format format_;
};

struct ReadOptions {
  std::optional<Encoding> encoding;  // --encoding; detected when unset
  std::optional<Format> format;      // from the file name when unset
  std::string sheet;                 // a workbook's sheet (name or number); "" = the first
  TableReader::Options table;        // header line, search depth (CSV/TSV)
};

// Reads `path`, decodes it, finds its header and maps its columns. Errors
// start with the path: "members.csv: line 3, column 5: bytes 82 A0 are not
// valid UTF-8". NOT_FOUND when the file does not exist; INVALID_ARGUMENT for
// undecodable bytes, a CSV error before the header, no header row, or two
// columns mapping to one field.
absl::StatusOr<std::unique_ptr<RowSource>> OpenFile(absl::string_view path,
                                                    const ColumnRules& rules,
                                                    const ReadOptions& options);

// The same over bytes in memory; `name` is used in messages and, without
// options.format, to choose the format.
absl::StatusOr<std::unique_ptr<RowSource>> OpenBytes(std::string bytes, absl::string_view name,
                                                     const ColumnRules& rules,
                                                     const ReadOptions& options);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_ROW_SOURCE_H_
