#include "server/text/normalize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace renkei::text {
namespace {

TEST(NormalizeTextTest, FoldsWidthAndCase) {
  EXPECT_EQ(NormalizeText("ＩｏＴ"), "iot");
  EXPECT_EQ(NormalizeText("ｾﾝｻ"), "センサ");
  EXPECT_EQ(NormalizeText("ＡＢＣ電機"), "abc電機");
  EXPECT_EQ(NormalizeText("ISO 9001"), "iso9001");
}

TEST(NormalizeTextTest, LegalFormSymbolsBecomeParenthesized) {
  EXPECT_EQ(NormalizeText("㈱一関精工"), "(株)一関精工");
  EXPECT_EQ(NormalizeText("（株）一関精工"), "(株)一関精工");
}

TEST(NormalizeTextTest, HiraganaBecomesKatakana) {
  EXPECT_EQ(NormalizeText("めっき"), "メッキ");
  EXPECT_EQ(NormalizeText("いちのせき"), "イチノセキ");
}

TEST(NormalizeTextTest, VariantKanjiAndDashes) {
  EXPECT_EQ(NormalizeText("髙橋"), NormalizeText("高橋"));
  EXPECT_EQ(NormalizeText("山﨑"), NormalizeText("山崎"));
  EXPECT_EQ(NormalizeText("齋藤"), NormalizeText("斎藤"));
  EXPECT_EQ(NormalizeText("0191‐23－4567"), "0191-23-4567");
  // The long-vowel mark is part of katakana words and stays.
  EXPECT_EQ(NormalizeText("エービーシー"), "エービーシー");
}

TEST(NormalizeTextTest, RemovesWhiteSpaceIncludingIdeographic) {
  EXPECT_EQ(NormalizeText(" 一関　精工 "), "一関精工");
}

TEST(StripLegalFormTest, RemovesFormsAtEitherEnd) {
  for (const char* name : {"株式会社一関精工", "(株)一関精工", "㈱一関精工", "一関精工株式会社",
                           "一関精工(株)", "（株）一関精工"}) {
    EXPECT_EQ(StripLegalForm(NormalizeText(name)), "一関精工") << name;
  }
  EXPECT_EQ(StripLegalForm(NormalizeText("公益財団法人岩手県南技術研究センター")),
            "岩手県南技術研究センター");
  // Nothing is left: keep the name.
  EXPECT_EQ(StripLegalForm("株式会社"), "株式会社");
}

TEST(CodePointGramsTest, BigramsOfJapaneseText) {
  EXPECT_THAT(CodePointGrams("一関精工", 2), ::testing::ElementsAre("一関", "関精", "精工"));
  EXPECT_THAT(CodePointGrams("一関", 1), ::testing::ElementsAre("一", "関"));
  EXPECT_THAT(CodePointGrams("一", 2), ::testing::ElementsAre("一"));
  EXPECT_THAT(CodePointGrams("ああ", 1), ::testing::ElementsAre("あ"));
  EXPECT_TRUE(CodePointGrams("", 2).empty());
}

TEST(CodePointCountTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePointCount("一関abc"), 5u);
  EXPECT_EQ(CodePointCount("𠮷"), 1u);
}

}  // namespace
}  // namespace renkei::text
