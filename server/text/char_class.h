// What kind of Japanese character a code point is, for the code that takes
// names and readings apart. Thread-safe (pure functions).
#ifndef RENKEI_SERVER_TEXT_CHAR_CLASS_H_
#define RENKEI_SERVER_TEXT_CHAR_CLASS_H_

namespace renkei::text {

// A katakana letter (ァ U+30A1 … ヺ U+30FA, so ヴ and ヷ-ヺ too) or the
// long-vowel mark ー (U+30FC): what a word written in katakana is made of.
// Not the middle dot ・, the iteration marks ヽヾ or half-width forms
// (NormalizeText folds those to full width).
bool IsKatakana(char32_t c);

// A CJK unified ideograph (U+4E00 … U+9FFF) or the iteration mark 々.
bool IsKanji(char32_t c);

}  // namespace renkei::text

#endif  // RENKEI_SERVER_TEXT_CHAR_CLASS_H_
