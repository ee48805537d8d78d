#include "server/resolve/places.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

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

const Place* PlaceAtStart(absl::string_view normalized_text) {
  // Places by their first character, longest first as in Places().
  using Index = absl::flat_hash_map<std::string, std::vector<const Place*>>;
  static const Index* const by_first = [] {
    auto* index = new Index();
    for (const Place& place : Places()) {
      if (!place.name.empty()) (*index)[text::FirstCodePoint(place.name)].push_back(&place);
    }
    return index;
  }();
  if (normalized_text.empty()) return nullptr;
  auto it = by_first->find(text::FirstCodePoint(normalized_text));
  if (it == by_first->end()) return nullptr;
  for (const Place* place : it->second) {
    if (absl::StartsWith(normalized_text, place->name)) return place;
  }
  return nullptr;
}

const Place* PlaceAtEnd(absl::string_view normalized_text) {
  for (const Place& place : Places()) {
    if (absl::EndsWith(normalized_text, place.name)) return &place;
  }
  return nullptr;
}

}  // namespace renkei::resolve
