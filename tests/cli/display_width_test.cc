#include "cli/display_width.h"

#include <gtest/gtest.h>

namespace renkei::cli {
namespace {

TEST(DisplayWidthTest, FullWidthTakesTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("一関精工"), 8);
  EXPECT_EQ(DisplayWidth("ＡＢＣ電機"), 10);
  EXPECT_EQ(DisplayWidth("ｾﾝｻ"), 3);  // half-width katakana
  EXPECT_EQ(DisplayWidth("株式会社ABC"), 11);
}

TEST(DisplayWidthTest, CombiningMarksTakeNone) {
  EXPECT_EQ(DisplayWidth("か\u3099"), 2);   // か + combining voiced mark
  EXPECT_EQ(DisplayWidth("e\u0301"), 1);
}

TEST(FitToWidthTest, CutsWithAnEllipsisOnCodePointBoundaries) {
  EXPECT_EQ(FitToWidth("株式会社一関精工", 16), "株式会社一関精工");
  EXPECT_EQ(FitToWidth("株式会社一関精工", 7), "株式会…");
  // 6 columns: two kanji fit before "…", a third would not.
  EXPECT_EQ(FitToWidth("株式会社一関精工", 6), "株式…");
  EXPECT_EQ(DisplayWidth(FitToWidth("株式会社一関精工", 6)), 5);
  EXPECT_EQ(FitToWidth("abcdef", 4), "abc…");
  EXPECT_EQ(FitToWidth("一関", 1), "…");
  EXPECT_EQ(FitToWidth("一関", 0), "");
}

TEST(PadToWidthTest, PadsByColumnsNotBytes) {
  EXPECT_EQ(PadToWidth("一関", 6), "一関  ");
  EXPECT_EQ(PadToWidth("abc", 2), "abc");
}

}  // namespace
}  // namespace renkei::cli
