// Data safety of imports, through a real server and real files (issue 13):
// a review file bound to the list it was made from, --sync that ends only
// what the list really lost (never a rejected, skipped or ambiguous row's
// organization; not from an empty list; not across a yearly rename without
// being told; not more than a third without --yes), the report on every run,
// a No. column that is not a 会員番号, a network named by its name.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "renkei/v1/network.pb.h"
#include "server/names/resource_name.h"
#include "tests/importer/import_fixture.h"

namespace renkei::importer {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Four members with their 法人番号 (valid check digits), so that they link
// whatever the thresholds.
const std::string kSeiko = "株式会社一関精工,8402501099001,一関市山目字中野12,0191-23-4567";
const std::string kDenshi = "株式会社平泉電子,7402501099002,平泉町平泉字衣関1,0191-46-1111";
const std::string kToso = "有限会社千厩塗装,6402501099003,一関市千厩町千厩字北方174,0191-52-2222";
const std::string kHanaizumi = "株式会社花泉製作所,5402501099004,一関市花泉町涌津字一ノ町5,0191-82-3333";

class ImportSafetyTest : public ImportFixture {
 protected:
  // Writes a member list `name` with these rows.
  std::string List(const std::string& name, const std::vector<std::string>& rows) {
    return Write(name, absl::StrCat("事業所名,法人番号,所在地,電話番号\n", absl::StrJoin(rows, "\n"),
                                    rows.empty() ? "" : "\n"));
  }

  ImportOptions Members(const std::string& file) {
    ImportOptions options = Options(v1::IMPORT_KIND_MEMBERS, file);
    options.report = dir_.path() + "/report.csv";
    return options;
  }

  // The four members imported from 会員名簿.csv.
  void ImportFour() {
    const ImportResult run =
        Import(Members(List("会員名簿.csv", {kSeiko, kDenshi, kToso, kHanaizumi})));
    ASSERT_EQ(run.code, 0) << run.out << run.err;
    ASSERT_EQ(CurrentMembers().size(), 4u);
  }
};

TEST_F(ImportSafetyTest, AStaleReviewFileIsRefusedNamingTheRowsThatChanged) {
  const std::string first = Write("first.csv",
                                  "事業所名,所在地,電話番号,代表者\n"
                                  "株式会社一関精工,一関市千厩町千厩字北方174,0191-52-1234,千葉 一郎\n");
  ASSERT_EQ(Import(Options(v1::IMPORT_KIND_ORGANIZATIONS, first)).code, 0);
  // The same company in another list, left to a person by the thresholds.
  const std::string header = "事業所名,所在地,代表者\n";
  const std::string seiko = "一関精工(株),一関市千厩町千厩字北方174,千葉 次郎\n";
  const std::string second = Write("second.csv", header + seiko);
  ImportOptions options = Options(v1::IMPORT_KIND_ORGANIZATIONS, second);
  options.link_threshold = 0.9999999;
  options.create_threshold = 0.0000001;
  ASSERT_EQ(Import(options).code, 0);
  std::string review = ReadFile(options.review_out);
  const std::string line = "second.csv,1,一関精工(株),";
  const size_t at = review.find(line);
  ASSERT_NE(at, std::string::npos) << review;
  const size_t candidate = review.find("organizations/", at);
  review.insert(at + line.size(),
                review.substr(candidate, review.find(',', candidate) - candidate));
  options.review = Write("decided.csv", review);

  // Someone adds a company at the top of the list: row 1 is another company.
  Write("second.csv", header + "株式会社北上精密,北上市相去町1,菊池 三郎\n" + seiko);
  const int64_t revision = store().revision();
  const ImportResult run = Import(options);
  EXPECT_EQ(run.code, 4) << run.out << run.err;
  EXPECT_THAT(run.err, HasSubstr("decided.csv was made from another version of the list"));
  EXPECT_THAT(run.err, HasSubstr("row 1 was 「一関精工(株)」 and is now 「株式会社北上精密」"));
  EXPECT_EQ(store().revision(), revision);  // nothing written, no alias given to the wrong company
}

TEST_F(ImportSafetyTest, SyncNeverEndsTheMembershipOfARejectedRow) {
  ImportFour();
  // 平泉電子's row lost its name; 花泉製作所 left.
  ImportOptions options = Members(List("会員名簿.csv", {kSeiko, ",,平泉町平泉字衣関1,0191-46-1111", kToso}));
  options.sync = true;
  options.skip_invalid = true;
  const ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("rejected 1"));
  EXPECT_THAT(run.out, HasSubstr("--sync: ended 1 of the 4 current memberships"));
  EXPECT_THAT(CurrentMembers(), UnorderedElementsAre("株式会社一関精工", "株式会社平泉電子", "有限会社千厩塗装"));
  // The rejected row is in the report with its error.
  EXPECT_THAT(ReadFile(options.report), HasSubstr("rejected,,,,,,,name is empty"));
}

TEST_F(ImportSafetyTest, ARejectedRowThatNamesNoOrganizationStopsSync) {
  ImportFour();
  // Nothing in the row finds an organization: it may be anyone.
  ImportOptions options = Members(List("会員名簿.csv", {kSeiko, ",,,0191-99-9999", kToso}));
  options.sync = true;
  options.skip_invalid = true;
  const ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("--sync: row 2 could not be read"));
  EXPECT_THAT(run.out, HasSubstr("so sync ended nothing"));
  EXPECT_EQ(CurrentMembers().size(), 4u);
}

TEST_F(ImportSafetyTest, SyncKeepsTheOrganizationsOfAmbiguousAndSkippedRows) {
  ImportFour();
  // 平泉電子 without its number: left to a person by the thresholds.
  ImportOptions options = Members(List(
      "会員名簿.csv", {kSeiko, "平泉電子(株),,平泉町平泉字衣関1,0191-46-1111", kToso}));
  options.sync = true;
  options.link_threshold = 0.9999999;
  options.create_threshold = 0.0000001;
  ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("ambiguous 1"));
  EXPECT_THAT(CurrentMembers(), UnorderedElementsAre("株式会社一関精工", "株式会社平泉電子", "有限会社千厩塗装"));

  // A person says: leave that row out. It is still on the list.
  std::string review = ReadFile(options.review_out);
  const std::string line = "会員名簿.csv,2,平泉電子(株),";
  const size_t at = review.find(line);
  ASSERT_NE(at, std::string::npos) << review;
  review.insert(at + line.size(), "skip");
  options.review = Write("decided.csv", review);
  run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("skipped 1"));
  EXPECT_THAT(CurrentMembers(), UnorderedElementsAre("株式会社一関精工", "株式会社平泉電子", "有限会社千厩塗装"));
}

TEST_F(ImportSafetyTest, AHeaderOnlyListWithSyncIsRefused) {
  ImportFour();
  ImportOptions options = Members(List("会員名簿.csv", {}));
  options.sync = true;
  const int64_t revision = store().revision();
  const ImportResult run = Import(options);
  EXPECT_EQ(run.code, 4) << run.out << run.err;
  EXPECT_THAT(run.err, HasSubstr("the list has no data rows"));
  EXPECT_EQ(store().revision(), revision);
  EXPECT_EQ(CurrentMembers().size(), 4u);
  EXPECT_THAT(ReadFile(options.report), HasSubstr("failed"));
}

TEST_F(ImportSafetyTest, SyncSaysWhyItEndedNothing) {
  ImportOptions options = Members(List("会員名簿.csv", {kSeiko, kDenshi}));
  options.sync = true;
  ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("--sync: no current membership of " + network_ +
                                 " came from the list 「会員名簿.csv」 before this import"));
  run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("--sync: every current member from the list 「会員名簿.csv」 is "
                                 "still on it: nothing to end"));
}

TEST_F(ImportSafetyTest, AListRenamedForTheNextYearAsksWhichListItReplaces) {
  ImportOptions options = Members(List("会員名簿2026.csv", {kSeiko, kDenshi, kToso, kHanaizumi}));
  ASSERT_EQ(Import(options).code, 0);
  options = Members(List("会員名簿2027.csv", {kSeiko, kDenshi, kToso}));
  options.sync = true;
  const int64_t revision = store().revision();
  ImportResult run = Import(options);
  EXPECT_EQ(run.code, 5) << run.out << run.err;
  EXPECT_THAT(run.err, HasSubstr("differs only by a year or date from 「会員名簿2026.csv」 (4 "
                                 "current members)"));
  EXPECT_THAT(run.err, HasSubstr("--source-list '会員名簿2026.csv'"));
  EXPECT_EQ(store().revision(), revision);

  options.source_list = "会員名簿2026.csv";
  run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("ended 1 of the 4 current memberships from the list 「会員名簿2026.csv」"));
  EXPECT_THAT(CurrentMembers(), UnorderedElementsAre("株式会社一関精工", "株式会社平泉電子", "有限会社千厩塗装"));
}

TEST_F(ImportSafetyTest, SyncAsksForYesBeforeEndingMoreThanAThirdOfTheMembers) {
  ImportFour();
  ImportOptions options = Members(List("会員名簿.csv", {kSeiko, kToso}));
  options.sync = true;
  ImportResult run = Import(options);
  EXPECT_EQ(run.code, 5) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("no longer has 2 of the 4 current members"));
  EXPECT_THAT(run.out, HasSubstr("run again with --yes"));
  EXPECT_THAT(run.out, HasSubstr("not ended networks/"));
  EXPECT_EQ(CurrentMembers().size(), 4u);

  options.yes = true;
  run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(CurrentMembers(), UnorderedElementsAre("株式会社一関精工", "有限会社千厩塗装"));
}

TEST_F(ImportSafetyTest, ANumberColumnIsAMemberNumberOnlyWhenItsHeaderSaysSo) {
  ImportOptions options = Members(Write("a.csv", "No.,事業所名\n1,株式会社一関精工\n"));
  ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("No. → (ignored)"));
  ASSERT_EQ(Memberships().size(), 1u);
  EXPECT_THAT(Memberships()[0].external_ids(), IsEmpty());

  options = Members(Write("b.csv", "会員No,事業所名\n17,株式会社一関精工\n"));
  run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  ASSERT_EQ(Memberships().size(), 1u);
  ASSERT_EQ(Memberships()[0].external_ids_size(), 1);
  EXPECT_EQ(Memberships()[0].external_ids(0).value(), "17");
}

TEST_F(ImportSafetyTest, TheReportIsWrittenOnEveryRunWithEachInvalidRow) {
  ImportOptions options = Members(Write("bad.csv",
                                        "事業所名,電話番号\n"
                                        "株式会社一関精工,0191-23-4567\n"
                                        ",0191-23-4568\n"));
  ImportResult run = Import(options);
  EXPECT_EQ(run.code, 4);
  const std::string report = ReadFile(options.report);
  EXPECT_THAT(report, HasSubstr("bad.csv,2,3,rejected,"));
  EXPECT_THAT(report, HasSubstr("name is empty"));
  EXPECT_THAT(report, Not(HasSubstr("bad.csv,1,")));

  options.file = dir_.path() + "/missing.csv";
  run = Import(options);
  EXPECT_EQ(run.code, 3);
  EXPECT_THAT(ReadFile(options.report), HasSubstr("failed"));
  EXPECT_THAT(ReadFile(options.report), HasSubstr("cannot open"));
}

TEST_F(ImportSafetyTest, TheNetworkMayBeNamedByItsName) {
  ImportOptions options = Members(List("会員名簿.csv", {kSeiko}));
  options.network = "いちのせき工業懇話会";
  ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("network: 「いちのせき工業懇話会」 is " + network_));
  EXPECT_EQ(CurrentMembers().size(), 1u);

  options.network = "一関工業倶楽部";
  run = Import(options);
  EXPECT_EQ(run.code, 3);
  EXPECT_THAT(run.err, HasSubstr("--network 「一関工業倶楽部」: no network has that name"));
}

}  // namespace
}  // namespace renkei::importer
