#include "importer/record_rows.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/seed.pb.h"

namespace renkei::importer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<Converted> Read(const std::string& text, const std::string& name, v1::ImportKind kind) {
  auto source = OpenRecordBytes(text, name, kind, {}, "catalogue");
  EXPECT_TRUE(source.ok()) << source.status();
  std::vector<Converted> rows;
  if (!source.ok()) return rows;
  Converted c;
  absl::string_view raw;
  while ((*source)->Next(&c, &raw)) rows.push_back(c);
  EXPECT_TRUE((*source)->status().ok());
  return rows;
}

TEST(RecordRowsTest, SeedCatalogueWithJapaneseHeaders) {
  const std::vector<Converted> rows = Read(
      "一関高専 シーズ集 2026\n"
      "\n"
      "番号,タイトル,概要,キーワード,分野,所属,公開日,備考\n"
      "S-12,超微細気泡による洗浄,\"UFB を使った\n洗浄技術\",UFB、洗浄;ファインバブル,化学,"
      "一関工業高等専門学校,令和5年4月1日,社外秘ではない\n",
      "seeds.csv", v1::IMPORT_KIND_SEEDS);
  ASSERT_EQ(rows.size(), 1u);
  const Converted& c = rows[0];
  EXPECT_TRUE(c.problems.empty()) << c.problems[0].ToString();
  EXPECT_EQ(c.row.row(), 1);
  const v1::Seed& seed = c.row.seed();
  EXPECT_EQ(seed.title(), "超微細気泡による洗浄");
  EXPECT_EQ(seed.summary(), "UFB を使った\n洗浄技術");
  EXPECT_THAT(seed.keywords(), ElementsAre("UFB", "洗浄", "ファインバブル"));
  EXPECT_THAT(seed.fields(), ElementsAre("化学"));
  EXPECT_EQ(seed.published_on().year(), 2023);
  EXPECT_EQ(seed.published_on().month(), 4);
  ASSERT_EQ(seed.external_ids_size(), 1);
  EXPECT_EQ(seed.external_ids(0).source(), "catalogue");
  EXPECT_EQ(seed.external_ids(0).value(), "S-12");
  // The institution named by name is for the server to resolve.
  EXPECT_EQ(seed.institution(), "");
  EXPECT_EQ(c.row.organization().display_name(), "一関工業高等専門学校");
}

TEST(RecordRowsTest, CollaborationsWithEnumWordsAndParticipantsByName) {
  const std::vector<Converted> rows = Read(
      "種別,テーマ,開始日,参加機関\n"
      "共同研究,めっき密着性の評価,R6.4.1,株式会社一関精工、organizations/2\n"
      "相談,x,2024,\n",
      "collabs.csv", v1::IMPORT_KIND_COLLABORATIONS);
  ASSERT_EQ(rows.size(), 2u);
  const v1::Collaboration& c = rows[0].row.collaboration();
  EXPECT_TRUE(rows[0].problems.empty());
  EXPECT_EQ(c.type(), v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  EXPECT_EQ(c.start_date().year(), 2024);
  ASSERT_EQ(c.participants_size(), 2);
  EXPECT_EQ(c.participants(0).organization(), "");
  EXPECT_EQ(c.participants(1).organization(), "organizations/2");
  ASSERT_EQ(rows[0].row.participant_organizations_size(), 2);
  EXPECT_EQ(rows[0].row.participant_organizations(0).display_name(), "株式会社一関精工");
  // 相談 is not a type: the problem names the column and the values.
  ASSERT_EQ(rows[1].problems.size(), 1u);
  EXPECT_EQ(rows[1].problems[0].column, 1);
  EXPECT_THAT(rows[1].problems[0].message, HasSubstr("COLLABORATION_TYPE_JOINT_RESEARCH"));
}

TEST(RecordRowsTest, UnknownHeaderIsAnErrorListingTheFields) {
  auto source = OpenRecordBytes("タイトル,好きな色\nA,赤\n", "seeds.csv", v1::IMPORT_KIND_SEEDS, {},
                                "x");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(source.status().message(), HasSubstr("seeds.csv"));
  EXPECT_THAT(source.status().message(), HasSubstr("好きな色"));
  EXPECT_THAT(source.status().message(), HasSubstr("summary"));
}

TEST(RecordRowsTest, JsonLinesInTheProtobufMapping) {
  const std::vector<Converted> rows = Read(
      "{\"title\":\"A\",\"company\":\"株式会社一関精工\",\"keywords\":[\"めっき\"]}\n"
      "\n"
      "{\"title\":\"B\",\"company\":\"organizations/4\"}\n"
      "{\"title\":\"C\",\"colour\":\"red\"}\n"
      "{\"company\":\"3402501000468\",\"title\":\"D\"}\n",
      "needs.jsonl", v1::IMPORT_KIND_NEEDS);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].row.row(), 1);
  EXPECT_EQ(rows[0].row.need().company(), "");
  EXPECT_EQ(rows[0].row.organization().display_name(), "株式会社一関精工");
  EXPECT_EQ(rows[1].row.row(), 3);  // the blank line keeps its number
  EXPECT_EQ(rows[1].row.need().company(), "organizations/4");
  EXPECT_FALSE(rows[1].row.has_organization());
  ASSERT_EQ(rows[2].problems.size(), 1u);
  EXPECT_EQ(rows[2].problems[0].line, 4);
  EXPECT_THAT(rows[2].problems[0].message, HasSubstr("colour"));
  EXPECT_EQ(rows[3].row.organization().corporate_number(), "3402501000468");
}

}  // namespace
}  // namespace renkei::importer
