#include "importer/report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::testing::HasSubstr;

TEST(ReportTest, CsvLinesQuoteWhatNeedsIt) {
  EXPECT_EQ(CsvLine({"a", "b,c", "say \"hi\"", "two\nlines", ""}),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
}

TEST(ReportTest, ReportLineOfAnOutcome) {
  v1::RowOutcome o;
  o.set_row(4);
  o.set_action(v1::IMPORT_ACTION_UPDATED);
  o.set_name("organizations/7");
  o.set_score(0.98765);
  o.set_evidence("名称一致(一関精工) 電話一致");
  o.add_changed_fields("contact.fax");
  o.add_changed_fields("industries");
  const std::vector<std::string> cells = ReportCells("a.csv", 6, o);
  ASSERT_EQ(cells.size(), ReportHeader().size());
  EXPECT_EQ(cells[0], "a.csv");
  EXPECT_EQ(cells[1], "4");
  EXPECT_EQ(cells[2], "6");
  EXPECT_EQ(cells[3], "updated");
  EXPECT_EQ(cells[4], "organizations/7");
  EXPECT_EQ(cells[5], "0.988");
  EXPECT_EQ(cells[8], "contact.fax industries");
}

}  // namespace
}  // namespace renkei::importer
