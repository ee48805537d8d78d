#include "importer/column_mapping.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "importer/encoding.h"
#include "importer/table_layout.h"
#include "tests/importer/resolve_data.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::importer::testing::ReadDataFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// The field name a header means under `rules`, "(ignored)" or "?".
std::string Meaning(absl::string_view header, const ColumnRules& rules = ColumnRules()) {
  const ColumnRules::Meaning meaning = rules.Recognize(header);
  switch (meaning.kind) {
    case ColumnRules::Meaning::kField:
      return std::string(FieldName(meaning.field));
    case ColumnRules::Meaning::kIgnored:
      return "(ignored)";
    case ColumnRules::Meaning::kUnknown:
      return "?";
  }
  return "";
}

// The field names the header of a delivered list maps to.
std::vector<std::string> MappedHeader(absl::string_view file) {
  auto decoded = Decode(ReadDataFile(file));
  if (!decoded.ok()) return {decoded.status().ToString()};
  auto table = TableReader::Open(decoded->utf8, ColumnRules(), {});
  if (!table.ok()) return {table.status().ToString()};
  std::vector<std::string> fields;
  for (const std::string& cell : (*table)->header()) {
    fields.push_back(Meaning(cell));
  }
  return fields;
}

TEST(ColumnMappingTest, HeadersOfTheDeliveredListsMapByThemselves) {
  EXPECT_THAT(MappedHeader("cci_kogyo_bukai.csv"),
              ElementsAre("member_no", "name", "representative", "address", "phone", "industry"));
  EXPECT_THAT(MappedHeader("ryoban_plaza.csv"),
              ElementsAre("name", "address", "phone", "representative", "role"));
  EXPECT_THAT(
      MappedHeader("iwate_semicon.csv"),
      ElementsAre("member_no", "name", "kana", "corporate_number", "address", "phone", "joined"));
  EXPECT_THAT(MappedHeader("senmaya_kogyo_club.csv"),
              ElementsAre("?", "name", "representative", "address", "phone", "?"));  // 番号, 備考
  EXPECT_THAT(
      MappedHeader("kennan_tech_sanjo.csv"),
      ElementsAre("role", "name", "address", "phone", "representative_title", "representative"));
  EXPECT_THAT(MappedHeader("ryoban_shinko_h16.csv"),
              ElementsAre("?", "name", "representative", "address", "phone", "fax"));  // No.
}

TEST(ColumnMappingTest, EveryBuiltInWord) {
  const std::pair<const char*, const char*> words[] = {
      {"会社名", "name"},
      {"企業名", "name"},
      {"事業所名", "name"},
      {"名称", "name"},
      {"賛助会員名", "name"},
      {"会員名", "name"},
      {"事業者名", "name"},
      {"法人名", "name"},
      {"フリガナ", "kana"},
      {"ふりがな", "kana"},
      {"カナ", "kana"},
      {"読み", "kana"},
      {"所在地", "address"},
      {"住所", "address"},
      {"市町村", "city"},
      {"市区町村", "city"},
      {"郵便番号", "postal_code"},
      {"〒", "postal_code"},
      {"電話番号", "phone"},
      {"電話", "phone"},
      {"TEL", "phone"},
      {"Tel", "phone"},
      {"FAX", "fax"},
      {"代表者", "representative"},
      {"代表者名", "representative"},
      {"代表者氏名", "representative"},
      {"代表者役職", "representative_title"},
      {"業種", "industry"},
      {"業種名", "industry"},
      {"法人番号", "corporate_number"},
      {"会員番号", "member_no"},
      {"会員No", "member_no"},
      {"会員No.", "member_no"},
      {"役職", "role"},
      {"区分", "role"},
      {"会員区分", "role"},
      {"入会年度", "joined"},
      {"入会日", "joined"},
      {"加入年度", "joined"},
      {"URL", "url"},
      {"ホームページ", "url"},
      {"メール", "email"},
      {"E-mail", "email"},
      {"従業員数", "employees"},
      {"資本金", "capital"},
      {"事業所", "site"},
      {"工場名", "site"},
  };
  for (const auto& [word, field] : words) {
    EXPECT_EQ(Meaning(word), field) << word;
  }
}

TEST(ColumnMappingTest, WidthCaseSpacesAndMarksDoNotMatter) {
  EXPECT_EQ(Meaning("ＴＥＬ"), "phone");
  EXPECT_EQ(Meaning("tel"), "phone");
  EXPECT_EQ(Meaning("ﾌﾘｶﾞﾅ"), "kana");
  EXPECT_EQ(Meaning(" 会社名　"), "name");
  EXPECT_EQ(Meaning("電話 番号"), "phone");
  EXPECT_EQ(Meaning("会員Ｎｏ．"), "member_no");
  EXPECT_EQ(Meaning("会員Ｎｏ"), "member_no");
  EXPECT_EQ(Meaning("企業・団体名"), "name");
  EXPECT_EQ(Meaning("※会社名"), "name");
  EXPECT_EQ(Meaning("会社名*"), "name");
  EXPECT_EQ(Meaning("所在地："), "address");
  EXPECT_EQ(Meaning("e-mail"), "email");
}

TEST(ColumnMappingTest, BracketsAreReadSensibly) {
  EXPECT_EQ(Meaning("会社名（株）"), "name");
  EXPECT_EQ(Meaning("電話番号(代表)"), "phone");
  EXPECT_EQ(Meaning("代表者（役職）"), "representative_title");
  EXPECT_EQ(Meaning("会社名（カナ）"), "kana");
  EXPECT_EQ(Meaning("会社名フリガナ"), "kana");
  EXPECT_EQ(Meaning("【所在地】"), "address");
}

TEST(ColumnMappingTest, WordsInsideOtherWordsAreNotHeaders) {
  EXPECT_EQ(Meaning("会員名簿"), "?");
  EXPECT_EQ(Meaning("一関商工会議所　工業部会　会員名簿"), "?");
  EXPECT_EQ(Meaning("令和7年4月1日現在"), "?");
  EXPECT_EQ(Meaning("備考"), "?");
  EXPECT_EQ(Meaning("代表"), "?");
  // A bare No. or 番号 counts rows as often as it numbers members.
  EXPECT_EQ(Meaning("No."), "?");
  EXPECT_EQ(Meaning("番号"), "?");
  EXPECT_EQ(Meaning(""), "?");
}

TEST(ColumnMappingTest, OverridesComeFirst) {
  ColumnRules rules;
  ASSERT_OK(rules.AddOverride("備考=role"));
  ASSERT_OK(rules.AddOverride(" TEL = fax "));
  ASSERT_OK(rules.AddOverride("番号=ignore"));
  ASSERT_OK(rules.AddOverride("担当=-"));
  EXPECT_EQ(Meaning("備考", rules), "role");
  EXPECT_EQ(Meaning("ＴＥＬ", rules), "fax");  // compared normalized
  EXPECT_EQ(Meaning("番号", rules), "(ignored)");
  EXPECT_EQ(Meaning("担当", rules), "(ignored)");
  EXPECT_TRUE(rules.Recognize("備考").overridden);
  EXPECT_FALSE(rules.Recognize("会社名").overridden);
  EXPECT_EQ(Meaning("会社名", rules), "name");
}

TEST(ColumnMappingTest, BadOverridesAreErrors) {
  ColumnRules rules;
  EXPECT_THAT(rules.AddOverride("会社名").message(), HasSubstr("no '='"));
  EXPECT_THAT(rules.AddOverride("=name").message(), HasSubstr("names no column"));
  const absl::Status unknown = rules.AddOverride("会社名=company");
  EXPECT_EQ(unknown.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown.message(), HasSubstr("unknown field \"company\""));
  EXPECT_THAT(unknown.message(), HasSubstr("representative_title"));
}

TEST(ColumnMappingTest, MappingFileWithCommentsAndCrlf) {
  ColumnRules rules;
  ASSERT_OK(rules.AddOverrides(
      "# 千厩町工業クラブ\r\n\r\n備考 = role\r\n  # 旧様式\r\n氏名=representative\r\n",
      "club.map"));
  EXPECT_EQ(Meaning("備考", rules), "role");
  EXPECT_EQ(Meaning("氏名", rules), "representative");
  EXPECT_THAT(rules.override_columns(), ElementsAre("備考", "氏名"));
}

TEST(ColumnMappingTest, MappingFileErrorNamesFileAndLine) {
  ColumnRules rules;
  const absl::Status status = rules.AddOverrides("# map\n備考=role\n会社名=nmae\n", "club.map");
  EXPECT_THAT(status.message(), HasSubstr("club.map: line 3:"));
  EXPECT_THAT(status.message(), HasSubstr("nmae"));
}

TEST(ColumnMappingTest, TwoColumnsForOneFieldReadTheFirst) {
  auto mapping = MapColumns({"会社名", "電話", "住所", "TEL"}, ColumnRules());
  ASSERT_OK(mapping);
  EXPECT_EQ(mapping->ColumnOf(Field::kPhone), 1);
  EXPECT_THAT(mapping->Describe(), HasSubstr("TEL → (ignored: also phone: column B (電話) is read)"));
  // An override chooses the other.
  ColumnRules rules;
  ASSERT_OK(rules.AddOverride("電話=ignore"));
  auto settled = MapColumns({"会社名", "電話", "住所", "TEL"}, rules);
  ASSERT_OK(settled);
  EXPECT_EQ(settled->ColumnOf(Field::kPhone), 3);
  // Two overrides for one field are the user's mistake.
  ColumnRules twice;
  ASSERT_OK(twice.AddOverride("電話=phone"));
  ASSERT_OK(twice.AddOverride("TEL=phone"));
  EXPECT_THAT(MapColumns({"会社名", "電話", "住所", "TEL"}, twice).status().message(),
              HasSubstr("columns 2 (電話) and 4 (TEL) both map to phone by --map"));
}

TEST(ColumnMappingTest, ACompanyColumnAndAPlantColumnAreNameAndSite) {
  const std::vector<std::vector<std::string>> sample = {
      {"株式会社北上ダイカスト", "本社"}, {"株式会社北上ダイカスト", "一関工場"}, {"株式会社一関精工", ""}};
  auto mapping = MapColumns({"会社名", "事業所名"}, ColumnRules(), sample);
  ASSERT_OK(mapping);
  EXPECT_EQ(mapping->ColumnOf(Field::kName), 0);
  EXPECT_EQ(mapping->ColumnOf(Field::kSite), 1);
  // The other way round, and the header alone when the values say nothing.
  mapping = MapColumns({"事業所名", "企業名"}, ColumnRules(),
                       {{"一関工場", "株式会社北上ダイカスト"}, {"千厩事業所", "平泉電子株式会社"}});
  ASSERT_OK(mapping);
  EXPECT_EQ(mapping->ColumnOf(Field::kName), 1);
  EXPECT_EQ(mapping->ColumnOf(Field::kSite), 0);
  mapping = MapColumns({"企業名", "事業所名"}, ColumnRules(), {{"北上ダイカスト", "北上ダイカスト一関"}});
  ASSERT_OK(mapping);
  EXPECT_EQ(mapping->ColumnOf(Field::kSite), 1);
}

TEST(ColumnMappingTest, ColumnsWithoutAKnownHeaderAreReadByTheirValues) {
  const std::vector<std::vector<std::string>> sample = {
      {"1", "8402501099001", "株式会社一関精工", "〒021-0041", "0191-23-4567", "0191-23-4568", "H15", "ｲﾁﾉｾｷｾｲｺｳ"},
      {"2", "7402501099002", "株式会社平泉電子", "〒029-4102", "0191-46-1111", "0191-46-1112", "平成20年度", "ﾋﾗｲｽﾞﾐﾃﾞﾝｼ"}};
  auto mapping = MapColumns({"No.", "", "会員", "A", "B", "C", "D", "E"}, ColumnRules(), sample);
  ASSERT_OK(mapping);
  EXPECT_EQ(mapping->ColumnOf(Field::kMemberNo), std::nullopt);  // a counter stays a counter
  EXPECT_EQ(mapping->ColumnOf(Field::kCorporateNumber), 1);
  EXPECT_EQ(mapping->ColumnOf(Field::kName), 2);
  EXPECT_EQ(mapping->ColumnOf(Field::kPostalCode), 3);
  EXPECT_EQ(mapping->ColumnOf(Field::kPhone), 4);
  EXPECT_EQ(mapping->ColumnOf(Field::kFax), 5);
  EXPECT_EQ(mapping->ColumnOf(Field::kJoined), 6);
  EXPECT_EQ(mapping->ColumnOf(Field::kKana), 7);
  // A header word wins over values: 電話 stays the phone.
  mapping = MapColumns({"会社名", "電話"}, ColumnRules(), {{"株式会社一関精工", "8402501099001"}});
  ASSERT_OK(mapping);
  EXPECT_EQ(mapping->ColumnOf(Field::kPhone), 1);
}

TEST(ColumnMappingTest, DescribeShowsEveryColumn) {
  ColumnRules rules;
  ASSERT_OK(rules.AddOverride("備考=role"));
  ASSERT_OK(rules.AddOverride("旧会社名=ignore"));
  auto mapping = MapColumns({"番号", "会社名", "代表者", "担当", "備考", ""}, rules);
  ASSERT_OK(mapping);
  const std::vector<std::string> lines =
      absl::StrSplit(mapping->Describe(), '\n', absl::SkipEmpty());
  EXPECT_THAT(lines, ElementsAre("番号 → (ignored)", "会社名 → name", "代表者 → representative",
                                 "担当 → (ignored)", "備考 → role (--map)",
                                 "(column 6, no header) → (ignored)",
                                 "(--map 旧会社名 matched no column)"));
  EXPECT_EQ(mapping->ColumnOf(Field::kName), 1);
  EXPECT_EQ(mapping->ColumnOf(Field::kUrl), std::nullopt);
}

TEST(ColumnMappingTest, OverrideMatchingABracketedHeaderIsUsed) {
  ColumnRules rules;
  ASSERT_OK(rules.AddOverride("担当者=representative"));
  auto mapping = MapColumns({"会社名", "担当者（役職）"}, rules);
  ASSERT_OK(mapping);
  EXPECT_THAT(mapping->Describe(), Not(HasSubstr("matched no column")));
}

TEST(ColumnMappingTest, FieldNamesRoundTrip) {
  for (int i = 0; i < kFieldCount; ++i) {
    const Field field = static_cast<Field>(i);
    auto parsed = ParseFieldName(FieldName(field));
    ASSERT_OK(parsed);
    EXPECT_EQ(*parsed, field);
    // A JSON key that is a field's name maps to it.
    EXPECT_EQ(Meaning(FieldName(field)), FieldName(field));
  }
  EXPECT_EQ(ParseFieldName("Phone").value_or(Field::kName), Field::kPhone);
}

}  // namespace
}  // namespace renkei::importer
