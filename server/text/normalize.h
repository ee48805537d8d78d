// Normalization of Japanese text for keys, search and comparison.
//
// NormalizeText folds the differences that do not change meaning in names and
// keywords: Unicode NFKC with case folding (ＩｏＴ → iot, ｾﾝｻ → センサ, ㈱ →
// (株)), hiragana to katakana, dash variants to '-', common variant kanji in
// names (髙 → 高, 﨑 → 崎, 齋 → 斎), and white space removed. Thread-safe.
#ifndef RENKEI_SERVER_TEXT_NORMALIZE_H_
#define RENKEI_SERVER_TEXT_NORMALIZE_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

namespace renkei::text {

// REQUIRES: `text` is valid UTF-8 (invalid sequences become U+FFFD).
std::string NormalizeText(absl::string_view text);

// The same folding for search text, except that hiragana stays hiragana (a
// word analyzer needs to see it; FoldKana folds it after): white space runs
// become one ' ' so words stay apart, and a long-vowel mark ending a katakana
// word is dropped (センサー and センサ, モーター and モータ are one word).
std::string NormalizeForSearch(absl::string_view text);

// Hiragana → katakana in UTF-8 text (めっき → メッキ); the rest unchanged.
std::string FoldKana(absl::string_view normalized);

// Removes legal-form words (株式会社, (株), 有限会社, 公益財団法人 …) at the
// start or end of an already normalized name: "株式会社一関精工" and
// "一関精工(株)" both give "一関精工". Returns the input when nothing is left.
std::string StripLegalForm(absl::string_view normalized_name);

// The distinct code-point n-grams of `text` (n = 1 or 2 …), in first-seen
// order. A text shorter than n gives itself when non-empty.
std::vector<std::string> CodePointGrams(absl::string_view text, int n);

// The number of Unicode code points in valid UTF-8 `text`.
size_t CodePointCount(absl::string_view text);

}  // namespace renkei::text

#endif  // RENKEI_SERVER_TEXT_NORMALIZE_H_
