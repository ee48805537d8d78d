#include "importer/org_rows.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "importer/row_source.h"

namespace renkei::importer {
namespace {

using ::testing::HasSubstr;

// The rows of a small UTF-8 member list.
std::vector<Converted> Convert(const std::string& csv, const std::string& network = "networks/3") {
  auto source = OpenBytes(csv, "list.csv", ColumnRules(), {});
  EXPECT_TRUE(source.ok()) << source.status();
  std::vector<Converted> rows;
  if (!source.ok()) return rows;
  MappedRow row;
  OrgRowOptions options;
  options.network = network;
  while ((*source)->Next(&row)) rows.push_back(ConvertOrganizationRow(row, options));
  EXPECT_TRUE((*source)->status().ok());
  return rows;
}

TEST(OrgRowsTest, ValuesAsExcelLeavesThem) {
  const std::vector<Converted> rows = Convert(
      "会員番号,事業所名,所在地,市町村,電話番号,代表者,業種,法人番号,入会年度,役職,従業員数,資本金\n"
      "７,㈱一関精工,字北方一七四番地,一関市千厩町,23-4567,千葉 一郎,金型・精密加工、めっき,"
      "3402501000468,平成15年度,副会長,120名,\"1,000万円\"\n");
  ASSERT_EQ(rows.size(), 1u);
  const Converted& c = rows[0];
  EXPECT_TRUE(c.problems.empty()) << c.problems[0].ToString();
  const v1::Organization& org = c.row.organization();
  EXPECT_EQ(c.row.row(), 1);
  EXPECT_EQ(org.display_name(), "㈱一関精工");  // the server reads the legal form
  EXPECT_EQ(org.address().prefecture(), "岩手県");
  EXPECT_EQ(org.address().city(), "一関市");
  EXPECT_EQ(org.address().district(), "千厩");
  EXPECT_THAT(org.address().street(), HasSubstr("174"));
  // A local number gets the area code of its town.
  EXPECT_EQ(org.contact().phone(), "0191-23-4567");
  EXPECT_EQ(org.corporate_number(), "3402501000468");
  EXPECT_EQ(org.representative(), "千葉 一郎");
  EXPECT_THAT(org.industries(), ::testing::ElementsAre("金型・精密加工", "めっき"));
  EXPECT_EQ(org.employees(), 120);
  EXPECT_EQ(org.capital_yen(), 10'000'000);
  const v1::Membership& m = c.row.membership();
  EXPECT_EQ(m.role(), v1::MEMBER_ROLE_VICE_PRESIDENT);
  EXPECT_EQ(m.role_label(), "");
  EXPECT_EQ(m.since().year(), 2003);
  EXPECT_EQ(m.since().month(), 4);  // a 年度 starts in April
  EXPECT_EQ(m.since().day(), 1);
  ASSERT_EQ(m.external_ids_size(), 1);
  EXPECT_EQ(m.external_ids(0).source(), "networks/3/member-no");
  EXPECT_EQ(m.external_ids(0).value(), "7");
}

TEST(OrgRowsTest, CorporateNumbersExcelBrokeAreNotesNotEvidence) {
  const std::vector<Converted> rows = Convert(
      "事業所名,法人番号\n"
      "株式会社A,4.402E+12\n"
      "株式会社B,7402501000469\n"
      "株式会社C,\n"
      "株式会社D,402501000468\n");
  ASSERT_EQ(rows.size(), 4u);
  for (const Converted& c : rows) {
    EXPECT_TRUE(c.problems.empty());
    EXPECT_EQ(c.row.organization().corporate_number(), "");
  }
  ASSERT_EQ(rows[0].notes.size(), 1u);
  EXPECT_THAT(rows[0].notes[0].message, HasSubstr("digits lost"));
  EXPECT_EQ(rows[0].notes[0].column, 2);
  ASSERT_EQ(rows[1].notes.size(), 1u);
  EXPECT_THAT(rows[1].notes[0].message, HasSubstr("check digit"));
  EXPECT_TRUE(rows[2].notes.empty());
  ASSERT_EQ(rows[3].notes.size(), 1u);
  EXPECT_THAT(rows[3].notes[0].message, HasSubstr("treated as missing"));
}

TEST(OrgRowsTest, OnlyTheNameMakesARowInvalidOtherBadCellsAreNotes) {
  const std::vector<Converted> rows = Convert(
      "事業所名,電話番号,入会年度,資本金,従業員数\n"
      ",0191-23-456,平成40年,たくさん,多数\n");
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].problems.size(), 1u);
  EXPECT_EQ(rows[0].problems[0].ToString(),
            "line 2, column A (事業所名): name is empty: a row without a name cannot be imported");
  std::vector<int> columns;
  for (const Problem& p : rows[0].notes) {
    columns.push_back(p.column);
    EXPECT_EQ(p.line, 2);
  }
  EXPECT_THAT(columns, ::testing::UnorderedElementsAre(2, 3, 4, 5));
  EXPECT_EQ(rows[0].notes[0].ToString(),
            "line 2, column B (電話番号) 「0191-23-456」: phone has 9 digits; a number with its "
            "area code has 10 (11 for mobiles); left out");
}

TEST(OrgRowsTest, ExcelsDroppedLeadingZerosComeBack) {
  const std::vector<Converted> rows = Convert(
      "事業所名,電話番号,FAX,郵便番号\n"
      "株式会社一関精工,191231522,191231523,210041\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].problems.empty());
  const v1::Organization& o = rows[0].row.organization();
  EXPECT_EQ(o.contact().phone(), "0191-23-1522");
  EXPECT_EQ(o.contact().fax(), "0191-23-1523");
  EXPECT_EQ(o.address().postal_code(), "021-0041");
  ASSERT_EQ(rows[0].notes.size(), 3u);
  EXPECT_THAT(rows[0].notes[0].message, HasSubstr("Excel dropped the leading 0"));
}

TEST(OrgRowsTest, RolesKeepTheirWordsWhenTheySayMore) {
  const std::vector<Converted> rows = Convert(
      "事業所名,区分\nA社,会長\nB社,部会長\nC社,賛助会員\nD社,正会員\nE社,常任理事\n");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].row.membership().role(), v1::MEMBER_ROLE_PRESIDENT);
  EXPECT_EQ(rows[1].row.membership().role(), v1::MEMBER_ROLE_MEMBER);
  EXPECT_EQ(rows[1].row.membership().role_label(), "部会長");
  EXPECT_EQ(rows[2].row.membership().role(), v1::MEMBER_ROLE_SUPPORTING_MEMBER);
  EXPECT_EQ(rows[3].row.membership().role(), v1::MEMBER_ROLE_MEMBER);
  EXPECT_EQ(rows[4].row.membership().role(), v1::MEMBER_ROLE_DIRECTOR);
  EXPECT_EQ(rows[4].row.membership().role_label(), "常任理事");
}

TEST(OrgRowsTest, PreMergerAddressesBecomeTodaysCity) {
  const std::vector<Converted> rows = Convert(
      "事業所名,所在地,電話番号\nA社,東磐井郡千厩町千厩字北方174,(0191)52-1234\n");
  ASSERT_EQ(rows.size(), 1u);
  const v1::Address& a = rows[0].row.organization().address();
  EXPECT_EQ(a.city(), "一関市");
  EXPECT_EQ(a.district(), "千厩");
  EXPECT_EQ(rows[0].row.organization().contact().phone(), "0191-52-1234");
}

TEST(OrgRowsTest, ATitleInTheRepresentativeCellIsSetApart) {
  const std::vector<Converted> rows = Convert("事業所名,代表者\nA社,代表取締役　小野寺 茂樹\nB社,千葉 一郎\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].row.organization().representative(), "小野寺 茂樹");
  EXPECT_EQ(rows[0].row.organization().representative_title(), "代表取締役");
  EXPECT_EQ(rows[1].row.organization().representative(), "千葉 一郎");
  EXPECT_EQ(rows[1].row.organization().representative_title(), "");
}

TEST(OrgRowsTest, KanaIsFullWidthKatakana) {
  const std::vector<Converted> rows =
      Convert("事業所名,フリガナ\nA社,ｲﾁﾉｾｷｾｲｺｳ\nB社,いちのせき でんし\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].row.organization().kana(), "イチノセキセイコウ");
  EXPECT_EQ(rows[1].row.organization().kana(), "イチノセキデンシ");
}

TEST(OrgRowsTest, LineBreaksInCellsBecomeSpaces) {
  const std::vector<Converted> rows = Convert(
      "事業所名,所在地\r\nA社,\"岩手県一関市萩荘字竹際55-2\n（本社・第一工場）\"\r\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].row.organization().address().street(), "萩荘字竹際55-2 （本社・第一工場）");
}

TEST(OrgRowsTest, AreaCodesOfTheRegion) {
  EXPECT_EQ(AreaCodeOf("一関市"), "0191");
  EXPECT_EQ(AreaCodeOf("西磐井郡平泉町"), "0191");
  EXPECT_EQ(AreaCodeOf("奥州市"), "0197");
  EXPECT_EQ(AreaCodeOf("栗原市"), "0228");
  EXPECT_EQ(AreaCodeOf("札幌市"), "");
}

TEST(OrgRowsTest, CorporateRegistryRows) {
  CorporateRecord record;
  record.line = 3;
  record.corporate_number = "3402501000468";
  record.name = "株式会社一関精工";
  record.kana = "イチノセキセイコウ";
  record.prefecture = "岩手県";
  record.city = "一関市";
  record.street = "千厩町千厩字北方１７４";
  record.postal_code = "0290803";
  const Converted c = ConvertCorporateRecord(record, 3);
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(c.row.row(), 3);
  EXPECT_EQ(c.row.organization().corporate_number(), "3402501000468");
  EXPECT_EQ(c.row.organization().address().city(), "一関市");
  EXPECT_EQ(c.row.organization().address().postal_code(), "029-0803");
  record.name.clear();
  EXPECT_EQ(ConvertCorporateRecord(record, 3).problems.size(), 1u);
}

}  // namespace
}  // namespace renkei::importer
