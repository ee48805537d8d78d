// Lists as associations send them, imported with the defaults through a real
// server (issue 13): columns recognized by their headers and their values,
// a company column beside a plant column, rows that are not members
// skipped and counted, values that cannot be read kept or left out with a
// warning, Excel's dropped leading zeros, and problems in one form.
#include <iconv.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "renkei/v1/organization.pb.h"
#include "tests/importer/import_fixture.h"
#include "tests/importer/workbooks.h"

namespace renkei::importer {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// `utf8` in CP932, as Excel saves 「CSV (コンマ区切り)」.
std::string Cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* src = in.data();
  char* dst = out.data();
  size_t left = in.size(), room = out.size();
  const size_t done = iconv(cd, &src, &left, &dst, &room);
  iconv_close(cd);
  EXPECT_NE(done, static_cast<size_t>(-1)) << utf8;
  out.resize(out.size() - room);
  return out;
}

class ImportLayoutTest : public ImportFixture {
 protected:
  ImportResult Members(const std::string& name, const std::string& utf8, bool cp932 = true) {
    options_ = Options(v1::IMPORT_KIND_MEMBERS, Write(name, cp932 ? Cp932(utf8) : utf8));
    options_.report = dir_.path() + "/report.csv";
    return Import(options_);
  }

  // The organizations held, by display name.
  std::map<std::string, v1::Organization> Held() {
    store::ListRequest request;
    request.kind = Kind::kOrganization;
    request.page_size = 1000;
    std::map<std::string, v1::Organization> held;
    absl::StatusOr<store::ListResult> listed = store().List(request, v1::Organization());
    EXPECT_TRUE(listed.ok());
    if (!listed.ok()) return held;
    for (const auto& record : listed->records) {
      const auto& o = static_cast<const v1::Organization&>(*record);
      held[o.display_name()] = o;
    }
    return held;
  }

  ImportOptions options_;
};

TEST_F(ImportLayoutTest, ATotalsRowIsSkippedAndCountedNotReadAsAMember) {
  const ImportResult run = Members("totals.csv",
                                   "会員名簿,,\n"
                                   "会社名,所在地,電話番号\n"
                                   "株式会社一関精工,一関市山目字中野12,0191-23-4567\n"
                                   "株式会社平泉電子,平泉町平泉字衣関1,0191-46-1111\n"
                                   "会員数　合計,,2社\n"
                                   "※令和8年4月1日現在,,\n");
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("done: 2 rows read"));
  EXPECT_THAT(run.out, HasSubstr("skipped 2 rows that are not members"));
  EXPECT_THAT(CurrentMembers(), UnorderedElementsAre("株式会社一関精工", "株式会社平泉電子"));
  EXPECT_THAT(ReadFile(options_.report), HasSubstr(",skipped,"));
  EXPECT_THAT(ReadFile(options_.report), HasSubstr("not a member ("));
}

TEST_F(ImportLayoutTest, HeadingsNotesRepeatedHeadersAndLegendsInsideTheListAreSkipped) {
  const ImportResult run = Members("sections.csv",
                                   "企業・団体名,所在地,電話番号\n"
                                   "◎…会長　○…副会長,,\n"
                                   "【正会員】,,\n"
                                   "◎株式会社一関精工,一関市山目字中野12,0191-23-4567\n"
                                   ",,\n"
                                   "企業・団体名,所在地,電話番号\n"
                                   "【賛助会員】,,\n"
                                   "株式会社岩手銀行一関支店,一関市大町3-1,0191-23-1111\n"
                                   "※順不同,,\n"
                                   "有限会社千厩塗装,一関市千厩町千厩字北方174,0191-52-2222\n");
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("企業・団体名 → name"));
  EXPECT_THAT(run.out, HasSubstr("done: 3 rows read"));
  EXPECT_THAT(run.out, HasSubstr("skipped 5 rows that are not members"));
  EXPECT_THAT(run.out, HasSubstr("2 heading"));
  EXPECT_THAT(run.out, HasSubstr("1 legend"));
  EXPECT_THAT(run.out, HasSubstr("1 repeated header"));
  EXPECT_THAT(run.out, HasSubstr("1 note"));
  // The rows under 【賛助会員】 are supporting members.
  int supporting = 0;
  for (const v1::Membership& m : Memberships()) {
    supporting += m.role() == v1::MEMBER_ROLE_SUPPORTING_MEMBER;
  }
  EXPECT_EQ(supporting, 2);
  // The officer's mark is not part of the name.
  EXPECT_THAT(CurrentMembers(), ::testing::Contains("株式会社一関精工"));
}

TEST_F(ImportLayoutTest, ACompanyColumnBesideAPlantColumnIsReadAsNameAndSite) {
  const ImportResult run = Members("plants.csv",
                                   "会社名,事業所名,所在地,電話番号,代表者\n"
                                   "株式会社北上ダイカスト,本社,北上市相去町1-1,0197-67-1111,菊池 三郎\n"
                                   "株式会社北上ダイカスト,一関工場,一関市山目字中野1,0191-23-9999,"
                                   "工場長 佐藤 花子\n"
                                   "株式会社一関精工,,一関市山目字中野12,0191-23-4567,千葉 一郎\n");
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("事業所名 → site"));
  EXPECT_THAT(run.out, HasSubstr("created 2, linked 0, updated 1"));
  const std::map<std::string, v1::Organization> held = Held();
  ASSERT_TRUE(held.contains("株式会社北上ダイカスト"));
  const v1::Organization& diecast = held.at("株式会社北上ダイカスト");
  EXPECT_EQ(diecast.address().city(), "北上市");  // the head office's
  ASSERT_EQ(diecast.sites_size(), 1);
  EXPECT_EQ(diecast.sites(0).display_name(), "一関工場");
  EXPECT_EQ(diecast.sites(0).phone(), "0191-23-9999");
}

TEST_F(ImportLayoutTest, ColumnsAreRecognizedByTheirValues) {
  // 番号 holds 法人番号; the unnamed column holds phone numbers; 会員 holds names.
  const ImportResult run = Members("values.csv",
                                   "番号,会員,所在地,\n"
                                   "8402501099001,株式会社一関精工,一関市山目字中野12,0191-23-4567\n"
                                   "7402501099002,株式会社平泉電子,平泉町平泉字衣関1,0191-46-1111\n");
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("番号 → corporate_number (by its values: 13-digit numbers with "
                                 "valid check digits)"));
  EXPECT_THAT(run.out, HasSubstr("会員 → name (by its values"));
  EXPECT_THAT(run.out, HasSubstr("→ phone (by its values: phone numbers)"));
  const std::map<std::string, v1::Organization> held = Held();
  EXPECT_EQ(held.at("株式会社一関精工").corporate_number(), "8402501099001");
  EXPECT_EQ(held.at("株式会社平泉電子").contact().phone(), "0191-46-1111");
}

TEST_F(ImportLayoutTest, UnreadableValuesThatDoNotIdentifyAreLeftOutWithAWarning) {
  const ImportResult run = Members("values.csv",
                                   "会社名,〒,所在地,電話番号,FAX,従業員数,資本金,入会年月\n"
                                   "株式会社一関精工,〒021-0041,一関市山目字中野12,0191-23-4567,"
                                   "同左,約百名,非公開,平成\n"
                                   "株式会社平泉電子,210041,平泉町平泉字衣関1,191461111,,30,1000万円,"
                                   "R2年4月\n");
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("created 2"));
  EXPECT_THAT(run.err, HasSubstr("(warning)"));
  EXPECT_THAT(run.err, HasSubstr("line 2, column E (FAX) 「同左」: not a phone number; left out"));
  EXPECT_THAT(run.err, HasSubstr("line 2, column F (従業員数) 「約百名」"));
  EXPECT_THAT(run.err, HasSubstr("line 3, column D (電話番号) 「191461111」: Excel dropped the "
                                 "leading 0; read as 0191-46-1111"));
  EXPECT_THAT(run.err, HasSubstr("line 3, column B (〒) 「210041」: Excel dropped the leading 0; "
                                 "read as 021-0041"));
  const std::map<std::string, v1::Organization> held = Held();
  EXPECT_EQ(held.at("株式会社一関精工").address().postal_code(), "021-0041");
  EXPECT_EQ(held.at("株式会社一関精工").contact().fax(), "");
  EXPECT_EQ(held.at("株式会社一関精工").employees(), 0);
  EXPECT_EQ(held.at("株式会社平泉電子").contact().phone(), "0191-46-1111");
  EXPECT_EQ(held.at("株式会社平泉電子").address().postal_code(), "021-0041");
  EXPECT_EQ(held.at("株式会社平泉電子").capital_yen(), 10'000'000);
  // 入会年月 is the date the membership began.
  bool since = false;
  for (const v1::Membership& m : Memberships()) since = since || m.since().year() == 2020;
  EXPECT_TRUE(since);
}

TEST_F(ImportLayoutTest, OnlyARowWithoutAUsableNameIsInvalidAndItsProblemReadsInOneForm) {
  const ImportResult run = Members("bad.csv",
                                   "No.,会社名,電話番号\n"
                                   "1,株式会社一関精工,0191-23-4567\n"
                                   "2,,0191-23-4568\n"
                                   "3,株式会社,0191-23-4569\n");
  EXPECT_EQ(run.code, 4);
  EXPECT_THAT(run.err, HasSubstr("bad.csv: line 3, column B (会社名): name is empty"));
  EXPECT_THAT(run.err, HasSubstr("bad.csv: line 4, column B (会社名) 「株式会社」: the name has "
                                 "nothing but a legal form"));
  EXPECT_THAT(run.err, HasSubstr("2 of 3 rows are invalid"));
}

TEST_F(ImportLayoutTest, AUtf8ListWithABomReadsTheSame) {
  const ImportResult run = Members("bom.csv",
                                   "\xEF\xBB\xBF会員No,事業者名,住所,TEL,入会年月\n"
                                   "1,株式会社一関精工,一関市山目字中野12,0191-23-4567,2015年4月\n",
                                   /*cp932=*/false);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("UTF-8 (BOM)"));
  EXPECT_THAT(run.out, HasSubstr("入会年月 → joined"));
  ASSERT_EQ(Memberships().size(), 1u);
  EXPECT_EQ(Memberships()[0].since().month(), 4);
}

TEST_F(ImportLayoutTest, AnExcelWorkbookIsReadDirectlyAndKeepsAllThirteenDigits) {
  options_ = Options(v1::IMPORT_KIND_MEMBERS, WriteWorkbook(dir_.path(), "会員名簿.xlsx",
                                                            kMemberWorkbook));
  const ImportResult run = Import(options_);
  ASSERT_EQ(run.code, 0) << run.out << run.err;
  EXPECT_THAT(run.out, HasSubstr("Excel workbook, sheet 「会員名簿」"));
  EXPECT_THAT(run.out, HasSubstr("done: 3 rows read; created 2"));
  const std::map<std::string, v1::Organization> held = Held();
  EXPECT_EQ(held.at("株式会社一関精工").corporate_number(), "8402501099001");
  const v1::Organization& diecast = held.at("株式会社北上ダイカスト");
  ASSERT_EQ(diecast.sites_size(), 1);
  EXPECT_EQ(diecast.sites(0).display_name(), "一関工場");
  EXPECT_EQ(diecast.sites(0).phone(), "0191-24-9100");  // Excel's dropped 0 put back
  // Problems name Excel's row and column.
  EXPECT_THAT(run.err, HasSubstr("line 6, column F (電話番号) 「191249100」: Excel dropped"));
  bool since = false;
  for (const v1::Membership& m : Memberships()) {
    since = since || (m.since().year() == 2015 && m.since().month() == 4 && m.since().day() == 1);
  }
  EXPECT_TRUE(since);

  // Another sheet.
  options_.sheet = "賛助会員";
  const ImportResult other = Import(options_);
  ASSERT_EQ(other.code, 0) << other.out << other.err;
  EXPECT_THAT(other.out, HasSubstr("done: 1 rows read; created 1"));
}

}  // namespace
}  // namespace renkei::importer
