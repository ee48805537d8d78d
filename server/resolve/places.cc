#include "server/resolve/places.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "server/text/normalize.h"

namespace renkei::resolve {
namespace internal {
absl::string_view PlaceReadingsTsv();
}  // namespace internal

const std::vector<Place>& Places() {
  static const std::vector<Place>* const places = [] {
    auto* table = new std::vector<Place>();
    for (absl::string_view line : absl::StrSplit(internal::PlaceReadingsTsv(), '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line.front() == '#') continue;
      std::vector<absl::string_view> cells = absl::StrSplit(line, '\t');
      if (cells.size() != 2) continue;
      table->push_back({text::NormalizeText(cells[0]), text::NormalizeText(cells[1])});
    }
    std::stable_sort(table->begin(), table->end(), [](const Place& a, const Place& b) {
      return a.name.size() > b.name.size();
    });
    return table;
  }();
  return *places;
}

const Place* PlaceAtEnd(absl::string_view normalized_text) {
  for (const Place& place : Places()) {
    if (absl::EndsWith(normalized_text, place.name)) return &place;
  }
  return nullptr;
}

}  // namespace renkei::resolve
