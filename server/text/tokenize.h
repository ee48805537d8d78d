// Terms of Japanese (and Latin) text for the search index: character bigrams
// of CJK runs, words of Latin letters and digits. No dictionary, nothing to
// download. Thread-safe.
#ifndef RENKEI_SERVER_TEXT_TOKENIZE_H_
#define RENKEI_SERVER_TEXT_TOKENIZE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::text {

// The terms of `normalized` (from NormalizeForSearch), in order, repeats
// kept (their count is the term frequency), hiragana folded to katakana:
//  - a run of kanji / kana (with 々 and ー) gives its overlapping bigrams, a
//    run of one character gives that character: 外観検査 → 外観 観検 検査;
//  - a run of Latin letters and digits gives one word of 2 or more
//    characters: "iot", "9001", "ufb";
//  - anything else separates runs.
std::vector<std::string> Terms(absl::string_view normalized);

// The same terms with where they are in `normalized` (byte offsets).
struct TermAt {
  std::string text;
  size_t begin = 0;
  size_t end = 0;
};
std::vector<TermAt> TermsAt(absl::string_view normalized);

// The distinct terms of `normalized`, in first-seen order.
std::vector<std::string> DistinctTerms(absl::string_view normalized);

// How many times `term` occurs in `normalized` (overlapping occurrences
// count, as bigrams do).
int CountOccurrences(absl::string_view normalized, absl::string_view term);

}  // namespace renkei::text

#endif  // RENKEI_SERVER_TEXT_TOKENIZE_H_
