// The table inside a sheet as people lay it out in Excel: title rows and
// blank rows above the header, blank rows in the data, a totals row and
// notes under it, empty columns on the right.
//
// TableReader reads records (CSV text, or a workbook's sheet: csv_reader.h's
// RecordReader) and gives the data rows:
//   - The header is the record, among the first Options::header_search
//     records, with the most cells that ColumnRules::IsKnownHeader
//     recognises (the first of equals; so 「一関商工会議所 工業部会 会員名簿」
//     is a title, 「会員番号,事業所名,…」 the header); if none has one, the
//     first record with two or more non-empty cells. Records above it are
//     skipped as title (or blank) rows. Options::header_line fixes it.
//   - Cells are trimmed of ASCII white space and U+3000 (header and data).
//     The header ends at its last non-empty cell: empty columns to the right
//     are dropped. Shorter data rows are padded with "". A non-empty cell
//     right of the header is a Problem of that row ("line 12, column 8 (H):
//     …"), which the row still carries; reading goes on.
//   - A blank row (every cell empty) is skipped wherever it is.
//   - Footer rows are skipped when nothing but footer and blank rows follow
//     them: a row whose first non-empty cell, normalized and without
//     brackets, is 合計 / 計 / 総計 / 小計 / 以上 or starts with 合計, 総計 or
//     計: (「合計」, 「（計）」, 「合計58社」); a row whose non-empty cells are
//     all counts — digits with a unit 社 件 名 者 団体 事業所 人 会員, or after
//     合計 / 総計 / 計 / 会員数 / 総数 / 件数 (「58社」, 「計 58件」, 「会員数 58名」);
//     and a note row (its only cell starts with ※ or 注). The same rows with
//     data after them are data, and a bare number (a member number) is never
//     a count.
//   - Data rows are numbered 1-based by their record after the header: the
//     n-th record after the header is row n, as the import report shows it.
//     A skipped blank row keeps its number (the next row is not renumbered),
//     so row numbers always match the records after the header.
//
// Streaming: rows are read one at a time; only rows that may be a footer are
// held back, until a data row or the end of the text settles them.
// Not thread-safe; the text must outlive the reader.
#ifndef RENKEI_IMPORTER_TABLE_LAYOUT_H_
#define RENKEI_IMPORTER_TABLE_LAYOUT_H_

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importer/column_mapping.h"
#include "importer/csv_reader.h"
#include "importer/problem.h"

namespace renkei::importer {

struct TableRow {
  int number = 0;                  // 1-based record after the header
  int line = 0;                    // 1-based physical line where the record starts
  std::vector<std::string> cells;  // trimmed; exactly header().size()
  std::vector<Problem> problems;   // e.g. a value right of the header
  absl::string_view raw;           // the record as written (no line break)
};

struct SkippedRow {
  // kTitle, kBlank and kFooter are the table's (TableReader); the others
  // rows inside the data that are not members (row_kinds.h).
  enum class Reason { kTitle, kBlank, kFooter, kTotal, kNote, kHeading, kRepeatedHeader, kLegend };
  Reason reason;
  int line = 0;    // 1-based physical line
  int number = 0;  // record after the header; 0 above the header
  absl::string_view raw;
};

// "title", "blank", "footer", "total", "note", "heading", "repeated header"
// or "legend".
absl::string_view SkipReasonName(SkippedRow::Reason reason);

class TableReader {
 public:
  struct Options {
    CsvReader::Options csv;
    int header_line = 0;     // 1-based physical line of the header; 0: find it
    int header_search = 30;  // records searched for a header row
  };

  // Reads `utf8` up to and including the header. Errors: the CSV's (with
  // line and column), INVALID_ARGUMENT when there is no header row (an empty
  // file, or no record at Options::header_line).
  // REQUIRES: `utf8` outlives the reader.
  static absl::StatusOr<std::unique_ptr<TableReader>> Open(absl::string_view utf8,
                                                           const ColumnRules& rules,
                                                           const Options& options);
  // The same over any records (a sheet); Options::csv is not used.
  static absl::StatusOr<std::unique_ptr<TableReader>> Open(std::unique_ptr<RecordReader> records,
                                                           const ColumnRules& rules,
                                                           const Options& options);

  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;

  // The header cells, trimmed, without empty cells at the right.
  const std::vector<std::string>& header() const { return header_; }
  int header_line() const { return header_line_; }
  // The header record as written (a view into the text).
  absl::string_view header_raw() const { return header_raw_; }

  // The cells of up to `n` data records after the header (blank ones left
  // out), read ahead: Next gives them out again. For recognizing columns by
  // their values.
  std::vector<std::vector<std::string>> Sample(size_t n);

  // Adds columns without a header on the right, up to `width` (columns
  // the data fills without a header: their values may say what they are).
  void WidenHeader(size_t width) {
    if (width > header_.size()) header_.resize(width);
  }

  // The next data row, or false at the end or on a CSV error (status()).
  bool Next(TableRow* row);

  // OK, or the CSV error that stopped reading (then the whole file is bad:
  // after a quoting error nothing later can be trusted).
  const absl::Status& status() const { return records_->status(); }

  // The rows skipped so far, in the order they were settled.
  const std::vector<SkippedRow>& skipped() const { return skipped_; }

 private:
  explicit TableReader(std::unique_ptr<RecordReader> records) : records_(std::move(records)) {}

  // Reads one record after the header and files it (ready_, held_ or
  // skipped_). At the end of the text, settles held_ as footers.
  void ReadOne();
  void File(CsvRecord& record);

  std::unique_ptr<RecordReader> records_;
  std::vector<std::string> header_;
  int header_line_ = 0;
  absl::string_view header_raw_;
  int next_number_ = 1;
  bool done_ = false;
  std::deque<CsvRecord> buffered_;  // records after the header read early
  std::deque<TableRow> ready_;      // data rows to give out
  std::vector<TableRow> held_;      // possible footer rows
  std::vector<SkippedRow> skipped_;
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_TABLE_LAYOUT_H_
