// A problem with one row of an input file, at a line and column, for the
// list of bad rows the importer prints before it writes anything.
#ifndef RENKEI_IMPORTER_PROBLEM_H_
#define RENKEI_IMPORTER_PROBLEM_H_

#include <string>

#include "absl/strings/str_cat.h"

namespace renkei::importer {

struct Problem {
  int line = 0;    // 1-based physical line
  int column = 0;  // 1-based; a cell's column number (CSV) or a character
                   // position (JSON Lines); 0 when it concerns the row
  std::string message;

  // "line 12, column 8: …" (or "line 12: …" without a column).
  std::string ToString() const {
    return column > 0 ? absl::StrCat("line ", line, ", column ", column, ": ", message)
                      : absl::StrCat("line ", line, ": ", message);
  }
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_PROBLEM_H_
