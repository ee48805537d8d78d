// .xlsx read directly, on workbooks a real spreadsheet writer made
// (python3-xlsxwriter), and files that are not tables.
#include "importer/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "importer/row_source.h"
#include "tests/importer/workbooks.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class XlsxReaderTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
};

TEST_F(XlsxReaderTest, ReadsTheFirstSheetAsTheWorkbookStoresIt) {
  const std::string path = WriteWorkbook(dir_.path(), "名簿.xlsx", kMemberWorkbook);
  absl::StatusOr<Sheet> sheet = ReadXlsx(Bytes(path), "");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_EQ(sheet->name, "会員名簿");
  EXPECT_THAT(sheet->sheet_names, ElementsAre("会員名簿", "賛助会員"));
  ASSERT_GE(sheet->rows.size(), 8u);
  // The merged title stays in its first cell; row 2 is empty.
  EXPECT_THAT(sheet->rows[0], ElementsAre("いちのせき工業懇話会　会員名簿（令和8年4月1日現在）"));
  EXPECT_THAT(sheet->rows[1], IsEmpty());
  EXPECT_EQ(sheet->rows[2][1], "会社名");
  // A 法人番号 stored as a number keeps its 13 digits; a date is Excel's serial.
  EXPECT_EQ(sheet->rows[3][0], "101");
  EXPECT_EQ(sheet->rows[3][3], "8402501099001");
  EXPECT_EQ(sheet->rows[3][6], "42095");
  // A company merged over its two rows is in both.
  EXPECT_EQ(sheet->rows[4][1], "株式会社北上ダイカスト");
  EXPECT_EQ(sheet->rows[5][1], "株式会社北上ダイカスト");
  EXPECT_EQ(sheet->rows[5][5], "191249100");
  EXPECT_EQ(sheet->rows[7][0], "※順不同");
}

TEST_F(XlsxReaderTest, AnotherSheetByNameOrNumber) {
  const std::string bytes = Bytes(WriteWorkbook(dir_.path(), "名簿.xlsx", kMemberWorkbook));
  absl::StatusOr<Sheet> sheet = ReadXlsx(bytes, "賛助会員");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_THAT(sheet->rows[1], ElementsAre("株式会社岩手銀行", "盛岡市中央通1-2-3"));
  sheet = ReadXlsx(bytes, "2");
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->name, "賛助会員");
  EXPECT_THAT(ReadXlsx(bytes, "役員").status().message(),
              HasSubstr("the workbook has no sheet 「役員」; its sheets are 会員名簿, 賛助会員"));
}

TEST_F(XlsxReaderTest, InlineStringsAsAStreamingWriterWritesThem) {
  const std::string path = WriteWorkbook(dir_.path(), "inline.xlsx", R"(
wb = xlsxwriter.Workbook(path, {'constant_memory': True})
ws = wb.add_worksheet()
ws.write_row(0, 0, ['会社名', '法人番号'])
ws.write_string(1, 0, '株式会社一関精工')
ws.write_number(1, 1, 7402501099002)
wb.close()
)");
  // The writer did use inline strings (the sheet's XML is inside the zip).
  const testing::BinaryRun xml = testing::RunBinary(
      "/usr/bin/python3",
      {"-c", "import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())",
       path});
  ASSERT_EQ(xml.exit_code, 0) << xml.err;
  ASSERT_THAT(xml.out, HasSubstr("t=\"inlineStr\""));
  const std::string bytes = Bytes(path);
  absl::StatusOr<Sheet> sheet = ReadXlsx(bytes, "");
  ASSERT_TRUE(sheet.ok()) << sheet.status();
  EXPECT_THAT(sheet->rows[1], ElementsAre("株式会社一関精工", "7402501099002"));
}

TEST_F(XlsxReaderTest, RowsOfTheSheetAreRowsOfTheList) {
  const std::string path = WriteWorkbook(dir_.path(), "名簿.xlsx", kMemberWorkbook);
  absl::StatusOr<std::unique_ptr<RowSource>> source = OpenFile(path, ColumnRules(), {});
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_THAT((*source)->DescribeFile(), HasSubstr("Excel workbook, sheet 「会員名簿」"));
  MappedRow row;
  ASSERT_TRUE((*source)->Next(&row));
  EXPECT_EQ(row.line, 4);  // Excel's row
  EXPECT_EQ(row.value(Field::kCorporateNumber), "8402501099001");
  EXPECT_EQ(row.value(Field::kJoined), "42095");
}

TEST_F(XlsxReaderTest, AFileThatIsNotATableSaysWhatItIs) {
  auto open = [&](const std::string& name, const std::string& bytes) {
    return OpenBytes(bytes, name, ColumnRules(), {}).status();
  };
  EXPECT_THAT(open("名簿.pdf", "%PDF-1.7\n...").message(), HasSubstr("名簿.pdf: the file is a PDF"));
  EXPECT_THAT(open("名簿.png", "\x89PNG\r\n\x1a\n....").message(), HasSubstr("an image, not a table"));
  EXPECT_THAT(open("名簿.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)).message(),
              HasSubstr("Excel 97–2003 workbook (.xls)"));
  // A zip that is not a workbook, and one that is not even a zip.
  const std::string zip = absl::StrCat(dir_.path(), "/a.zip");
  const testing::BinaryRun made = testing::RunBinary(
      "/usr/bin/python3",
      {"-c", "import sys, zipfile\nzipfile.ZipFile(sys.argv[1], 'w').writestr('名簿.csv', 'a,b')", zip});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_THAT(open("名簿.xlsx", Bytes(zip)).message(),
              HasSubstr("名簿.xlsx: the file is a zip archive, not an Excel workbook (.xlsx)"));
  EXPECT_THAT(open("名簿.xlsx", "PK\x03\x04 broken").message(), HasSubstr("zip"));
}

TEST_F(XlsxReaderTest, ExcelsUnicodeTextIsReadAsTabSeparatedUtf16) {
  const std::u16string text = u"会社名\t電話番号\r\n株式会社一関精工\t0191-23-4567\r\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : text) {
    bytes.push_back(static_cast<char>(c & 0xFF));
    bytes.push_back(static_cast<char>(c >> 8));
  }
  absl::StatusOr<std::unique_ptr<RowSource>> source =
      OpenBytes(bytes, "会員名簿.txt", ColumnRules(), {});
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->DescribeFile(), "UTF-16, tab-separated");
  MappedRow row;
  ASSERT_TRUE((*source)->Next(&row));
  EXPECT_EQ(row.value(Field::kName), "株式会社一関精工");
  EXPECT_EQ(row.value(Field::kPhone), "0191-23-4567");
}

}  // namespace
}  // namespace renkei::importer
