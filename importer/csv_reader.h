// A streaming reader of CSV text as Excel writes it (RFC 4180 plus Excel's
// habits), over text already decoded to UTF-8 (see encoding.h).
//
//   - Records end with CRLF, LF or a lone CR; the last one may lack an end.
//     A file ending with a line break has no empty record after it.
//   - A field starting with '"' is quoted: it may hold the delimiter, line
//     breaks (kept as written) and doubled quotes ("" → "). A quoted field
//     with line breaks is one record; its `line` is where it starts.
//   - As Excel reads them, a '"' inside an unquoted field is an ordinary
//     character (ab"c → ab"c), and so is a '"' after leading spaces.
//   - Errors stop the reader: a quoted field still open at the end of the
//     text ("line 40, column 12: quoted field is not closed", at its opening
//     quote), and characters after a closing quote other than the delimiter
//     or a line break. Lines and columns are 1-based; a column counts
//     characters (code points) from the start of its physical line.
//
// Usage:
//   CsvReader reader(decoded.utf8);
//   CsvRecord record;
//   while (reader.Next(&record)) { … record.fields … }
//   if (!reader.status().ok()) { … }
//
// Not thread-safe. The reader holds a view of the text, which must outlive
// it; records own their fields.
#ifndef RENKEI_IMPORTER_CSV_READER_H_
#define RENKEI_IMPORTER_CSV_READER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace renkei::importer {

struct CsvRecord {
  std::vector<std::string> fields;  // at least one (an empty line gives {""})
  int line = 0;                     // 1-based physical line where it starts
  int end_line = 0;                 // the line where it ends (> line when a
                                    // quoted field holds line breaks)
  absl::string_view raw;            // the record as written, without its
                                    // line break; a view into the text
};

// Where TableReader (table_layout.h) reads its records from: CSV text
// (CsvReader) or a sheet of a workbook (sheet_records.h). Not thread-safe.
class RecordReader {
 public:
  virtual ~RecordReader() = default;
  // The next record, or false at the end or on an error (status()).
  virtual bool Next(CsvRecord* record) = 0;
  virtual const absl::Status& status() const = 0;
};

class CsvReader final : public RecordReader {
 public:
  struct Options {
    char delimiter = ',';  // ',' for CSV, '\t' for tab-separated text
  };

  // REQUIRES: `utf8` outlives the reader.
  explicit CsvReader(absl::string_view utf8) : CsvReader(utf8, Options()) {}
  CsvReader(absl::string_view utf8, const Options& options);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `*record` (reusing its storage). Returns false
  // at the end of the text or on an error; then status() tells which.
  bool Next(CsvRecord* record) override;

  // OK unless the text is malformed (INVALID_ARGUMENT with line and column).
  const absl::Status& status() const override { return status_; }

 private:
  // The 1-based column of byte `offset` on the line starting at `line_start`.
  int ColumnOf(size_t line_start, size_t offset) const;
  absl::Status Error(int line, size_t line_start, size_t offset, absl::string_view what) const;

  // Constant after construction.
  const absl::string_view text_;
  const char delimiter_;

  size_t pos_ = 0;         // next byte to read
  int line_ = 1;           // physical line of pos_
  size_t line_start_ = 0;  // byte offset where that line starts
  absl::Status status_;
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_CSV_READER_H_
