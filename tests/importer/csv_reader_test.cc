#include "importer/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "importer/encoding.h"
#include "tests/importer/resolve_data.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::importer::testing::ReadDataFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Read {
  std::vector<CsvRecord> records;
  absl::Status status;
};

Read ReadAll(absl::string_view text, char delimiter = ',') {
  CsvReader reader(text, {.delimiter = delimiter});
  Read read;
  CsvRecord record;
  while (reader.Next(&record)) read.records.push_back(record);
  read.status = reader.status();
  return read;
}

std::vector<std::vector<std::string>> Fields(absl::string_view text) {
  std::vector<std::vector<std::string>> fields;
  for (const CsvRecord& record : ReadAll(text).records) {
    fields.push_back(record.fields);
  }
  return fields;
}

std::vector<int> Lines(absl::string_view text) {
  std::vector<int> lines;
  for (const CsvRecord& record : ReadAll(text).records) {
    lines.push_back(record.line);
  }
  return lines;
}

std::string DecodedDataFile(absl::string_view name) {
  auto decoded = Decode(ReadDataFile(name));
  return decoded.ok() ? decoded->utf8 : "";
}

TEST(CsvReaderTest, RecordsEndWithCrlfLfOrLoneCr) {
  EXPECT_THAT(Fields("a,b\r\nc,d\ne,f\rg,h"),
              ElementsAre(ElementsAre("a", "b"), ElementsAre("c", "d"), ElementsAre("e", "f"),
                          ElementsAre("g", "h")));
  EXPECT_THAT(Lines("a,b\r\nc,d\ne,f\rg,h"), ElementsAre(1, 2, 3, 4));
}

TEST(CsvReaderTest, FinalLineBreakMakesNoEmptyRecord) {
  EXPECT_EQ(Fields("a\r\n").size(), 1);
  EXPECT_EQ(Fields("a").size(), 1);
  EXPECT_TRUE(Fields("").empty());
}

TEST(CsvReaderTest, EmptyLinesAndEmptyFieldsAreKept) {
  EXPECT_THAT(Fields("a,,\r\n\r\n,,,\r\n"),
              ElementsAre(ElementsAre("a", "", ""), ElementsAre(""), ElementsAre("", "", "", "")));
}

TEST(CsvReaderTest, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  EXPECT_THAT(
      Fields("\"製缶,溶接\",\"say \"\"hi\"\"\",\"\"\r\n\"一関市\n萩荘\",x\r\n"),
      ElementsAre(ElementsAre("製缶,溶接", "say \"hi\"", ""), ElementsAre("一関市\n萩荘", "x")));
}

TEST(CsvReaderTest, QuotedLineBreakIsOneRecordStartingWhereItStarts) {
  const std::string text = "h1,h2\r\n\"a\r\nb\nc\",1\r\nnext,2\r\n";
  Read read = ReadAll(text);
  ASSERT_OK(read.status);
  ASSERT_EQ(read.records.size(), 3);
  EXPECT_EQ(read.records[1].fields[0], "a\r\nb\nc");  // as written
  EXPECT_EQ(read.records[1].line, 2);
  EXPECT_EQ(read.records[1].end_line, 4);
  EXPECT_EQ(read.records[2].line, 5);
  EXPECT_EQ(read.records[1].raw, "\"a\r\nb\nc\",1");
}

TEST(CsvReaderTest, QuoteInsideAnUnquotedFieldIsText) {
  // Excel reads these literally; RFC 4180 would refuse them.
  EXPECT_THAT(Fields("5\"2,ab\"c\n  \"x\",y\n"),
              ElementsAre(ElementsAre("5\"2", "ab\"c"), ElementsAre("  \"x\"", "y")));
}

TEST(CsvReaderTest, UnterminatedQuoteNamesWhereItOpened) {
  Read read = ReadAll("会員名,所在地\r\n一関精工,\"岩手県一関市\r\n山目,0191\r\n");
  EXPECT_EQ(read.records.size(), 1);
  EXPECT_EQ(read.status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(read.status.message(), HasSubstr("line 2, column 6: quoted field is not closed"));
}

TEST(CsvReaderTest, TextAfterAClosingQuoteNamesLineAndColumn) {
  // Column 9 is the x: 一 関 , " a b c " x — counted in characters.
  Read read = ReadAll("h\n一関,\"abc\"x,1\n");
  EXPECT_EQ(read.records.size(), 1);
  EXPECT_THAT(read.status.message(), HasSubstr("line 2, column 9: characters after the closing"));
}

TEST(CsvReaderTest, ErrorAfterAQuotedLineBreakCountsTheLineItIsOn) {
  Read read = ReadAll("h\n\"a\nb\"c\n");
  EXPECT_THAT(read.status.message(), HasSubstr("line 3, column 3:"));
}

TEST(CsvReaderTest, ReaderStopsAfterAnError) {
  CsvReader reader("\"a\"b\nc\n");
  CsvRecord record;
  EXPECT_FALSE(reader.Next(&record));
  EXPECT_FALSE(reader.Next(&record));
  EXPECT_FALSE(reader.status().ok());
}

TEST(CsvReaderTest, TabDelimited) {
  // With commas the tabs are text (and the quote is inside a field).
  EXPECT_THAT(Fields("a\tb,c\t\"d\te\"\n"), ElementsAre(ElementsAre("a\tb", "c\t\"d\te\"")));
  Read read = ReadAll("a\tb,c\t\"d\te\"\n", '\t');
  ASSERT_EQ(read.records.size(), 1);
  EXPECT_THAT(read.records[0].fields, ElementsAre("a", "b,c", "d\te"));
}

TEST(CsvReaderTest, RyobanPlazaAddressWithALineBreakIsOneRecord) {
  const std::string text = DecodedDataFile("ryoban_plaza.csv");
  Read read = ReadAll(text);
  ASSERT_OK(read.status);
  // The header and 50 members on 52 physical lines.
  ASSERT_EQ(read.records.size(), 51);
  for (const CsvRecord& record : read.records) {
    EXPECT_EQ(record.fields.size(), 5) << "line " << record.line;
  }
  // Member 40 (東北ミクロ化成) has a bare LF inside its quoted address.
  const CsvRecord& member40 = read.records[40];
  EXPECT_THAT(member40.fields[0], HasSubstr("東北ミクロ化成"));
  EXPECT_THAT(member40.fields[1], HasSubstr("\n"));
  EXPECT_EQ(member40.line, 41);
  EXPECT_EQ(member40.end_line, 42);
  EXPECT_EQ(read.records[41].line, 43);
  EXPECT_EQ(read.records.back().line, 52);
  // "…2-1, 一関東第二工業団地" and "0191-31-7700(団地代表), 内線21".
  EXPECT_THAT(
      read.records[4].fields,
      ElementsAre("株式会社磐井ファインテック", "岩手県一関市萩荘字高梨南方2-1, 一関東第二工業団地",
                  "0191-31-7700(団地代表), 内線21", "代表取締役 菅原 美咲", "幹事"));
}

TEST(CsvReaderTest, CciListRecordsAsDelivered) {
  Read read = ReadAll(DecodedDataFile("cci_kogyo_bukai.csv"));
  ASSERT_OK(read.status);
  // Title, blank, header, 58 members, blank, totals.
  ASSERT_EQ(read.records.size(), 63);
  for (const CsvRecord& record : read.records) {
    EXPECT_EQ(record.fields.size(), 9) << "line " << record.line;
  }
  EXPECT_EQ(read.records[7].fields[5], "製缶,溶接");
  EXPECT_THAT(read.records.back().fields, ElementsAre("合計", "58社", "", "", "", "", "", "", ""));
  EXPECT_EQ(read.records.back().line, 63);
}

TEST(CsvReaderTest, EveryDeliveredListHasOneWidthAndLinesInOrder) {
  for (const std::string& file : testing::CsvFiles()) {
    Read read = ReadAll(DecodedDataFile(file));
    ASSERT_OK(read.status) << file;
    ASSERT_FALSE(read.records.empty()) << file;
    int previous = 0;
    for (const CsvRecord& record : read.records) {
      EXPECT_EQ(record.fields.size(), read.records[0].fields.size())
          << file << " line " << record.line;
      EXPECT_GT(record.line, previous) << file;
      previous = record.end_line;
    }
  }
}

TEST(CsvReaderTest, StreamsAMillionRows) {
  std::string text = "番号,会社名,電話番号\r\n";
  constexpr int kRows = 1000000;
  for (int i = 1; i <= kRows; ++i) {
    absl::StrAppend(&text, i, ",株式会社一関精工", i % 7 == 0 ? "\"\"" : "", ",0191-23-",
                    1000 + i % 9000, "\r\n");
  }
  CsvReader reader(text);
  CsvRecord record;
  int count = 0;
  int last_line = 0;
  while (reader.Next(&record)) {
    ++count;
    last_line = record.line;
  }
  ASSERT_OK(reader.status());
  EXPECT_EQ(count, kRows + 1);
  EXPECT_EQ(last_line, kRows + 1);
  EXPECT_EQ(record.fields[0], absl::StrCat(kRows));
}

}  // namespace
}  // namespace renkei::importer
