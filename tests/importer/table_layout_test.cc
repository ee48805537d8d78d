#include "importer/table_layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "importer/column_mapping.h"
#include "importer/encoding.h"
#include "tests/importer/resolve_data.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::importer::testing::ReadDataFile;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct Table {
  absl::Status open;  // the error of Open, if any
  std::vector<std::string> header;
  int header_line = 0;
  std::vector<TableRow> rows;
  std::vector<SkippedRow> skipped;
  absl::Status status;  // after reading every row
  std::string text;     // keeps the views valid
};

// Reads all of `text` (kept alive in the result).
std::unique_ptr<Table> ReadTable(std::string text, TableReader::Options options = {}) {
  auto table = std::make_unique<Table>();
  table->text = std::move(text);
  auto reader = TableReader::Open(table->text, ColumnRules(), options);
  if (!reader.ok()) {
    table->open = reader.status();
    return table;
  }
  table->header = (*reader)->header();
  table->header_line = (*reader)->header_line();
  TableRow row;
  while ((*reader)->Next(&row)) table->rows.push_back(row);
  table->skipped = (*reader)->skipped();
  table->status = (*reader)->status();
  return table;
}

std::unique_ptr<Table> ReadDataTable(absl::string_view file) {
  auto decoded = Decode(ReadDataFile(file));
  return ReadTable(decoded.ok() ? decoded->utf8 : "");
}

std::vector<int> Numbers(const Table& table) {
  std::vector<int> numbers;
  for (const TableRow& row : table.rows) numbers.push_back(row.number);
  return numbers;
}

std::vector<std::string> FirstCells(const Table& table) {
  std::vector<std::string> cells;
  for (const TableRow& row : table.rows) cells.push_back(row.cells.at(0));
  return cells;
}

struct Skip {
  SkippedRow::Reason reason;
  int line;
  bool operator==(const Skip& other) const { return reason == other.reason && line == other.line; }
};

std::vector<Skip> Skips(const Table& table) {
  std::vector<Skip> skips;
  for (const SkippedRow& row : table.skipped) skips.push_back({row.reason, row.line});
  return skips;
}

void PrintTo(const Skip& skip, std::ostream* os) {
  *os << SkipReasonName(skip.reason) << "@" << skip.line;
}

constexpr auto kTitle = SkippedRow::Reason::kTitle;
constexpr auto kBlank = SkippedRow::Reason::kBlank;
constexpr auto kFooter = SkippedRow::Reason::kFooter;

TEST(TableLayoutTest, RowCountsOfEveryListMatchTruth) {
  const auto truth = testing::TruthRowsByFile();
  for (const std::string& file : testing::CsvFiles()) {
    auto table = ReadDataTable(file);
    ASSERT_OK(table->open) << file;
    ASSERT_OK(table->status) << file;
    // truth.csv numbers the data rows 1..N in file order.
    ASSERT_TRUE(truth.contains(file)) << file;
    EXPECT_THAT(Numbers(*table), ElementsAreArray(truth.at(file))) << file;
    for (const TableRow& row : table->rows) {
      EXPECT_THAT(row.problems, IsEmpty()) << file << " row " << row.number;
      EXPECT_EQ(row.cells.size(), table->header.size()) << file;
    }
  }
}

TEST(TableLayoutTest, CciTitleBlankTotalsAndEmptyColumns) {
  auto table = ReadDataTable("cci_kogyo_bukai.csv");
  ASSERT_OK(table->open);
  // Three empty columns on the right are dropped.
  EXPECT_THAT(table->header,
              ElementsAre("会員番号", "事業所名", "代表者名", "所在地", "電話番号", "業種"));
  EXPECT_EQ(table->header_line, 3);
  ASSERT_EQ(table->rows.size(), 58);
  EXPECT_EQ(table->rows.front().line, 4);
  EXPECT_EQ(table->rows.front().cells[1], "一関木材工業(株)");
  EXPECT_EQ(table->rows.back().number, 58);
  EXPECT_EQ(table->rows.back().line, 61);
  EXPECT_EQ(table->rows.back().cells[1], "一般社団法人いちのせき技術振興会");
  EXPECT_EQ(table->rows[4].cells[5], "製缶,溶接");
  EXPECT_THAT(Skips(*table),
              ElementsAre(Skip{kTitle, 1}, Skip{kBlank, 2}, Skip{kBlank, 62}, Skip{kFooter, 63}));
  // The records after the header are numbered on: blank 59, totals 60.
  EXPECT_EQ(table->skipped[2].number, 59);
  EXPECT_EQ(table->skipped[3].number, 60);
}

TEST(TableLayoutTest, CellsAreTrimmedOfIdeographicSpaces) {
  auto table = ReadDataTable("cci_kogyo_bukai.csv");
  ASSERT_OK(table->open);
  // 「株式会社　磐井鉄工所」 keeps its inner space; the ends are trimmed.
  EXPECT_EQ(table->rows[4].cells[1], "株式会社　磐井鉄工所");
  auto synthetic = ReadTable("会社名,住所\n　株式会社地主町印刷 ,　一関市 \n");
  ASSERT_EQ(synthetic->rows.size(), 1);
  EXPECT_THAT(synthetic->rows[0].cells, ElementsAre("株式会社地主町印刷", "一関市"));
}

TEST(TableLayoutTest, OldListTitleAboveHeader) {
  auto table = ReadDataTable("ryoban_shinko_h16.csv");
  ASSERT_OK(table->open);
  EXPECT_EQ(table->header_line, 2);
  EXPECT_THAT(Skips(*table), ElementsAre(Skip{kTitle, 1}));
  EXPECT_EQ(table->rows.size(), 31);
}

TEST(TableLayoutTest, QuotedLineBreakKeepsRowNumbersAndShiftsLines) {
  auto table = ReadDataTable("ryoban_plaza.csv");
  ASSERT_OK(table->open);
  ASSERT_EQ(table->rows.size(), 50);
  EXPECT_EQ(table->rows[39].number, 40);
  EXPECT_EQ(table->rows[39].line, 41);
  EXPECT_EQ(table->rows[40].number, 41);
  EXPECT_EQ(table->rows[40].line, 43);
  EXPECT_EQ(table->rows.back().line, 52);
}

TEST(TableLayoutTest, ExtraNonEmptyCellIsAProblemOfItsRow) {
  auto table = ReadTable(
      "会社名,住所,電話番号\r\n"
      "一関精工,一関市,0191-25-3141,,\r\n"
      "一関精機,一関市萩荘,0191,24-2210\r\n"
      "磐井鉄工所,一関市中里,0191-25-7722\r\n");
  ASSERT_OK(table->open);
  ASSERT_OK(table->status);
  ASSERT_EQ(table->rows.size(), 3);
  EXPECT_THAT(table->rows[0].problems, IsEmpty());  // extra cells are empty
  ASSERT_EQ(table->rows[1].problems.size(), 1);
  const Problem& problem = table->rows[1].problems[0];
  EXPECT_EQ(problem.line, 3);
  EXPECT_EQ(problem.column, 4);
  EXPECT_THAT(problem.ToString(),
              HasSubstr("line 3, column D 「24-2210」: a value right of the header's last column C"));
  // The row is still read, cut to the header.
  EXPECT_THAT(table->rows[1].cells, ElementsAre("一関精機", "一関市萩荘", "0191"));
  EXPECT_THAT(table->rows[2].problems, IsEmpty());
}

TEST(TableLayoutTest, ShortRowsArePadded) {
  auto table = ReadTable("会社名,住所,電話番号\n一関精工\n一関精機,一関市\n");
  ASSERT_EQ(table->rows.size(), 2);
  EXPECT_THAT(table->rows[0].cells, ElementsAre("一関精工", "", ""));
  EXPECT_THAT(table->rows[1].cells, ElementsAre("一関精機", "一関市", ""));
}

TEST(TableLayoutTest, BlankRowInsideDataIsSkippedAndKeepsItsNumber) {
  auto table = ReadTable("会社名,住所\nA,x\n,\n　, \nB,y\n");
  EXPECT_THAT(FirstCells(*table), ElementsAre("A", "B"));
  EXPECT_THAT(Numbers(*table), ElementsAre(1, 4));
  EXPECT_THAT(Skips(*table), ElementsAre(Skip{kBlank, 3}, Skip{kBlank, 4}));
}

TEST(TableLayoutTest, FooterRowsAtTheEndAreSkipped) {
  for (const char* footer : {"合計,58社", "計,58", "（計）,58社", "総計 58件", ",合計,58", "以上",
                             "58社", ",会員数 58名", "※令和7年4月1日現在", "注1：順不同"}) {
    auto table = ReadTable(absl::StrCat("会社名,住所\nA,x\nB,y\n\n", footer, "\n,\n"));
    EXPECT_THAT(FirstCells(*table), ElementsAre("A", "B")) << footer;
    ASSERT_EQ(table->skipped.size(), 3) << footer;
    EXPECT_EQ(table->skipped[2].reason, kFooter) << footer;
    EXPECT_EQ(table->skipped[2].line, 5) << footer;
  }
}

TEST(TableLayoutTest, FooterLikeRowsFollowedByDataAreData) {
  auto table = ReadTable("会社名,住所\n計測サービス,x\n以上,y\n58社,z\nB,w\n");
  EXPECT_THAT(FirstCells(*table), ElementsAre("計測サービス", "以上", "58社", "B"));
  EXPECT_THAT(Numbers(*table), ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(table->skipped, IsEmpty());
}

TEST(TableLayoutTest, ALastRowWithOnlyAMemberNumberIsData) {
  // A bare number is not a count: without a unit it stays a row.
  auto table = ReadTable("番号,会社名\n1,A\n2,\n");
  EXPECT_THAT(FirstCells(*table), ElementsAre("1", "2"));
}

TEST(TableLayoutTest, TitleContainingHeaderWordsIsNotTheHeader) {
  // 「会員名簿」 contains 会員名 but is not a header cell.
  auto table = ReadTable("会員名簿,,令和7年4月1日現在\n\n会員名,所在地,電話\nA,x,1\n");
  ASSERT_OK(table->open);
  EXPECT_EQ(table->header_line, 3);
  EXPECT_THAT(table->header, ElementsAre("会員名", "所在地", "電話"));
  EXPECT_THAT(Skips(*table), ElementsAre(Skip{kTitle, 1}, Skip{kBlank, 2}));
}

TEST(TableLayoutTest, UnknownHeaderWordsFallBackToFirstRowWithTwoCells) {
  auto table = ReadTable("名簿\n\n氏,勤務先\n佐藤,一関精工\n");
  ASSERT_OK(table->open);
  EXPECT_EQ(table->header_line, 3);
  EXPECT_THAT(FirstCells(*table), ElementsAre("佐藤"));
}

TEST(TableLayoutTest, HeaderLineCanBeGiven) {
  TableReader::Options options;
  options.header_line = 2;
  auto table = ReadTable("x,y\na,b\nc,d\n", options);
  ASSERT_OK(table->open);
  EXPECT_THAT(table->header, ElementsAre("a", "b"));
  EXPECT_THAT(FirstCells(*table), ElementsAre("c"));
  options.header_line = 9;
  EXPECT_THAT(ReadTable("x,y\na,b\n", options)->open.message(), HasSubstr("line 9"));
}

TEST(TableLayoutTest, EmptyFileHasNoHeader) {
  auto table = ReadTable("");
  EXPECT_EQ(table->open.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ReadTable("\n,,\n")->open.code(), absl::StatusCode::kInvalidArgument);
}

TEST(TableLayoutTest, CsvErrorInTheDataStopsReading) {
  auto table = ReadTable("会社名,住所\nA,x\nB,\"y\nC,z\n");
  ASSERT_OK(table->open);
  EXPECT_THAT(FirstCells(*table), ElementsAre("A"));
  EXPECT_THAT(table->status.message(), HasSubstr("line 3, column 3: quoted field is not closed"));
}

TEST(TableLayoutTest, CsvErrorBeforeTheHeaderFailsOpen) {
  auto table = ReadTable("\"title\nx\n");
  EXPECT_THAT(table->open.message(), HasSubstr("line 1, column 1"));
}

TEST(TableLayoutTest, ColumnLetters) {
  EXPECT_EQ(ColumnLetters(1), "A");
  EXPECT_EQ(ColumnLetters(26), "Z");
  EXPECT_EQ(ColumnLetters(27), "AA");
  EXPECT_EQ(ColumnLetters(52), "AZ");
  EXPECT_EQ(ColumnLetters(703), "AAA");
}

}  // namespace
}  // namespace renkei::importer
