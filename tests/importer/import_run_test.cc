// Whole imports through a real server: real files (the CP932 lists of
// tests/data/resolve_dev as delivered, and small files written here), the
// report, the review file, invalid rows, dry runs, --sync, records.
#include "importer/import_run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/store/store.h"
#include "tests/importer/import_fixture.h"
#include "tests/test_server.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using ImportRunTest = ImportFixture;

TEST_F(ImportRunTest, MemberListThenTheSameListAgainChangesNothing) {
  ImportOptions options = Options(v1::IMPORT_KIND_MEMBERS, DevFile("konwakai_meibo.csv"));
  options.report = dir_.path() + "/report.csv";
  const ImportResult first = Import(options);
  ASSERT_EQ(first.code, 0) << first.out << first.err;
  EXPECT_THAT(first.out, HasSubstr("CP932"));
  EXPECT_THAT(first.out, HasSubstr("事業所名 → name"));
  EXPECT_THAT(first.out, HasSubstr("done: 59 rows read"));
  // Every data row has its line in the report, after the header and the
  // totals row under the list (not a member).
  EXPECT_THAT(first.out, HasSubstr("skipped 1 row that are not members: 1 footer (line 64)"));
  const std::string report = ReadFile(options.report);
  std::vector<std::string> lines = absl::StrSplit(report, "\r\n", absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 61u);
  EXPECT_THAT(lines[0], HasSubstr("file,row,line,action,name,score,evidence"));
  EXPECT_THAT(lines[1], HasSubstr("konwakai_meibo.csv,61,64,skipped,"));
  EXPECT_THAT(lines[2], HasSubstr("konwakai_meibo.csv,1,4,created,organizations/"));
  const int64_t revision = store().revision();
  const int64_t organizations = Organizations();
  EXPECT_GT(organizations, 40);

  const ImportResult second = Import(options);
  ASSERT_EQ(second.code, 0) << second.out << second.err;
  EXPECT_THAT(second.out, HasSubstr("created 0, linked 59, updated 0"));
  EXPECT_EQ(store().revision(), revision);
  EXPECT_EQ(Organizations(), organizations);
}

TEST_F(ImportRunTest, InvalidRowsAreAllListedAndNothingIsWritten) {
  const std::string file = Write("bad.csv",
                                 "会員番号,事業所名,電話番号,入会年度\n"
                                 "1,株式会社一関精工,0191-23-4567,H15\n"
                                 "2,,0191-23-4568,H16\n"
                                 "3,株式会社一関精機,0191-23,H17\n"
                                 "4,－,0191-46-1111,平成99年\n");
  const int64_t revision = store().revision();
  const ImportResult run = Import(Options(v1::IMPORT_KIND_MEMBERS, file));
  EXPECT_EQ(run.code, 4);
  EXPECT_THAT(run.err, HasSubstr("bad.csv: line 3, column B (事業所名): name is empty"));
  EXPECT_THAT(run.err, HasSubstr("bad.csv: line 5, column B (事業所名) 「－」: the name has nothing"));
  // A bad phone or year does not make a row invalid: a warning.
  EXPECT_THAT(run.err, Not(HasSubstr("line 4,")));
  EXPECT_THAT(run.err, HasSubstr("2 of 4 rows are invalid; nothing was written"));
  EXPECT_EQ(store().revision(), revision);
}

TEST_F(ImportRunTest, BrokenCsvWritesNothing) {
  const std::string file = Write("broken.csv",
                                 "事業所名,所在地\n"
                                 "株式会社一関精工,一関市\n"
                                 "\"株式会社一関精機,一関市\n");
  const int64_t revision = store().revision();
  const ImportResult run = Import(Options(v1::IMPORT_KIND_ORGANIZATIONS, file));
  EXPECT_EQ(run.code, 4) << run.err;
  EXPECT_THAT(run.err, HasSubstr("broken.csv"));
  EXPECT_THAT(run.err, HasSubstr("line 3"));
  EXPECT_EQ(store().revision(), revision);
}

TEST_F(ImportRunTest, SkipInvalidWritesTheGoodRowsAndSetsTheOthersAside) {
  const std::string file = Write("mixed.csv",
                                 "事業所名,電話番号\n"
                                 "株式会社一関精工,0191-23-4567\n"
                                 "株式会社,0191-23\n"
                                 "株式会社平泉電子,0191-46-1111\n");
  ImportOptions options = Options(v1::IMPORT_KIND_ORGANIZATIONS, file);
  options.skip_invalid = true;
  const ImportResult run = Import(options);
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("created 2"));
  EXPECT_THAT(run.out, HasSubstr("rejected 1"));
  const std::string rejected = ReadFile(options.rejected_out);
  EXPECT_THAT(rejected, HasSubstr("事業所名,電話番号,取込エラー"));
  EXPECT_THAT(rejected, HasSubstr("株式会社,0191-23,"));
  EXPECT_THAT(rejected, Not(HasSubstr("平泉電子")));
}

TEST_F(ImportRunTest, DryRunWritesNothing) {
  ImportOptions options = Options(v1::IMPORT_KIND_MEMBERS, DevFile("denshi_kenkyukai.csv"));
  options.dry_run = true;
  const int64_t revision = store().revision();
  const ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("dry run (nothing written)"));
  EXPECT_THAT(run.out, HasSubstr("would create"));
  EXPECT_THAT(run.out, HasSubstr("created"));  // the rows it would create are listed
  // Excel's damage to 法人番号 is said, as a warning.
  EXPECT_THAT(run.err, HasSubstr("digits lost"));
  EXPECT_EQ(store().revision(), revision);
}

TEST_F(ImportRunTest, AmbiguousRowsGoToTheReviewFileAndItsDecisionsApply) {
  const std::string first = Write("first.csv",
                                  "事業所名,所在地,電話番号,代表者\n"
                                  "株式会社一関精工,一関市千厩町千厩字北方174,0191-52-1234,千葉 一郎\n");
  ASSERT_EQ(Import(Options(v1::IMPORT_KIND_ORGANIZATIONS, first)).code, 0);
  const int64_t organizations = Organizations();
  // The same company in another list: with thresholds that leave every
  // uncertain row to a person, it is ambiguous.
  const std::string second = Write("second.csv",
                                   "事業所名,所在地,代表者\n"
                                   "一関精工(株),一関市千厩町千厩字北方174,千葉 次郎\n");
  ImportOptions options = Options(v1::IMPORT_KIND_ORGANIZATIONS, second);
  options.link_threshold = 0.9999999;
  options.create_threshold = 0.0000001;
  ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("ambiguous 1"));
  EXPECT_THAT(run.out, HasSubstr("--review"));
  EXPECT_EQ(Organizations(), organizations);
  std::string review = ReadFile(options.review_out);
  const size_t at = review.find("second.csv,1,一関精工(株),");
  ASSERT_NE(at, std::string::npos) << review;
  const size_t candidate = review.find("organizations/", at);
  ASSERT_NE(candidate, std::string::npos);
  const std::string name = review.substr(candidate, review.find(',', candidate) - candidate);
  review.insert(at + std::string("second.csv,1,一関精工(株),").size(), name);
  const std::string decided = Write("decided.csv", review);

  options.review = decided;
  run = Import(options);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("1 decisions"));
  EXPECT_THAT(run.out, HasSubstr("ambiguous 0"));
  EXPECT_EQ(Organizations(), organizations);
}

TEST_F(ImportRunTest, SyncEndsTheMembershipsTheListNoLongerHas) {
  const std::string path = dir_.path() + "/会員名簿.csv";
  auto write = [&](const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
  };
  write("会員番号,事業所名,電話番号\n"
        "1,株式会社一関精工,0191-23-4567\n"
        "2,株式会社平泉電子,0191-46-1111\n"
        "3,有限会社千厩塗装,0191-52-2222\n");
  ImportOptions options = Options(v1::IMPORT_KIND_MEMBERS, path);
  ASSERT_EQ(Import(options).code, 0);
  write("会員番号,事業所名,電話番号\n"
        "1,株式会社一関精工,0191-23-4567\n"
        "3,有限会社千厩塗装,0191-52-2222\n");
  options.sync = true;
  const ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("1 ended"));
  // Ended, not deleted.
  const size_t at = run.out.find("ended networks/");
  ASSERT_NE(at, std::string::npos) << run.out;
  const std::string membership = run.out.substr(at + 6, run.out.find('\n', at) - at - 6);
  v1::Membership ended;
  ASSERT_TRUE(store().Get(membership, &ended).ok()) << membership;
  EXPECT_GT(ended.until().year(), 2000);
}

TEST_F(ImportRunTest, TheRegistryGivesHeldOrganizationsTheirOfficialNameAndCreatesNone) {
  const std::string list = Write("list.csv",
                                 "事業所名,法人番号,所在地\n"
                                 "一関精工,4402001000001,一関市山目字前田20-1\n");
  ASSERT_EQ(Import(Options(v1::IMPORT_KIND_ORGANIZATIONS, list)).code, 0);
  const int64_t organizations = Organizations();
  // A 差分 file (Unicode edition): the company moved; another is not held.
  const std::string registry = Write(
      "03_iwate_diff_20240401.csv",
      "1,4402001000001,12,0,2024-04-01,2024-03-25,\"株式会社一関精工\",,301,\"岩手県\",\"一関市\","
      "\"萩荘字竹際４９番地\",,03,209,0210902,,,,,,,2015-10-05,1,,,,,\"イチノセキセイコウ\",0\n"
      "2,7402003000005,01,0,2024-04-01,2024-03-27,\"合同会社ＲＩＫＵＺＥＮ\",,305,\"岩手県\",\"一関市\","
      "\"川崎町薄衣字諏訪前１番地\",,03,209,0290202,,,,,,,2024-04-01,1,,,,,\"リクゼン\",0\n");
  ImportOptions options = Options(v1::IMPORT_KIND_CORPORATE_REGISTRY, registry);
  options.report = dir_.path() + "/registry-report.csv";
  const ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("NTA"));
  EXPECT_THAT(run.out, HasSubstr("unmatched 1"));
  EXPECT_EQ(Organizations(), organizations);
  const std::string report = ReadFile(options.report);
  EXPECT_THAT(report, HasSubstr("法人番号一致"));
  EXPECT_THAT(report, HasSubstr(",unmatched,"));
  // The organization now has the registry's name, kana and address.
  store::ListRequest request;
  request.kind = Kind::kOrganization;
  absl::StatusOr<store::ListResult> listed = store().List(request, v1::Organization());
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->records.size(), 1u);
  const auto& org = static_cast<const v1::Organization&>(*listed->records[0]);
  EXPECT_EQ(org.display_name(), "株式会社一関精工");
  EXPECT_EQ(org.kana(), "イチノセキセイコウ");
  EXPECT_THAT(org.address().street(), HasSubstr("竹際"));
}

TEST_F(ImportRunTest, SeedsNameTheirInstitutionByName) {
  const std::string orgs = Write("orgs.csv", "事業所名,所在地\n一関工業高等専門学校,一関市萩荘字高梨\n");
  ASSERT_EQ(Import(Options(v1::IMPORT_KIND_ORGANIZATIONS, orgs)).code, 0);
  const std::string seeds = Write("seeds.csv",
                                  "番号,タイトル,概要,キーワード,所属\n"
                                  "S-1,超微細気泡による洗浄,UFB 洗浄,UFB、洗浄,一関工業高等専門学校\n"
                                  "S-2,打音検査の自動化,音で見る,打音検査,一関工業高等専門学校\n");
  ImportOptions options = Options(v1::IMPORT_KIND_SEEDS, seeds);
  ImportResult run = Import(options);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("created 2"));
  EXPECT_EQ(Count(Kind::kSeed), 2);
  run = Import(options);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("created 0, linked 2"));
  EXPECT_EQ(Count(Kind::kSeed), 2);

  // An institution the database does not have: nothing of the file is written.
  const std::string unknown = Write("unknown.csv",
                                    "番号,タイトル,所属\n"
                                    "S-3,新しいシーズ,一関工業高等専門学校\n"
                                    "S-4,別のシーズ,架空大学\n");
  run = Import(Options(v1::IMPORT_KIND_SEEDS, unknown));
  EXPECT_EQ(run.code, 4);
  EXPECT_THAT(run.err, HasSubstr("row 2"));
  EXPECT_THAT(run.err, HasSubstr("架空大学"));
  EXPECT_EQ(Count(Kind::kSeed), 2);
}

// The member list scripts/demo.sh imports, against the demo data.
TEST(DemoImportTest, TheDemoListResolvesAgainstTheDemoData) {
  testing::TestServer server(/*load_demo=*/true);
  ImportOptions options;
  options.kind = v1::IMPORT_KIND_MEMBERS;
  options.file = RENKEI_DEMO_IMPORT_FILE;
  options.connection.server = absl::StrCat("127.0.0.1:", server.port());
  options.connection.token_file = server.admin_token_file();
  options.network = "networks/2";
  options.dry_run = true;
  options.verbose = true;
  options.progress = false;
  std::ostringstream out, err;
  ASSERT_EQ(RunImport(options, out, err), 0) << err.str();
  EXPECT_THAT(out.str(), HasSubstr("would create 2, linked 4, updated 1, ambiguous 0, rejected 0"));
  EXPECT_THAT(out.str(), HasSubstr("[花泉工場]"));
  EXPECT_THAT(out.str(), HasSubstr("法人番号一致"));
  EXPECT_THAT(out.str(), HasSubstr("名称が似て非なる"));
  EXPECT_THAT(err.str(), HasSubstr("digits lost"));
}

}  // namespace
}  // namespace renkei::importer
