// A problem with one row of an input file, at a line and column, for the
// list of bad rows the importer prints before it writes anything, and for
// warnings. Every problem reads the same way (docs/import.md):
//
//   line 12, column E (電話番号) 「0191-2」: phone has 5 digits …
//
// the line, the spreadsheet column's letter and header, the value as
// written, and why. In JSON Lines the column is the character where the
// value starts and the header is its key: line 12, "tel" 「0191-2」: ….
#ifndef RENKEI_IMPORTER_PROBLEM_H_
#define RENKEI_IMPORTER_PROBLEM_H_

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace renkei::importer {

// "A" … "Z", "AA" …: Excel's name of the 1-based column `column`.
inline std::string ColumnLetters(int column) {
  std::string letters;
  while (column > 0) {
    const int rest = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rest));
    column = (column - 1) / 26;
  }
  return letters;
}

struct Problem {
  Problem() = default;
  Problem(int line, int column, std::string message, std::string header = "",
          std::string value = "")
      : line(line),
        column(column),
        message(std::move(message)),
        header(std::move(header)),
        value(std::move(value)) {}

  int line = 0;    // 1-based physical line
  int column = 0;  // 1-based; a cell's column number (CSV, TSV, a sheet) or a
                   // character position (JSON Lines); 0 when it concerns the row
  std::string message;
  std::string header;  // the column's header (a JSON key); "" when none
  std::string value;   // the cell as written; "" when empty or not about one

  // The problem without its place: `(電話番号) 「0191-2」: phone has 5 digits`,
  // for a page that shows the line and the column beside it.
  std::string Described() const {
    std::string what = header.empty() ? "" : absl::StrCat("(", header, ") ");
    if (!value.empty()) absl::StrAppend(&what, "「", value, "」: ");
    return absl::StrCat(what, message);
  }

  // The problem in the one form (see above); `cells` is false for JSON Lines.
  std::string ToString(bool cells = true) const {
    std::string where = absl::StrCat("line ", line);
    if (column > 0 && cells) {
      absl::StrAppend(&where, ", column ", ColumnLetters(column),
                      header.empty() ? "" : absl::StrCat(" (", header, ")"));
    } else if (!header.empty()) {
      absl::StrAppend(&where, ", \"", header, "\"");
    } else if (column > 0) {
      absl::StrAppend(&where, ", character ", column);
    }
    if (!value.empty()) absl::StrAppend(&where, " 「", value, "」");
    return absl::StrCat(where, ": ", message);
  }
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_PROBLEM_H_
