// Workbooks for the tests, written by a real spreadsheet writer: Debian's
// python3-xlsxwriter (scripts/setup.sh installs it), run by Debian's own
// /usr/bin/python3.
#ifndef RENKEI_TESTS_IMPORTER_WORKBOOKS_H_
#define RENKEI_TESTS_IMPORTER_WORKBOOKS_H_

#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "tests/run_binary.h"

namespace renkei::importer {

// Runs `body` (Python, with `xlsxwriter` imported and the path to write in
// `path`) and returns the path of the .xlsx it wrote in `dir`.
inline std::string WriteWorkbook(const std::string& dir, const std::string& name,
                                 const std::string& body) {
  const std::string path = absl::StrCat(dir, "/", name);
  const std::string script = absl::StrCat("import sys, datetime, xlsxwriter\npath = sys.argv[1]\n", body);
  const testing::BinaryRun run = testing::RunBinary("/usr/bin/python3", {"-c", script, path});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return path;
}

// A member list as an association keeps it in Excel: a merged title, the
// header on row 3, a 法人番号 stored as a number, a company merged over its
// two plant rows, a phone number Excel stored as a number, a date, a note
// under the list, and a second sheet.
inline constexpr char kMemberWorkbook[] = R"(
wb = xlsxwriter.Workbook(path)
ws = wb.add_worksheet('会員名簿')
ws.merge_range('A1:F1', 'いちのせき工業懇話会　会員名簿（令和8年4月1日現在）')
ws.write_row(2, 0, ['会員番号', '会社名', '事業所名', '法人番号', '所在地', '電話番号', '入会年月日'])
ws.write_number(3, 0, 101)
ws.write_string(3, 1, '株式会社一関精工')
ws.write_number(3, 3, 8402501099001)
ws.write_string(3, 4, '一関市山目字中野12')
ws.write_string(3, 5, '0191-23-4567')
ws.write_datetime(3, 6, datetime.datetime(2015, 4, 1), wb.add_format({'num_format': 'yyyy/mm/dd'}))
ws.merge_range('B5:B6', '株式会社北上ダイカスト')
ws.write_number(4, 0, 102)
ws.write_string(4, 2, '本社')
ws.write_string(4, 4, '北上市相去町1-1')
ws.write_string(4, 5, '0197-67-1111')
ws.write_number(5, 0, 103)
ws.write_string(5, 2, '一関工場')
ws.write_string(5, 4, '一関市萩荘字竹際70')
ws.write_number(5, 5, 191249100)
ws.write_string(7, 0, '※順不同')
other = wb.add_worksheet('賛助会員')
other.write_row(0, 0, ['会社名', '所在地'])
other.write_row(1, 0, ['株式会社岩手銀行', '盛岡市中央通1-2-3'])
wb.close()
)";

}  // namespace renkei::importer

#endif  // RENKEI_TESTS_IMPORTER_WORKBOOKS_H_
