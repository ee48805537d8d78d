#include "server/resolve/reading.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "server/resolve/names.h"
#include "tests/test_util.h"

namespace renkei::resolve {
namespace {

class ReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<Reader>> reader = Reader::Create();
    ASSERT_OK(reader);
    reader_ = reader->release();
  }
  static void TearDownTestSuite() {
    delete reader_;
    reader_ = nullptr;
  }

  // The reading of a name as written.
  static std::string Read(const std::string& written) { return reader_->Read(NameKey(written)); }

  static Reader* reader_;
};

Reader* ReaderTest::reader_ = nullptr;

TEST(FoldReadingTest, LongVowelsWrittenEitherWayAgree) {
  EXPECT_EQ(FoldReading("セイコウ"), "セコ");
  EXPECT_EQ(FoldReading("セイコー"), "セコ");
  EXPECT_EQ(FoldReading("オオハラ"), "オハラ");
  EXPECT_EQ(FoldReading("エービーシー"), FoldReading("エイビイシイ"));
  // ヷ ヸ ヹ ヺ are ヴァ ヴィ ヴェ ヴォ in one letter.
  EXPECT_EQ(FoldReading("ヷイン"), FoldReading("ヴァイン"));
  EXPECT_EQ(FoldReading("ヸオラ"), FoldReading("ヴィオラ"));
  EXPECT_EQ(FoldReading("ヺルト"), FoldReading("ヴォルト"));
}

TEST(FoldReadingTest, SmallKanaAndOldSpellingsFold) {
  EXPECT_EQ(FoldReading("カブシキカイシヤ"), FoldReading("カブシキカイシャ"));
  EXPECT_EQ(FoldReading("ヂヅヲ"), "ジズオ");
  EXPECT_EQ(FoldReading("ケ"), FoldReading("ヶ"));
}

TEST(FoldReadingTest, DistinctSoundsStayDistinct) {
  EXPECT_NE(FoldReading("セイコウ"), FoldReading("セイキ"));
  EXPECT_NE(FoldReading("サイトウ"), FoldReading("サトウ"));
}

TEST_F(ReaderTest, KanjiAndHalfWidthKanaReadAlike) {
  EXPECT_EQ(Read("株式会社一関精工"), FoldReading("イチノセキセイコウ"));
  EXPECT_EQ(Read("ｲﾁﾉｾｷｾｲｺｳ"), Read("一関精工"));
  EXPECT_EQ(Read("ｲﾁﾉｾｷｾｲｺｰ"), Read("一関精工"));
}

TEST_F(ReaderTest, PlaceNamesReadFromTheTable) {
  // The dictionary alone reads 一関 as イチゼキ and 千厩 otherwise.
  EXPECT_EQ(Read("千厩オプト"), FoldReading("センマヤオプト"));
  EXPECT_EQ(Read("一ノ関精工"), Read("一関精工"));
  EXPECT_EQ(Read("北上ダイカスト"), FoldReading("キタカミダイカスト"));
}

TEST_F(ReaderTest, LatinLettersReadByTheirNames) {
  EXPECT_EQ(Read("ＡＢＣ電機"), Read("エービーシー電機"));
  EXPECT_EQ(Read("abc電機"), FoldReading("エービーシーデンキ"));
}

TEST_F(ReaderTest, HiraganaReadsAsKatakana) {
  EXPECT_EQ(Read("ひらいずみ味工房"), Read("ヒライズミ味工房"));
}

TEST_F(ReaderTest, DifferentNamesReadDifferently) {
  EXPECT_NE(Read("一関精工"), Read("一関精機"));
  EXPECT_NE(Read("ミヤビ電機"), Read("ミヤビ電機サービス"));
}

TEST_F(ReaderTest, EmptyKeyHasNoReading) { EXPECT_EQ(reader_->Read(""), ""); }

// ﾜﾞ (half-width) becomes ヷ after NFKC. The reader took katakana to end at
// ヶ (U+30F6), so a word with ヷ ヸ ヹ ヺ went to the dictionary, which has no
// reading for it, and the whole name got none.
TEST_F(ReaderTest, KatakanaWithVoicedWaReadsAsWritten) {
  EXPECT_EQ(NameKey("ﾜﾞｲﾝ電機"), "ヷイン電機");
  EXPECT_EQ(Read("ﾜﾞｲﾝ電機"), FoldReading("ヷインデンキ"));
  EXPECT_EQ(Read("ヸオラ工房"), FoldReading("ヸオラコウボウ"));
}

}  // namespace
}  // namespace renkei::resolve
