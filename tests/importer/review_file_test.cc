#include "importer/review_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "importer/report.h"
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

// A list of four rows, as a fingerprint.
ListFingerprint List(const std::vector<std::string>& names) {
  ListFingerprint list;
  for (size_t i = 0; i < names.size(); ++i) {
    list.Add(static_cast<int64_t>(i + 1), HashCells({names[i], "0191-23-4567"}), names[i]);
  }
  return list;
}

class ReviewFileTest : public ::testing::Test {
 protected:
  // Writes a review file of rows 1, 2, 3 and 4 of `list` and fills in the
  // decisions of rows 1, 2 and 3 as a person would (Excel keeps the BOM and
  // CRLF).
  void MakeReview(const ListFingerprint& list) {
    v1::RowOutcome o;
    o.set_action(v1::IMPORT_ACTION_AMBIGUOUS);
    auto* c = o.add_candidates();
    c->set_organization("organizations/12");
    c->set_display_name("株式会社一関精工");
    c->set_score(0.7);
    {
      auto file = CsvFile::Create(path_, ReviewHeader());
      ASSERT_TRUE(file.ok());
      for (int64_t row = 1; row <= 4; ++row) {
        o.set_row(row);
        const ListFingerprint::Row* r = list.Find(row);
        (*file)->Write(ReviewCells("a.csv", r->written_name, r->hash, list.hash(), o));
      }
      ASSERT_TRUE((*file)->Close().ok());
    }
    std::string text = ReadFile(path_);
    EXPECT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
    auto fill = [&](const std::string& row, const std::string& decision) {
      const std::string from = "a.csv," + row + ",";
      const size_t at = text.find(from);
      ASSERT_NE(at, std::string::npos);
      const size_t decision_at = text.find(',', at + from.size());
      text.insert(decision_at + 1, decision);
    };
    fill("1", "organizations/12");
    fill("2", "create");
    fill("3", "skip");
    WriteFile(path_, text);
  }

  testing::TempDir dir_;
  const std::string path_ = dir_.path() + "/review.csv";
};

TEST_F(ReviewFileTest, RoundTripKeepsTheDecisionsAndWhatBindsThem) {
  const ListFingerprint list = List({"一関精工", "一関精機", "一関製作所", "関精工"});
  MakeReview(list);
  absl::StatusOr<std::vector<ReviewEntry>> entries = ReadReview(path_);
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 3u);  // row 4 is left undecided
  EXPECT_EQ((*entries)[0].decision.row(), 1);
  EXPECT_EQ((*entries)[0].decision.link(), "organizations/12");
  EXPECT_EQ((*entries)[0].decision.written_name(), "一関精工");
  EXPECT_EQ((*entries)[0].row_hash, list.Find(1)->hash);
  EXPECT_EQ((*entries)[0].list_hash, list.hash());
  EXPECT_TRUE((*entries)[1].decision.create());
  EXPECT_TRUE((*entries)[2].decision.skip());
  absl::StatusOr<std::string> note = CheckReview(*entries, list, path_);
  ASSERT_TRUE(note.ok()) << note.status();
  EXPECT_EQ(*note, "");
}

TEST_F(ReviewFileTest, AStaleReviewFileIsRefusedNamingTheRowsThatChanged) {
  MakeReview(List({"一関精工", "一関精機", "一関製作所", "関精工"}));
  absl::StatusOr<std::vector<ReviewEntry>> entries = ReadReview(path_);
  ASSERT_TRUE(entries.ok()) << entries.status();
  // A row was inserted at the top: every decided row now names another company.
  const ListFingerprint edited = List({"平泉電子", "一関精工", "一関精機", "一関製作所", "関精工"});
  absl::StatusOr<std::string> note = CheckReview(*entries, edited, path_);
  ASSERT_FALSE(note.ok());
  EXPECT_THAT(note.status().message(), HasSubstr("row 1 was 「一関精工」 and is now 「平泉電子」"));
  EXPECT_THAT(note.status().message(), HasSubstr("row 3 was 「一関製作所」 and is now 「一関精機」"));
  EXPECT_THAT(note.status().message(), HasSubstr("Nothing was written"));
  // Rows cut from the end are named too.
  note = CheckReview(*entries, List({"一関精工", "一関精機"}), path_);
  ASSERT_FALSE(note.ok());
  EXPECT_THAT(note.status().message(), HasSubstr("row 3 (「一関製作所」) is no longer in the list"));
}

TEST_F(ReviewFileTest, AnEditOfAnotherRowKeepsTheDecisionsWithANote) {
  MakeReview(List({"一関精工", "一関精機", "一関製作所", "関精工"}));
  absl::StatusOr<std::vector<ReviewEntry>> entries = ReadReview(path_);
  ASSERT_TRUE(entries.ok()) << entries.status();
  absl::StatusOr<std::string> note =
      CheckReview(*entries, List({"一関精工", "一関精機", "一関製作所", "一関精工販売"}), path_);
  ASSERT_TRUE(note.ok()) << note.status();
  EXPECT_THAT(*note, HasSubstr("the rows it decides are unchanged"));
}

TEST_F(ReviewFileTest, AnUnknownDecisionIsAnErrorAtItsCell) {
  WriteFile(path_, "file,row,written_name,decision\na.csv,3,x,maybe\n");
  absl::StatusOr<std::vector<ReviewEntry>> entries = ReadReview(path_);
  ASSERT_FALSE(entries.ok());
  EXPECT_THAT(entries.status().message(), HasSubstr("line 2, column 4"));
  EXPECT_THAT(entries.status().message(), HasSubstr("maybe"));
}

}  // namespace
}  // namespace renkei::importer
