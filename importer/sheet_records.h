// The rows of a workbook's sheet (xlsx_reader.h) as the records TableReader
// reads (csv_reader.h's RecordReader): record n is Excel's row n (its
// `line`), so problems name the row and column letter Excel shows, and the
// row "as written" (for a file of rejected rows) is its cells as a CSV line.
// Not thread-safe.
#ifndef RENKEI_IMPORTER_SHEET_RECORDS_H_
#define RENKEI_IMPORTER_SHEET_RECORDS_H_

#include <deque>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "importer/csv_reader.h"

namespace renkei::importer {

class SheetRecords final : public RecordReader {
 public:
  explicit SheetRecords(std::vector<std::vector<std::string>> rows) : rows_(std::move(rows)) {}

  bool Next(CsvRecord* record) override;
  const absl::Status& status() const override { return status_; }

 private:
  std::vector<std::vector<std::string>> rows_;
  size_t next_ = 0;
  std::deque<std::string> raw_;  // each row as a CSV line; records view them
  const absl::Status status_;
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_SHEET_RECORDS_H_
