// Counts the occurrences of many phrases in a text in one pass over it: what
// text::CountOccurrences gives for each phrase (overlapping occurrences
// count), without reading the text once per phrase. Built once per query
// for its thesaurus phrases, then used on each candidate document.
// Immutable after construction, so thread-safe.
#ifndef RENKEI_SERVER_TEXT_PHRASE_COUNTER_H_
#define RENKEI_SERVER_TEXT_PHRASE_COUNTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace renkei::text {

class PhraseCounter {
 public:
  // `phrases` are UTF-8; an empty phrase never occurs.
  explicit PhraseCounter(const std::vector<std::string>& phrases);

  // Adds to (*counts)[i] the occurrences of phrase i in `text` (valid UTF-8).
  // REQUIRES: counts->size() == the number of phrases.
  void Count(absl::string_view text, std::vector<int>* counts) const;

  size_t size() const { return phrases_.size(); }

 private:
  std::vector<std::string> phrases_;
  // First code point → the phrases starting with it.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_first_;
};

}  // namespace renkei::text

#endif  // RENKEI_SERVER_TEXT_PHRASE_COUNTER_H_
