#include "server/text/thesaurus.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server/text/normalize.h"

namespace renkei::text {
namespace {

using ::testing::Contains;
using ::testing::Field;
using ::testing::IsEmpty;
using ::testing::Not;

std::vector<Thesaurus::Expansion> Expand(const Thesaurus& t, const std::string& query) {
  return t.Expand(FoldKana(NormalizeForSearch(query)));
}

std::vector<std::string> Phrases(const std::vector<Thesaurus::Expansion>& expansions) {
  std::vector<std::string> out;
  for (const auto& e : expansions) out.push_back(e.phrase);
  return out;
}

constexpr char kText[] = R"(# plating
めっき = 鍍金 = plating
ウルトラファインバブル = UFB = 超微細気泡   # fine bubbles
外観検査 ~ 画像検査 ~ 目視検査
叩いて音で見る ~ 打音検査
)";

TEST(ThesaurusTest, EquivalentsAndRelatedTermsOfWhatTheQueryHolds) {
  auto t = Thesaurus::Parse(kText, "test.txt");
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ((*t)->group_count(), 4u);
  const auto expansions = Expand(**t, "部品のメッキがはがれる");
  EXPECT_THAT(Phrases(expansions), Contains("鍍金"));
  EXPECT_THAT(Phrases(expansions), Contains("plating"));
  EXPECT_THAT(expansions, Contains(Field(&Thesaurus::Expansion::equivalent, true)));
  EXPECT_THAT(Phrases(Expand(**t, "ＵＦＢで洗いたい")), Contains("ウルトラファインバブル"));
  const auto related = Expand(**t, "外観検査を自動化したい");
  EXPECT_THAT(Phrases(related), Contains("画像検査"));
  EXPECT_THAT(related, Contains(Field(&Thesaurus::Expansion::equivalent, false)));
  EXPECT_THAT(Expand(**t, "溶接のひずみ"), IsEmpty());
}

TEST(ThesaurusTest, APlainPhraseMatchesByMostOfItsBigrams) {
  auto t = Thesaurus::Parse(kText, "test.txt");
  ASSERT_TRUE(t.ok());
  // Not word for word, but most of 叩いて音で見る is there.
  EXPECT_THAT(Phrases(Expand(**t, "ハンマーで叩いて音で見ている")), Contains("打音検査"));
  EXPECT_THAT(Phrases(Expand(**t, "音楽を見る")), Not(Contains("打音検査")));
}

TEST(ThesaurusTest, LatinTermsMatchOnlyAsWords) {
  auto t = Thesaurus::Parse("AI = 人工知能\nUFB = 超微細気泡\n", "test.txt");
  ASSERT_TRUE(t.ok());
  EXPECT_THAT(Phrases(Expand(**t, "AIで検査したい")), Contains("人工知能"));
  EXPECT_THAT(Phrases(Expand(**t, "画像 AI 検査")), Contains("人工知能"));
  EXPECT_THAT(Expand(**t, "emailで連絡が来る"), IsEmpty());
  EXPECT_THAT(Expand(**t, "paint の剥がれ"), IsEmpty());
  EXPECT_THAT(Phrases(Expand(**t, "UFB洗浄")), Contains("超微細気泡"));
}

TEST(ThesaurusTest, TermsAreFoundAnywhereInTheQuery) {
  auto t = Thesaurus::Parse("傷 = キズ\n超微細気泡 = UFB\nX線CT = CTスキャン\n", "test.txt");
  ASSERT_TRUE(t.ok());
  EXPECT_THAT(Phrases(Expand(**t, "表面の傷")), Contains("キズ"));  // one character, at the end
  EXPECT_THAT(Phrases(Expand(**t, "超微細気泡")), Contains("ufb"));  // the whole query
  EXPECT_THAT(Phrases(Expand(**t, "内部をX線CTで見たい")), Contains("ctスキャン"));
  // An expansion the query already holds is not added again.
  EXPECT_THAT(Phrases(Expand(**t, "傷（キズ）")), IsEmpty());
}

TEST(ThesaurusTest, BadLinesNameFileAndLine) {
  auto mixed = Thesaurus::Parse("a = b\nc = d ~ e\n", "plating.txt");
  ASSERT_FALSE(mixed.ok());
  EXPECT_THAT(std::string(mixed.status().message()), ::testing::HasSubstr("plating.txt:2"));
  EXPECT_FALSE(Thesaurus::Parse("lonely\n", "x.txt").ok());
  EXPECT_FALSE(Thesaurus::Parse("a = = b\n", "x.txt").ok());
  // Spellings that normalize alike are not an error, only no group.
  auto same = Thesaurus::Parse("センサ = センサー\n", "x.txt");
  ASSERT_TRUE(same.ok());
  EXPECT_EQ((*same)->group_count(), 0u);
}

TEST(ThesaurusTest, TheProjectThesaurusLoads) {
  auto t = Thesaurus::LoadDirectory(RENKEI_THESAURUS_DIR);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_GT((*t)->group_count(), 400u);
}

}  // namespace
}  // namespace renkei::text
