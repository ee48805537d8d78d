// UTF-8 text taken apart into code points, and code points written back.
// Text is expected to be valid UTF-8 (what NormalizeText and ICU give); an
// ill-formed sequence counts as one code point, U+FFFD. Thread-safe (pure
// functions).
#ifndef RENKEI_SERVER_TEXT_UTF8_H_
#define RENKEI_SERVER_TEXT_UTF8_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::text {

// The bytes of the first code point of `text` ("" when `text` is empty).
absl::string_view FirstCodePoint(absl::string_view text);

// The code points of `text`, each as its bytes, in order.
std::vector<absl::string_view> SplitCodePoints(absl::string_view text);

// The code points of `text`, one for each of SplitCodePoints(text).
std::u32string DecodeUtf8(absl::string_view text);

// Appends `c` (a Unicode scalar value) to `out` as UTF-8.
void AppendUtf8(char32_t c, std::string* out);

}  // namespace renkei::text

#endif  // RENKEI_SERVER_TEXT_UTF8_H_
