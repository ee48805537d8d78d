#include "importer/row_source.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "tests/importer/resolve_data.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::importer::testing::DataPath;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::StartsWith;

struct Opened {
  std::unique_ptr<RowSource> source;
  std::vector<MappedRow> rows;
};

Opened ReadFile(absl::string_view file, const ColumnRules& rules = ColumnRules(),
                const ReadOptions& options = {}) {
  Opened opened;
  auto source = OpenFile(DataPath(file), rules, options);
  EXPECT_OK(source) << file;
  if (!source.ok()) return opened;
  opened.source = *std::move(source);
  MappedRow row;
  while (opened.source->Next(&row)) opened.rows.push_back(row);
  return opened;
}

Opened ReadBytes(std::string bytes, absl::string_view name,
                 const ColumnRules& rules = ColumnRules()) {
  Opened opened;
  auto source = OpenBytes(std::move(bytes), name, rules, {});
  EXPECT_OK(source) << name;
  if (!source.ok()) return opened;
  opened.source = *std::move(source);
  MappedRow row;
  while (opened.source->Next(&row)) opened.rows.push_back(row);
  return opened;
}

std::string OpenError(std::string bytes, absl::string_view name,
                      const ColumnRules& rules = ColumnRules()) {
  auto source = OpenBytes(std::move(bytes), name, rules, {});
  return source.ok() ? "opened" : source.status().ToString();
}

TEST(RowSourceTest, EveryDeliveredListGivesItsTruthRows) {
  const auto truth = testing::TruthRowsByFile();
  std::vector<std::string> files = testing::CsvFiles();
  files.push_back("kitakamigawa_monozukuri.jsonl");
  for (const std::string& file : files) {
    Opened opened = ReadFile(file);
    ASSERT_NE(opened.source, nullptr) << file;
    EXPECT_OK(opened.source->status()) << file;
    std::vector<int> numbers;
    for (const MappedRow& row : opened.rows) {
      numbers.push_back(row.number);
      EXPECT_THAT(row.problems, IsEmpty()) << file << " row " << row.number;
      EXPECT_FALSE(row.value(Field::kName).empty()) << file << " row " << row.number;
    }
    EXPECT_THAT(numbers, ElementsAreArray(truth.at(file))) << file;
  }
}

TEST(RowSourceTest, CciRowIsMappedWithColumns) {
  Opened opened = ReadFile("cci_kogyo_bukai.csv");
  ASSERT_EQ(opened.rows.size(), 58);
  EXPECT_EQ(opened.source->encoding(), Encoding::kCp932);
  EXPECT_EQ(opened.source->format(), Format::kCsv);
  const MappedRow& row = opened.rows[2];
  EXPECT_EQ(row.number, 3);
  EXPECT_EQ(row.line, 6);
  EXPECT_EQ(row.value(Field::kMemberNo), "1011");
  EXPECT_EQ(row.value(Field::kName), "㈱一関精工");
  EXPECT_EQ(row.value(Field::kRepresentative), "佐藤　俊介");
  EXPECT_EQ(row.value(Field::kAddress), "岩手県一関市山目字中野12番地3");
  EXPECT_EQ(row.value(Field::kPhone), "0191(25)3141");
  EXPECT_EQ(row.value(Field::kIndustry), "精密部品加工");
  EXPECT_EQ(row.value(Field::kKana), "");
  EXPECT_EQ(row.column(Field::kName), 2);
  EXPECT_EQ(row.column(Field::kPhone), 5);
  EXPECT_EQ(row.column(Field::kKana), 0);
  EXPECT_THAT(row.unmapped, IsEmpty());
  EXPECT_EQ(row.raw,
            "1011,㈱一関精工,佐藤　俊介,岩手県一関市山目字中野12番地3,"
            "0191(25)3141,精密部品加工,,,");
  EXPECT_EQ(opened.source->header_raw(), "会員番号,事業所名,代表者名,所在地,電話番号,業種,,,");
  EXPECT_EQ(opened.source->skipped().size(), 4);
}

TEST(RowSourceTest, DescribeMappingForPeople) {
  Opened opened = ReadFile("senmaya_kogyo_club.csv");
  ASSERT_NE(opened.source, nullptr);
  const std::vector<std::string> lines =
      absl::StrSplit(opened.source->DescribeMapping(), '\n', absl::SkipEmpty());
  EXPECT_THAT(lines, ElementsAre("番号 → (ignored)", "会社名 → name", "代表者 → representative",
                                 "住所 → address", "電話 → phone", "備考 → (ignored)"));
  // The ignored columns' values travel with the row.
  EXPECT_THAT(opened.rows[0].unmapped, ElementsAre(Pair("番号", "1"), Pair("備考", "会長")));
}

TEST(RowSourceTest, OverrideMapsAnotherwiseIgnoredColumn) {
  ColumnRules rules;
  ASSERT_OK(rules.AddOverride("備考=role"));
  Opened opened = ReadFile("senmaya_kogyo_club.csv", rules);
  ASSERT_EQ(opened.rows.size(), 35);
  EXPECT_EQ(opened.rows[0].value(Field::kRole), "会長");
  EXPECT_EQ(opened.rows[1].value(Field::kRole), "副会長");
  EXPECT_EQ(opened.rows[0].column(Field::kRole), 6);
  EXPECT_THAT(opened.source->DescribeMapping(), HasSubstr("備考 → role (--map)"));
}

TEST(RowSourceTest, MultiLineRecordKeepsItsRawTextForARejectedRowsFile) {
  Opened opened = ReadFile("ryoban_plaza.csv");
  ASSERT_EQ(opened.rows.size(), 50);
  EXPECT_EQ(opened.source->encoding(), Encoding::kUtf8Bom);
  EXPECT_EQ(opened.source->header_raw(), "企業名,住所,TEL,代表者,役職");
  const MappedRow& row = opened.rows[39];
  EXPECT_EQ(row.number, 40);
  EXPECT_EQ(row.line, 41);
  EXPECT_THAT(std::string(row.raw), StartsWith("東北ミクロ化成株式会社,\"岩手県一関市"));
  EXPECT_THAT(std::string(row.raw), HasSubstr("\n"));
  EXPECT_THAT(row.value(Field::kAddress), HasSubstr("\n"));
}

TEST(RowSourceTest, JsonLinesKeysMapLikeHeaders) {
  Opened opened = ReadFile("kitakamigawa_monozukuri.jsonl");
  ASSERT_EQ(opened.rows.size(), 48);
  EXPECT_EQ(opened.source->format(), Format::kJsonl);
  const std::vector<std::string> lines =
      absl::StrSplit(opened.source->DescribeMapping(), '\n', absl::SkipEmpty());
  EXPECT_THAT(lines, ElementsAre("name → name", "address → address", "tel → phone",
                                 "representative → representative"));
  EXPECT_EQ(opened.rows[0].value(Field::kPhone), "0197-66-4040");
  EXPECT_GT(opened.rows[0].column(Field::kPhone), 0);
  EXPECT_EQ(opened.rows[7].value(Field::kName), "株式会社立花プレス");  // trimmed
  int without_phone = 0;
  for (const MappedRow& row : opened.rows) {
    EXPECT_EQ(row.number, row.line);
    if (row.value(Field::kPhone).empty()) ++without_phone;
  }
  EXPECT_GT(without_phone, 0);
}

TEST(RowSourceTest, JsonLinesProblemsAreRowsWithProblems) {
  Opened opened = ReadBytes(
      "{\"name\": \"一関精工\", \"tel\": \"0191-25-3141\", \"phone\": \"x\"}\n"
      "{\"name\": \"一関精機\",}\n"
      "{\"会社名\": \"磐井鉄工所\", \"memo\": \"旧名 磐井製作所\", \"法人番号\": 6402001000412}\n",
      "network.jsonl");
  ASSERT_EQ(opened.rows.size(), 3);
  ASSERT_EQ(opened.rows[0].problems.size(), 1);
  EXPECT_EQ(opened.rows[0].problems[0].ToString(/*cells=*/false),
            "line 1, character 50: keys \"tel\" and \"phone\" both map to phone");
  EXPECT_EQ(opened.rows[0].value(Field::kPhone), "0191-25-3141");
  ASSERT_EQ(opened.rows[1].problems.size(), 1);
  EXPECT_THAT(opened.rows[1].problems[0].ToString(/*cells=*/false),
              HasSubstr("line 2, character 17: expected a key"));
  EXPECT_EQ(opened.rows[2].value(Field::kName), "磐井鉄工所");
  EXPECT_EQ(opened.rows[2].value(Field::kCorporateNumber), "6402001000412");
  EXPECT_THAT(opened.rows[2].unmapped, ElementsAre(Pair("memo", "旧名 磐井製作所")));
}

TEST(RowSourceTest, ExtraCellsReachTheRowsProblems) {
  Opened opened = ReadBytes(
      "会社名,電話\r\n一関精工,0191,25-3141\r\n平泉電子,0191-46-1111\r\n磐井鉄工所,0191-25-7722\r\n",
      "members.csv");
  ASSERT_EQ(opened.rows.size(), 3);
  ASSERT_EQ(opened.rows[0].problems.size(), 1);
  EXPECT_EQ(opened.rows[0].problems[0].ToString(),
            "line 2, column C 「25-3141」: a value right of the header's last column B: a comma "
            "too many, or a column without a header?");
}

TEST(RowSourceTest, AColumnTheDataFillsWithoutAHeaderIsAColumn) {
  Opened opened = ReadBytes("会社名,住所\r\n一関精工,一関市,0191-25-3141\r\n"
                            "平泉電子,平泉町,0191-46-1111\r\n",
                            "members.csv");
  ASSERT_EQ(opened.rows.size(), 2);
  EXPECT_THAT(opened.rows[0].problems, IsEmpty());
  EXPECT_EQ(opened.rows[0].value(Field::kPhone), "0191-25-3141");
}

TEST(RowSourceTest, ErrorsNameTheFile) {
  EXPECT_THAT(OpenError("会社名,電話\n株式会社\x82\xA0\x82\xA2,0191\n", "members.csv"),
              HasSubstr("members.csv: line 2, column 5: bytes 82 A0 82 A2"));
  EXPECT_THAT(OpenError("", "members.csv"), HasSubstr("members.csv: the file has no rows"));
  Opened opened = ReadBytes("会社名,電話\nA,1\n\"B,2\n", "members.csv");
  EXPECT_EQ(opened.rows.size(), 1);
  EXPECT_THAT(opened.source->status().message(),
              HasSubstr("members.csv: line 3, column 1: quoted field is not closed"));
}

TEST(RowSourceTest, StreamsAMillionRowMemberList) {
  std::string text = "会員番号,事業所名,代表者名,所在地,電話番号,業種\r\n";
  constexpr int kRows = 1000000;
  for (int i = 1; i <= kRows; ++i) {
    absl::StrAppend(&text, i, ",株式会社一関精工", i, ",佐藤　俊介,", "\"岩手県一関市山目字中野",
                    i % 100, "番地, 本社\",0191-25-", 1000 + i % 9000, ",精密部品加工\r\n");
  }
  absl::StrAppend(&text, ",,,,,\r\n合計,", kRows, "社\r\n");
  auto source = OpenBytes(std::move(text), "big.csv", ColumnRules(), {});
  ASSERT_OK(source);
  MappedRow row;
  int count = 0;
  while ((*source)->Next(&row)) {
    ++count;
    if (row.number != count) break;
  }
  ASSERT_OK((*source)->status());
  EXPECT_EQ(count, kRows);
  EXPECT_EQ(row.value(Field::kAddress), "岩手県一関市山目字中野0番地, 本社");
  EXPECT_EQ((*source)->skipped().size(), 2);  // the blank and the totals row
}

TEST(RowSourceTest, MissingFileIsNotFound) {
  auto source = OpenFile(DataPath("no_such_list.csv"), ColumnRules(), {});
  EXPECT_EQ(source.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(source.status().message(), HasSubstr("no_such_list.csv"));
}

TEST(RowSourceTest, ForcedEncodingIsUsed) {
  ReadOptions options;
  options.encoding = Encoding::kUtf8;
  auto source = OpenFile(DataPath("iwate_semicon.csv"), ColumnRules(), options);
  EXPECT_THAT(source.status().message(), HasSubstr("iwate_semicon.csv: line 1, column 1: bytes"));
}

TEST(RowSourceTest, TabSeparatedByNameOrOption) {
  Opened by_name = ReadBytes("会社名\t電話\n一関精工, 本社\t0191-25-3141\n", "list.tsv");
  ASSERT_EQ(by_name.rows.size(), 1);
  EXPECT_EQ(by_name.rows[0].value(Field::kName), "一関精工, 本社");
  EXPECT_EQ(FormatOfPath("a/b/LIST.TSV"), Format::kTsv);
  EXPECT_EQ(FormatOfPath("x.ndjson"), Format::kJsonl);
  EXPECT_EQ(FormatOfPath("x.txt"), Format::kCsv);
}

}  // namespace
}  // namespace renkei::importer
