// Whether a cell or a part of one is written in ASCII digits.
#ifndef RENKEI_IMPORTER_INTERNAL_DIGITS_H_
#define RENKEI_IMPORTER_INTERNAL_DIGITS_H_

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace renkei::importer::internal {

// One or more ASCII digits and nothing else ("" is not).
inline bool AllDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace renkei::importer::internal

#endif  // RENKEI_IMPORTER_INTERNAL_DIGITS_H_
