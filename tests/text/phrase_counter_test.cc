#include "server/text/phrase_counter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server/text/tokenize.h"

namespace renkei::text {
namespace {

using ::testing::ElementsAre;

std::vector<int> Counts(const std::vector<std::string>& phrases, const std::string& text) {
  PhraseCounter counter(phrases);
  std::vector<int> counts(phrases.size(), 0);
  counter.Count(text, &counts);
  return counts;
}

TEST(PhraseCounterTest, CountsEveryPhraseInOnePass) {
  EXPECT_THAT(Counts({"打音検査", "検査", "めっき", "x線"}, "打音検査と外観検査 / めっき"),
              ElementsAre(1, 2, 1, 0));
}

TEST(PhraseCounterTest, OverlappingOccurrencesCount) {
  EXPECT_THAT(Counts({"ああ", "aa"}, "あああ aaaa"), ElementsAre(2, 3));
}

TEST(PhraseCounterTest, PhrasesSharingAFirstCharacterAreTellApart) {
  EXPECT_THAT(Counts({"画像", "画像検査", "画"}, "画像検査の画像"), ElementsAre(2, 1, 2));
}

TEST(PhraseCounterTest, EmptyPhrasesAndTextsCountNothing) {
  EXPECT_THAT(Counts({"", "検査"}, "検査"), ElementsAre(0, 1));
  EXPECT_THAT(Counts({"検査"}, ""), ElementsAre(0));
  EXPECT_THAT(Counts({}, "検査"), ElementsAre());
}

TEST(PhraseCounterTest, AgreesWithCountOccurrencesOnMixedText) {
  const std::string text =
      "ニッケルメッキの密着不良 / 無電解ニッケルメッキ / iot センサ 100 個、センサーの iot 化 / "
      "電解ニッケル";
  const std::vector<std::string> phrases = {"ニッケル", "メッキ", "iot", "センサ", "電解",
                                            "無電解ニッケル", "の", " / ", "100", "ー"};
  const std::vector<int> counts = Counts(phrases, text);
  for (size_t i = 0; i < phrases.size(); ++i) {
    EXPECT_EQ(counts[i], CountOccurrences(text, phrases[i])) << phrases[i];
  }
}

}  // namespace
}  // namespace renkei::text
