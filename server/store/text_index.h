// The search index the store keeps beside organizations, people, seeds and
// needs, written in the same WriteBatch as the record (docs/store_format.md):
// for each record its search text in four weighted fields, and for each term
// (server/text/tokenize.h) the records holding it with per-field counts.
#ifndef RENKEI_SERVER_STORE_TEXT_INDEX_H_
#define RENKEI_SERVER_STORE_TEXT_INDEX_H_

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

#include "server/names/resource_name.h"

namespace renkei::store {

// The fields of a search document, from most to least telling.
enum SearchField : int {
  kTitleField = 0,     // title, display name, aliases
  kKeywordsField = 1,  // keywords, research fields, applications, products
  kSummaryField = 2,   // summary, description
  kBodyField = 3,      // body, profile, longer descriptions
};
inline constexpr int kSearchFieldCount = 4;

// A record's search text: each field normalized with
// text::NormalizeForSearch and text::FoldKana, its parts separated by " / ",
// with the analyzer's terms counted per field.
struct SearchDocument {
  using Counts = std::array<uint8_t, kSearchFieldCount>;  // capped at 255

  std::array<std::string, kSearchFieldCount> fields;
  std::array<int, kSearchFieldCount> lengths{};  // terms per field
  std::vector<std::pair<std::string, Counts>> counts;  // sorted by term

  // The counts of `term`, or null when the document does not hold it.
  const Counts* Find(absl::string_view term) const;
};

// One record holding a term, with how often in each field (capped at 255).
struct Posting {
  ResourceName name;
  std::array<uint8_t, kSearchFieldCount> counts{};
};

// Document count and summed field lengths (in terms) of a kind's documents.
struct SearchStats {
  int64_t documents = 0;
  std::array<int64_t, kSearchFieldCount> total_lengths{};
};

// Whether records of `kind` are searchable.
bool IsSearchable(Kind kind);

}  // namespace renkei::store

#endif  // RENKEI_SERVER_STORE_TEXT_INDEX_H_
