#include "server/text/char_class.h"

#include <gtest/gtest.h>

#include <string_view>

namespace renkei::text {
namespace {

TEST(CharClassTest, KatakanaLettersAndTheLongVowelMarkAreKatakana) {
  for (char32_t c : std::u32string_view(U"ァアヶヴヷヸヹヺー")) {
    EXPECT_TRUE(IsKatakana(c)) << static_cast<int>(c);
  }
}

TEST(CharClassTest, KatakanaPunctuationAndOtherKanaAreNotKatakana) {
  for (char32_t c : std::u32string_view(U"゠・ヽヾヿあゝｱ一a")) {
    EXPECT_FALSE(IsKatakana(c)) << static_cast<int>(c);
  }
}

TEST(CharClassTest, UnifiedIdeographsAndTheIterationMarkAreKanji) {
  for (char32_t c : std::u32string_view(U"一関鿿々")) {
    EXPECT_TRUE(IsKanji(c)) << static_cast<int>(c);
  }
  for (char32_t c : std::u32string_view(U"〆〇ケあa")) {
    EXPECT_FALSE(IsKanji(c)) << static_cast<int>(c);
  }
}

}  // namespace
}  // namespace renkei::text
