// Small UTF-8 helpers shared by the importer's readers.
#ifndef RENKEI_IMPORTER_INTERNAL_UTF8_H_
#define RENKEI_IMPORTER_INTERNAL_UTF8_H_

#include <unicode/utf8.h>

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace renkei::importer::internal {

// Appends code point `c` (a valid scalar value) to `out` as UTF-8.
inline void AppendUtf8(UChar32 c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, c, error);
  if (!error) out->append(buffer, static_cast<size_t>(length));
}

// The number of code points in valid UTF-8 `text` (its lead and ASCII bytes).
inline int CountCodePoints(absl::string_view text) {
  int count = 0;
  for (char c : text) {
    if (!U8_IS_TRAIL(static_cast<uint8_t>(c))) ++count;
  }
  return count;
}

}  // namespace renkei::importer::internal

#endif  // RENKEI_IMPORTER_INTERNAL_UTF8_H_
