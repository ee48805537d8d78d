#include "server/text/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/text/normalize.h"
#include "server/text/tokenize.h"

namespace renkei::text {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

std::vector<std::string> Texts(const std::vector<TermAt>& terms) {
  std::vector<std::string> out;
  for (const TermAt& t : terms) out.push_back(t.text);
  return out;
}

TEST(BigramTermsTest, BigramsOfRunsWordsOfLatinKanaFolded) {
  EXPECT_THAT(Terms(NormalizeForSearch("外観検査")), ElementsAre("外観", "観検", "検査"));
  EXPECT_THAT(Terms(NormalizeForSearch("ＩｏＴ センサー")), ElementsAre("iot", "セン", "ンサ"));
  EXPECT_THAT(Terms(NormalizeForSearch("めっき")), ElementsAre("メッ", "ッキ"));
  EXPECT_THAT(Terms(NormalizeForSearch("傷")), ElementsAre("傷"));
  EXPECT_THAT(Terms(NormalizeForSearch("x 9001")), ElementsAre("9001"));
}

TEST(BigramTermsTest, OffsetsPointIntoTheNormalizedText) {
  const std::string normalized = NormalizeForSearch("検査 ufb");
  const std::vector<TermAt> terms = TermsAt(normalized);
  ASSERT_EQ(terms.size(), 2u);
  EXPECT_EQ(normalized.substr(terms[1].begin, terms[1].end - terms[1].begin), "ufb");
}

class WordAnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Analyzer::Create(AnalyzerKind::kWords);
    ASSERT_TRUE(created.ok()) << created.status();
    analyzer_ = std::move(*created);
  }
  std::vector<std::string> Terms(const std::string& text) {
    return Texts(analyzer_->Terms(NormalizeForSearch(text)));
  }
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(WordAnalyzerTest, ContentWordsAndCompoundPairs) {
  const std::vector<std::string> terms = Terms("無電解めっきのピット不良");
  EXPECT_THAT(terms, Contains("電解"));
  EXPECT_THAT(terms, Contains("メッキ"));  // hiragana folded
  EXPECT_THAT(terms, Contains("無電解"));  // prefix + noun
  EXPECT_THAT(terms, Contains("電解メッキ"));
  EXPECT_THAT(terms, Contains("ピット不良"));
  EXPECT_THAT(terms, Not(Contains("ノ")));
}

TEST_F(WordAnalyzerTest, VerbsInTheirBaseFormWithoutParticlesOrAuxiliaries) {
  const std::vector<std::string> terms = Terms("叩いて音で確かめているが、判定がばらつく");
  EXPECT_THAT(terms, Contains("叩ク"));     // 叩く, kana folded
  EXPECT_THAT(terms, Contains("確カメル"));  // 確かめる
  EXPECT_THAT(terms, Contains("バラツク"));
  EXPECT_THAT(terms, Contains("音"));       // a lone kanji noun counts
  EXPECT_THAT(terms, Contains("判定"));
  for (const char* function : {"テ", "デ", "ガ", "イル"}) {
    EXPECT_THAT(terms, Not(Contains(function)));
  }
}

TEST_F(WordAnalyzerTest, SameWordInEitherScriptMatches) {
  EXPECT_EQ(Terms("めっき"), Terms("メッキ"));
  EXPECT_EQ(Terms("ＩｏＴ"), Terms("IoT"));
}

TEST_F(WordAnalyzerTest, OffsetsCoverTheSurface) {
  const std::string normalized = NormalizeForSearch("異物を分析");
  for (const TermAt& t : analyzer_->Terms(normalized)) {
    EXPECT_LE(t.end, normalized.size());
    EXPECT_LT(t.begin, t.end);
  }
}

// A run of letters MeCab would take as one word costs it time growing with
// the run's length squared (100 products of 1,900 letters took 0.6 s a
// record): such runs are analyzed in pieces of 64, at their offsets, and
// the words around them are found as before.
TEST_F(WordAnalyzerTest, ALongRunOfLettersIsAnalyzedInPiecesAtItsOffsets) {
  const std::string normalized = NormalizeForSearch("めっき " + std::string(200, 'x') + " 検査");
  const size_t run_begin = normalized.find('x'), run_end = normalized.rfind('x') + 1;
  const std::vector<TermAt> terms = analyzer_->Terms(normalized);
  EXPECT_THAT(Texts(terms), Contains("メッキ"));
  EXPECT_THAT(Texts(terms), Contains("検査"));
  size_t letters = 0;
  for (const TermAt& t : terms) {
    ASSERT_LE(t.end, normalized.size());
    ASSERT_LT(t.begin, t.end);
    if (t.text.find_first_not_of('x') != std::string::npos) continue;
    EXPECT_GE(t.begin, run_begin);
    EXPECT_LE(t.end, run_end);
    EXPECT_EQ(normalized.substr(t.begin, t.end - t.begin), t.text);
    EXPECT_LE(t.text.size(), 64u);
    letters += t.text.size();
  }
  EXPECT_GT(letters, 0u);
}

}  // namespace
}  // namespace renkei::text
