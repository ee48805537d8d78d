// What renkei-import writes for people to read and act on:
//   - the resolution report (--report FILE): one CSV line per data row,
//     columns file,row,line,action,name,score,evidence,site,changed_fields,
//     candidates,message (action: created, linked, updated, ambiguous,
//     rejected, unmatched, skipped);
//   - the review file (review_file.h);
//   - the file of rejected rows (--skip-invalid): the header and the rows as
//     they were written, with a last column 取込エラー saying why.
// All are UTF-8 with a BOM (Excel opens them right) and CRLF.
#ifndef RENKEI_IMPORTER_REPORT_H_
#define RENKEI_IMPORTER_REPORT_H_

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

// "created", "linked" … for an action.
absl::string_view ActionWord(v1::ImportAction action);

// One CSV line (with CRLF) of `cells`, quoted where needed.
std::string CsvLine(const std::vector<std::string>& cells);

// A CSV file written line by line.
class CsvFile {
 public:
  // Creates (truncates) `path` and writes the BOM and `header`.
  static absl::StatusOr<std::unique_ptr<CsvFile>> Create(const std::string& path,
                                                          const std::vector<std::string>& header);
  void Write(const std::vector<std::string>& cells) { out_ << CsvLine(cells); }
  // Writes text as it is (a raw row of the input).
  void WriteRaw(absl::string_view text) { out_ << text; }
  absl::Status Close();

 private:
  CsvFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
  std::ofstream out_;
};

// The report's line for one outcome.
std::vector<std::string> ReportCells(absl::string_view file, int line, const v1::RowOutcome& o);
std::vector<std::string> ReportHeader();

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_REPORT_H_
