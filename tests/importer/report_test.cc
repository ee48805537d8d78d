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

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

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

TEST(ReportTest, ReviewFileRoundTrip) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/review.csv";
  v1::RowOutcome o;
  o.set_row(3);
  o.set_action(v1::IMPORT_ACTION_AMBIGUOUS);
  auto* c = o.add_candidates();
  c->set_organization("organizations/12");
  c->set_display_name("株式会社一関精工");
  c->set_score(0.7);
  {
    auto file = CsvFile::Create(path, ReviewHeader());
    ASSERT_TRUE(file.ok());
    (*file)->Write(ReviewCells("a.csv", "一関精工", o));
    o.set_row(5);
    (*file)->Write(ReviewCells("a.csv", "一関精機", o));
    o.set_row(8);
    (*file)->Write(ReviewCells("a.csv", "一関製作所", o));
    o.set_row(9);
    (*file)->Write(ReviewCells("a.csv", "関精工", o));
    ASSERT_TRUE((*file)->Close().ok());
  }
  std::string text = ReadFile(path);
  EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  // A person fills in the decisions (Excel keeps the BOM and CRLF).
  auto fill = [&](const std::string& row, const std::string& decision) {
    const std::string from = "a.csv," + row + ",";
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    const size_t decision_at = text.find(',', at + from.size());
    text.insert(decision_at + 1, decision);
  };
  fill("3", "organizations/12");
  fill("5", "create");
  fill("8", "skip");
  WriteFile(path, text);
  absl::StatusOr<std::vector<v1::ReviewDecision>> decisions = ReadReview(path);
  ASSERT_TRUE(decisions.ok()) << decisions.status();
  ASSERT_EQ(decisions->size(), 3u);  // row 9 is left undecided
  EXPECT_EQ((*decisions)[0].row(), 3);
  EXPECT_EQ((*decisions)[0].link(), "organizations/12");
  EXPECT_TRUE((*decisions)[1].create());
  EXPECT_TRUE((*decisions)[2].skip());

  WriteFile(path, "file,row,written_name,decision\na.csv,3,x,maybe\n");
  decisions = ReadReview(path);
  ASSERT_FALSE(decisions.ok());
  EXPECT_THAT(decisions.status().message(), HasSubstr("line 2, column 4"));
  EXPECT_THAT(decisions.status().message(), HasSubstr("maybe"));
}

}  // namespace
}  // namespace renkei::importer
