// The rows of an import file, whatever its kind, read, converted to
// ImportRows and checked: member and organization lists (row_source.h +
// org_rows.h), the NTA's 法人番号 files (nta_reader.h), and files of people,
// seeds, needs and collaborations (record_rows.h).
#ifndef RENKEI_IMPORTER_FILE_ROWS_H_
#define RENKEI_IMPORTER_FILE_ROWS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importer/import_run.h"
#include "importer/org_rows.h"
#include "importer/table_layout.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

// Members, organizations and the registry: rows that are organizations.
bool IsOrganizationKind(v1::ImportKind kind);

// A row as read and converted, whatever the kind of file.
struct ReadRow {
  Converted converted;
  int line = 0;
  absl::string_view raw;
  std::string hash;  // fingerprint.h; "" for record kinds and the registry
};

// The rows of one file, one way for each kind of file. Not thread-safe.
class FileRows {
 public:
  virtual ~FileRows() = default;
  virtual bool Next(ReadRow* row) = 0;
  virtual absl::Status status() const = 0;
  virtual std::string Describe() const = 0;
  virtual absl::string_view header_raw() const = 0;
  virtual bool columns_are_cells() const { return true; }
  // The rows skipped so far (title, blank, footer, and rows inside the data
  // that are not members), for the summary and the report.
  virtual std::vector<SkippedRow> skipped() const { return {}; }
};


// Opens `options.file` as `options.kind` says, with the encoding, header
// line and column mapping of `options`. Errors start with the file's name.
absl::StatusOr<std::unique_ptr<FileRows>> OpenFileRows(const ImportOptions& options);

// Validates the record `row` carries as the server will
// (server/records/validate.h), adding a problem when it is invalid. An
// organization a record names by name is left to the server.
void CheckRecord(v1::ImportKind kind, ReadRow& row);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_FILE_ROWS_H_
