// The region's place names and their readings (data/resolve/place_readings.tsv,
// embedded at build time). Thread-safe; the table lives for the program.
#ifndef RENKEI_SERVER_RESOLVE_PLACES_H_
#define RENKEI_SERVER_RESOLVE_PLACES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::resolve {

struct Place {
  std::string name;     // normalized (text::NormalizeText): 一関, 金ケ崎
  std::string reading;  // katakana: イチノセキ
};

// Every place, longest name first.
const std::vector<Place>& Places();

// The place `text` ends with (the longest), or nullptr.
const Place* PlaceAtEnd(absl::string_view normalized_text);

// The place `text` starts with (the longest), or nullptr. Looks at the places
// sharing the text's first byte only: called once per character of a name.
const Place* PlaceAtStart(absl::string_view normalized_text);

}  // namespace renkei::resolve

#endif  // RENKEI_SERVER_RESOLVE_PLACES_H_
