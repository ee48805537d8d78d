// A streaming reader of JSON Lines (one JSON object per line) over UTF-8
// text, for seeds, needs and organization lists exported by other systems.
//
//   - Each non-blank line is one record, numbered by its line (a file has no
//     header). Lines end with LF or CRLF. Blank lines are skipped.
//   - A line that is not one JSON object (bad syntax, an array, text after
//     the object, a key given twice) comes back as a record with `problem`
//     set ("line 7, column 31: expected ',' or '}'"); reading goes on, so
//     every bad line can be listed before anything is written.
//   - Values keep their JSON kind. Numbers keep the digits as written
//     (7402001000425 stays that, never 7.402001000425e+12). Arrays of
//     strings or numbers give `items`; any other nested value is kept as its
//     JSON text.
//   - Columns count characters (code points) from the start of the line.
//
// Not thread-safe; the text must outlive the reader.
#ifndef RENKEI_IMPORTER_JSONL_READER_H_
#define RENKEI_IMPORTER_JSONL_READER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "importer/problem.h"

namespace renkei::importer {

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  // kString: the decoded string; kNumber: the number as written; kBool:
  // "true" / "false"; kNull: ""; kArray of scalars: the items joined by
  // "\n"; other kArray and kObject: the JSON text as written.
  std::string text;
  std::vector<std::string> items;  // kArray: each scalar item's text
  int column = 0;                  // 1-based column where the value starts
};

struct JsonlRecord {
  int line = 0;                                            // 1-based physical line
  std::vector<std::pair<std::string, JsonValue>> members;  // in file order
  std::optional<Problem> problem;                          // set when the line is not an object
  absl::string_view raw;                                   // the line as written (no line break)
};

class JsonlReader {
 public:
  // REQUIRES: `utf8` outlives the reader.
  explicit JsonlReader(absl::string_view utf8) : text_(utf8) {}

  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  // The next non-blank line, parsed (or with `problem` set). False at the
  // end of the text.
  bool Next(JsonlRecord* record);

 private:
  const absl::string_view text_;
  size_t pos_ = 0;
  int line_ = 0;  // the line last read
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_JSONL_READER_H_
