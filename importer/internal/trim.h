// Trimming of cells: ASCII white space and the ideographic space U+3000,
// which Japanese lists put around names and at the ends of cells.
#ifndef RENKEI_IMPORTER_INTERNAL_TRIM_H_
#define RENKEI_IMPORTER_INTERNAL_TRIM_H_

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace renkei::importer::internal {

inline absl::string_view Trim(absl::string_view text) {
  constexpr absl::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    const size_t before = text.size();
    text = absl::StripAsciiWhitespace(text);
    while (absl::ConsumePrefix(&text, kIdeographicSpace)) {
    }
    while (absl::ConsumeSuffix(&text, kIdeographicSpace)) {
    }
    if (text.size() == before) return text;
  }
}

}  // namespace renkei::importer::internal

#endif  // RENKEI_IMPORTER_INTERNAL_TRIM_H_
