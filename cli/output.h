// Writing records as a table, JSON, JSON Lines, CSV or YAML.
//
// JSON is the canonical protobuf JSON mapping (lowerCamelCase names, enums by
// name), so what `get -o json` prints feeds back into `--from`. Tables line
// up by display width (全角 = 2 columns) and cut long cells with "…" to fit
// the terminal. CSV follows RFC 4180 (CRLF, quotes doubled). Not thread-safe.
#ifndef RENKEI_CLI_OUTPUT_H_
#define RENKEI_CLI_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::cli {

enum class Format { kTable, kJson, kJsonl, kCsv, kYaml };

// "table", "json", "jsonl", "csv", "yaml".
absl::StatusOr<Format> ParseFormat(absl::string_view name);
// Table when standard output is a terminal, JSON Lines when it is not.
Format DefaultFormat();
// The terminal's width in columns ($COLUMNS, else the terminal, else 0 = no limit).
int TerminalWidth();

struct Column {
  std::string header;  // as shown in tables
  std::string path;    // field path, as CSV headers show it
};

// Writes a stream of records of one type. Rows may come page by page: a table
// takes its column widths from the first page it sees (Flush) and cuts later
// cells to them.
class ListWriter {
 public:
  ListWriter(Format format, std::vector<Column> columns, std::ostream* out, int width);
  ListWriter(const ListWriter&) = delete;
  ListWriter& operator=(const ListWriter&) = delete;

  void Add(const google::protobuf::Message& record);
  // Writes what was added so far.
  void Flush();
  // Writes the rest and whatever closes the output (the JSON array's "]").
  void Finish();

 private:
  void WriteTableRows();

  const Format format_;
  const std::vector<Column> columns_;
  std::ostream& out_;
  const int width_;
  std::vector<std::vector<std::string>> pending_;  // table rows not yet written
  std::vector<int> widths_;                        // set at the first table flush
  bool header_written_ = false;
  int written_ = 0;
};

// Writes one record: a table shows "field  value" lines of every set field.
void WriteRecord(Format format, const google::protobuf::Message& record, std::ostream* out,
                 int width);

// The record in the canonical JSON mapping; `pretty` indents it.
std::string ToJson(const google::protobuf::Message& record, bool pretty);

// One CSV field, quoted when it holds a comma, a quote, a line break or
// leading or trailing space.
std::string CsvField(absl::string_view text);

}  // namespace renkei::cli

#endif  // RENKEI_CLI_OUTPUT_H_
