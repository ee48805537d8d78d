#include "server/match/phrase_terms.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/text/analyzer.h"
#include "server/text/normalize.h"

namespace renkei::match {
namespace {

using ::testing::ElementsAre;

std::unique_ptr<text::Analyzer> Bigrams() {
  return *text::Analyzer::Create(text::AnalyzerKind::kBigram);
}

TEST(PhraseTermsTest, GivesTheAnalyzersDistinctTerms) {
  auto analyzer = Bigrams();
  PhraseTerms terms(analyzer.get(), 10);
  EXPECT_THAT(*terms.Of("打音検査"), ElementsAre("打音", "音検", "検査"));
  EXPECT_THAT(*terms.Of("ああああ"), ElementsAre("アア"));
}

TEST(PhraseTermsTest, WithMecabAsTheIndexDoes) {
  auto analyzer = text::Analyzer::Create(text::AnalyzerKind::kWords);
  if (!analyzer.ok()) GTEST_SKIP() << "no MeCab dictionary: " << analyzer.status();
  PhraseTerms terms(analyzer->get(), 10);
  const std::string phrase = text::FoldKana(text::NormalizeForSearch("無電解ニッケルめっき"));
  EXPECT_EQ(*terms.Of(phrase), (*analyzer)->DistinctTerms(phrase));
}

TEST(PhraseTermsTest, APhraseIsAnalyzedOnce) {
  auto analyzer = Bigrams();
  PhraseTerms terms(analyzer.get(), 10);
  auto first = terms.Of("外観検査");
  auto second = terms.Of("外観検査");
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(terms.size(), 1u);
}

TEST(PhraseTermsTest, AFullMemoStartsAgainEmpty) {
  auto analyzer = Bigrams();
  PhraseTerms terms(analyzer.get(), 2);
  terms.Of("外観検査");
  terms.Of("打音検査");
  auto kept = terms.Of("画像検査");
  EXPECT_EQ(terms.size(), 1u);
  EXPECT_THAT(*kept, ElementsAre("画像", "像検", "検査"));  // still whole after the memo cleared
}

}  // namespace
}  // namespace renkei::match
