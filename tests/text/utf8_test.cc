#include "server/text/utf8.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace renkei::text {
namespace {

using ::testing::ElementsAre;

TEST(Utf8Test, SplitsIntoCodePointsOfOneToFourBytes) {
  EXPECT_THAT(SplitCodePoints("aé一𠮷"), ElementsAre("a", "é", "一", "𠮷"));
  EXPECT_THAT(SplitCodePoints(""), ElementsAre());
}

TEST(Utf8Test, FirstCodePointIsItsBytes) {
  EXPECT_EQ(FirstCodePoint("一関"), "一");
  EXPECT_EQ(FirstCodePoint("x一"), "x");
  EXPECT_EQ(FirstCodePoint(""), "");
}

TEST(Utf8Test, DecodesOneCodePointPerSplitPart) {
  EXPECT_EQ(DecodeUtf8("aé一𠮷"), U"aé一𠮷");
  EXPECT_EQ(DecodeUtf8(""), U"");
}

TEST(Utf8Test, AppendWritesWhatDecodeReads) {
  std::string out;
  for (char32_t c : DecodeUtf8("セイコー abc 𠮷野家")) AppendUtf8(c, &out);
  EXPECT_EQ(out, "セイコー abc 𠮷野家");
}

TEST(Utf8Test, IllFormedSequenceIsOneReplacementCharacter) {
  const std::string truncated = std::string("a") + "\xE4\xB8";  // 一 without its last byte
  EXPECT_EQ(DecodeUtf8(truncated), U"a\uFFFD");
  EXPECT_EQ(SplitCodePoints(truncated).size(), 2u);
}

}  // namespace
}  // namespace renkei::text
