#include "importer/values.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "importer/row_source.h"
#include "tests/importer/resolve_data.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::importer::testing::DataPath;
using ::testing::HasSubstr;

// Every data row of a delivered list.
std::vector<MappedRow> Rows(absl::string_view file) {
  std::vector<MappedRow> rows;
  auto source = OpenFile(DataPath(file), ColumnRules(), {});
  EXPECT_OK(source) << file;
  if (!source.ok()) return rows;
  MappedRow row;
  while ((*source)->Next(&row)) rows.push_back(row);
  EXPECT_OK((*source)->status()) << file;
  return rows;
}

std::vector<std::string> AllFiles() {
  std::vector<std::string> files = testing::CsvFiles();
  files.push_back("kitakamigawa_monozukuri.jsonl");
  return files;
}

// ------------------------------------------------------------- 法人番号

std::string CorporateNumber(absl::string_view text) {
  auto number = ParseCorporateNumber(text);
  return number.ok() ? *number : number.status().ToString();
}

TEST(CorporateNumberTest, DigitsInAnyWidthAndSpacing) {
  for (const char* text :
       {"6402001000412", "６４０２００１０００４１２", " 6402001000412 ", "6402-0010-00412",
        "'6402001000412", "6402001000412.0", "6 402001 000412"}) {
    EXPECT_EQ(CorporateNumber(text), "6402001000412") << text;
  }
}

TEST(CorporateNumberTest, ScientificNotationLostTheDigits) {
  for (const char* text : {"4.402E+12", "4.40201E+12", "6.40E+12", "6.402e+12", "６．４０Ｅ＋１２",
                           "6E+12", "6.40E12"}) {
    auto number = ParseCorporateNumber(text);
    EXPECT_EQ(number.status().code(), absl::StatusCode::kDataLoss) << text;
    EXPECT_THAT(number.status().message(),
                HasSubstr("digits lost (Excel scientific notation); treat as "
                          "missing"))
        << text;
  }
}

TEST(CorporateNumberTest, ScientificNotationWithAllThirteenDigitsIsRecovered) {
  EXPECT_EQ(CorporateNumber("6.402001000412E+12"), "6402001000412");
  // 13 digits in the mantissa but the wrong power: still lost.
  EXPECT_EQ(ParseCorporateNumber("6.402001000412E+11").status().code(),
            absl::StatusCode::kDataLoss);
}

TEST(CorporateNumberTest, WrongCheckDigitSaysSo) {
  // The typo of iwate_semicon.csv row 1: the last two digits swapped.
  auto number = ParseCorporateNumber("7402001000425");
  EXPECT_EQ(number.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(number.status().message(), HasSubstr("check digit"));
  EXPECT_EQ(CorporateNumber("7402001000452"), "7402001000452");
}

TEST(CorporateNumberTest, MissingAndMalformed) {
  for (const char* text : {"", "　", "なし", "－", "不明"}) {
    EXPECT_EQ(ParseCorporateNumber(text).status().code(), absl::StatusCode::kNotFound) << text;
  }
  EXPECT_THAT(ParseCorporateNumber("640200100041").status().message(), HasSubstr("has 12 digits"));
  EXPECT_THAT(ParseCorporateNumber("64020010004123").status().message(),
              HasSubstr("has 14 digits"));
  EXPECT_THAT(ParseCorporateNumber("6402001000412号").status().message(),
              HasSubstr("not a number"));
}

TEST(CorporateNumberTest, SemiconListDefectsAreWhatItsReadmeSays) {
  const auto truth = testing::Truth();
  const auto numbers = testing::EntityCorporateNumbers();
  std::map<int, std::string> entity_of_row;
  for (const auto& row : truth) {
    if (row.file == "iwate_semicon.csv") entity_of_row[row.row] = row.entity_id;
  }
  const std::set<int> lost = {2, 8, 17, 26, 35};
  const std::set<int> typos = {1, 22, 39};
  const std::vector<MappedRow> rows = Rows("iwate_semicon.csv");
  ASSERT_EQ(rows.size(), 48);
  for (const MappedRow& row : rows) {
    auto number = ParseCorporateNumber(row.value(Field::kCorporateNumber));
    if (lost.contains(row.number)) {
      EXPECT_EQ(number.status().code(), absl::StatusCode::kDataLoss) << "row " << row.number;
    } else if (typos.contains(row.number)) {
      EXPECT_THAT(number.status().message(), HasSubstr("check digit")) << "row " << row.number;
    } else if (row.number == 12) {
      EXPECT_EQ(number.status().code(), absl::StatusCode::kNotFound);
    } else {
      ASSERT_OK(number) << "row " << row.number;
      EXPECT_EQ(*number, numbers.at(entity_of_row.at(row.number))) << "row " << row.number;
    }
  }
}

// ------------------------------------------------------------------ years

std::string Year(absl::string_view text) {
  auto year = ParseYear(text);
  if (!year.ok()) return year.status().ToString();
  std::string out = absl::StrCat(year->year, year->fiscal ? "年度" : "");
  if (year->month != 0) absl::StrAppend(&out, "-", year->month);
  if (year->day != 0) absl::StrAppend(&out, "-", year->day);
  return out;
}

TEST(YearTest, JapaneseEras) {
  EXPECT_EQ(Year("H15"), "2003");
  EXPECT_EQ(Year("Ｈ１５"), "2003");
  EXPECT_EQ(Year("h.15"), "2003");
  EXPECT_EQ(Year("平成15年"), "2003");
  EXPECT_EQ(Year("平成15年度"), "2003年度");
  EXPECT_EQ(Year("平成十五年"), "2003");
  EXPECT_EQ(Year("平15"), "2003");
  EXPECT_EQ(Year("R2"), "2020");
  EXPECT_EQ(Year("令和2年度"), "2020年度");
  EXPECT_EQ(Year("令和元年"), "2019");
  EXPECT_EQ(Year("令和元年度"), "2019年度");
  EXPECT_EQ(Year("S58"), "1983");
  EXPECT_EQ(Year("昭和58年"), "1983");
  EXPECT_EQ(Year("平成元年"), "1989");
  EXPECT_EQ(Year("S64"), "1989");
  EXPECT_EQ(Year("H31"), "2019");
  EXPECT_EQ(Year("T15"), "1926");
}

TEST(YearTest, WesternYearsAndDates) {
  EXPECT_EQ(Year("2003"), "2003");
  EXPECT_EQ(Year("２００３"), "2003");
  EXPECT_EQ(Year("2003年"), "2003");
  EXPECT_EQ(Year("2003年度"), "2003年度");
  EXPECT_EQ(Year("2003/4/1"), "2003-4-1");
  EXPECT_EQ(Year("2003-04-01"), "2003-4-1");
  EXPECT_EQ(Year("2003.4"), "2003-4");
  EXPECT_EQ(Year("2003年4月1日"), "2003-4-1");
  EXPECT_EQ(Year("平成15年4月1日"), "2003-4-1");
  EXPECT_EQ(Year("H15.4.1"), "2003-4-1");
  EXPECT_EQ(Year("2024/2/29"), "2024-2-29");
}

TEST(YearTest, ExcelDateSerial) {
  EXPECT_EQ(Year("37712"), "2003-4-1");
  EXPECT_EQ(Year("45383"), "2024-4-1");
}

TEST(YearTest, OutOfRangeAndUnreadable) {
  EXPECT_THAT(Year("H32"), HasSubstr("平成 has no year 32 (it ran 1–31)"));
  EXPECT_THAT(Year("S65"), HasSubstr("has no year 65"));
  EXPECT_THAT(Year("R0"), HasSubstr("has no year 0"));
  EXPECT_THAT(Year("03"), HasSubstr("two digits"));
  EXPECT_THAT(Year("1850"), HasSubstr("out of range"));
  EXPECT_THAT(Year("2003/2/30"), HasSubstr("no such month or day"));
  EXPECT_THAT(Year("2003/13/1"), HasSubstr("no such month or day"));
  EXPECT_THAT(Year("2003年頃"), HasSubstr("INVALID_ARGUMENT"));
  EXPECT_THAT(Year("平成"), HasSubstr("needs a year number"));
  EXPECT_THAT(Year("設立時"), HasSubstr("INVALID_ARGUMENT"));
  EXPECT_EQ(ParseYear(" ").status().code(), absl::StatusCode::kNotFound);
}

TEST(YearTest, SemiconJoinedYears) {
  std::map<int, std::string> years;
  for (const MappedRow& row : Rows("iwate_semicon.csv")) {
    years[row.number] = Year(row.value(Field::kJoined));
    EXPECT_THAT(years[row.number], ::testing::MatchesRegex("20[0-2][0-9](年度)?"))
        << "row " << row.number << ": " << row.value(Field::kJoined);
  }
  EXPECT_EQ(years[1], "2008");       // H20
  EXPECT_EQ(years[3], "2009年度");   // 平成21年度
  EXPECT_EQ(years[10], "2019");      // R1
  EXPECT_EQ(years[12], "2020年度");  // 令和2年度
  EXPECT_EQ(years[23], "2020");      // R2
}

// ----------------------------------------------------------------- phones

std::string PhoneOf(absl::string_view text) {
  auto phone = ParsePhone(text);
  if (!phone.ok()) return phone.status().ToString();
  std::string out = phone->formatted;
  if (phone->missing_area_code) absl::StrAppend(&out, " (local)");
  if (!phone->extension.empty()) absl::StrAppend(&out, " ext ", phone->extension);
  return out;
}

TEST(PhoneTest, EveryShapeOfOneNumber) {
  for (const char* text :
       {"0191(23)4567", "0191-23-4567", "0191234567", "(0191)23-4567", "０１９１－２３－４５６７",
        "０１９１（２３）４５６７", "TEL:0191-23-4567", "Tel 0191-23-4567", "電話 0191 23 4567",
        "0191ー23ー4567", "0191‐23‐4567", "0191―23―4567", "+81-191-23-4567", "+81 (0)191 23 4567",
        "0191.23.4567", "TEL 0191-23-4567 FAX 0191-23-4568", "0191-23-4567、0191-23-4568",
        "0191-23-4567 0191-23-4568", "0191 23 4567 0191 23 4568", "0191-23-4567 090-1234-5678",
        "0191234567/0191234568"}) {
    auto phone = ParsePhone(text);
    ASSERT_OK(phone) << text;
    EXPECT_EQ(phone->formatted, "0191-23-4567") << text;
    EXPECT_EQ(phone->digits, "0191234567") << text;
    EXPECT_FALSE(phone->missing_area_code) << text;
  }
}

TEST(PhoneTest, AreaCodesOfTheRegion) {
  EXPECT_EQ(PhoneOf("0192234567"), "0192-23-4567");  // 大船渡
  EXPECT_EQ(PhoneOf("0193234567"), "0193-23-4567");
  EXPECT_EQ(PhoneOf("0194234567"), "0194-23-4567");
  EXPECT_EQ(PhoneOf("0195234567"), "0195-23-4567");
  EXPECT_EQ(PhoneOf("0197664040"), "0197-66-4040");  // 北上
  EXPECT_EQ(PhoneOf("0198234567"), "0198-23-4567");
  EXPECT_EQ(PhoneOf("0196234567"), "019-623-4567");  // 盛岡
  EXPECT_EQ(PhoneOf("0222123456"), "022-212-3456");  // 仙台
  EXPECT_EQ(PhoneOf("0228223131"), "0228-22-3131");  // 栗原
  EXPECT_EQ(PhoneOf("0226225151"), "0226-22-5151");  // 気仙沼
  EXPECT_EQ(PhoneOf("0220224040"), "0220-22-4040");  // 登米
  EXPECT_EQ(PhoneOf("0312345678"), "03-1234-5678");
}

TEST(PhoneTest, MobileAndFreeDial) {
  EXPECT_EQ(PhoneOf("09012345678"), "090-1234-5678");
  EXPECT_EQ(PhoneOf("080 1234 5678"), "080-1234-5678");
  EXPECT_EQ(PhoneOf("070-1234-5678"), "070-1234-5678");
  EXPECT_EQ(PhoneOf("0120123456"), "0120-123-456");
  EXPECT_EQ(PhoneOf("0120-12-3456"), "0120-123-456");
  EXPECT_EQ(PhoneOf("08001234567"), "0800-123-4567");
  EXPECT_EQ(PhoneOf("090-1234-5678 0191-23-4567"), "090-1234-5678");  // the first of two
}

TEST(PhoneTest, OtherAreaCodesKeepTheWritersGrouping) {
  EXPECT_EQ(PhoneOf("0467-22-1234"), "0467-22-1234");
  EXPECT_EQ(PhoneOf("0467221234"), "0467221234");
}

TEST(PhoneTest, LocalNumberWithoutAreaCode) {
  auto phone = ParsePhone("52-2345");
  ASSERT_OK(phone);
  EXPECT_TRUE(phone->missing_area_code);
  EXPECT_EQ(phone->digits, "522345");
  EXPECT_EQ(phone->formatted, "52-2345");
  EXPECT_EQ(PhoneOf("23-4567"), "23-4567 (local)");
  EXPECT_EQ(PhoneOf("234567"), "23-4567 (local)");
  EXPECT_EQ(PhoneOf("(23)4567"), "23-4567 (local)");
  auto complete = WithAreaCode(*phone, "0191");
  ASSERT_OK(complete);
  EXPECT_EQ(complete->formatted, "0191-52-2345");
  EXPECT_EQ(complete->digits, "0191522345");
  EXPECT_FALSE(complete->missing_area_code);
  EXPECT_FALSE(WithAreaCode(*phone, "019").ok());  // 9 digits
  EXPECT_FALSE(WithAreaCode(*ParsePhone("0191-52-2345"), "0191").ok());
}

TEST(PhoneTest, NotesAndExtensions) {
  EXPECT_EQ(PhoneOf("0191-31-7700(団地代表), 内線21"), "0191-31-7700 ext 21");
  EXPECT_EQ(PhoneOf("0191-31-7700 内線：35"), "0191-31-7700 ext 35");
  EXPECT_EQ(PhoneOf("0191-31-7700 ext.35"), "0191-31-7700 ext 35");
  EXPECT_EQ(PhoneOf("0191-31-7700（代表）"), "0191-31-7700");
}

TEST(PhoneTest, MissingAndMalformed) {
  for (const char* text : {"", " ", "なし", "-", "－", "ー", "TEL"}) {
    EXPECT_EQ(ParsePhone(text).status().code(), absl::StatusCode::kNotFound) << text;
  }
  EXPECT_THAT(PhoneOf("0191-23-456"), HasSubstr("has 9 digits"));
  EXPECT_THAT(PhoneOf("0191-23-45678"), HasSubstr("has 11 digits"));
  EXPECT_THAT(PhoneOf("123"), HasSubstr("3 digits and no area code"));
  EXPECT_THAT(PhoneOf("+1-212-555-0100"), HasSubstr("not a Japanese number"));
}

TEST(PhoneTest, EveryPhoneCellOfTheDeliveredLists) {
  for (const std::string& file : AllFiles()) {
    for (const MappedRow& row : Rows(file)) {
      const std::string& cell = row.value(Field::kPhone);
      auto phone = ParsePhone(cell);
      if (cell.empty()) {
        EXPECT_EQ(phone.status().code(), absl::StatusCode::kNotFound);
        continue;
      }
      ASSERT_OK(phone) << file << " row " << row.number << ": " << cell;
      if (phone->missing_area_code) {
        // Only the club writes local numbers: 52-2345.
        EXPECT_EQ(file, "senmaya_kogyo_club.csv") << cell;
        EXPECT_THAT(phone->formatted, ::testing::MatchesRegex("[0-9]{2}-[0-9]{4}"));
        continue;
      }
      EXPECT_THAT(phone->formatted, ::testing::MatchesRegex("0[0-9]{2,3}-[0-9]{2,3}-[0-9]{4}"))
          << file << " row " << row.number << ": " << cell;
    }
  }
}

// ---------------------------------------------------------- kanji numerals

TEST(KanjiNumeralTest, LotNumbers) {
  EXPECT_EQ(ConvertKanjiNumerals("千厩字北方一七四番地"), "千厩字北方174番地");
  EXPECT_EQ(ConvertKanjiNumerals("千厩字北方一七四"), "千厩字北方174");
  EXPECT_EQ(ConvertKanjiNumerals("一七四番地"), "174番地");
  EXPECT_EQ(ConvertKanjiNumerals("清田字寺沢二十二番地"), "清田字寺沢22番地");
  EXPECT_EQ(ConvertKanjiNumerals("字北方二十三"), "字北方23");
  EXPECT_EQ(ConvertKanjiNumerals("二十三番"), "23番");
  EXPECT_EQ(ConvertKanjiNumerals("字町百二"), "字町102");
  EXPECT_EQ(ConvertKanjiNumerals("百二番地"), "102番地");
  EXPECT_EQ(ConvertKanjiNumerals("千二百番地"), "1200番地");
  EXPECT_EQ(ConvertKanjiNumerals("字寺下一〇"), "字寺下10");
  EXPECT_EQ(ConvertKanjiNumerals("字里前一〇〇"), "字里前100");
  EXPECT_EQ(ConvertKanjiNumerals("字新町三十番地"), "字新町30番地");
  EXPECT_EQ(ConvertKanjiNumerals("十二番地三"), "12番地3");
  EXPECT_EQ(ConvertKanjiNumerals("字北方一七四-一"), "字北方174-1");
  EXPECT_EQ(ConvertKanjiNumerals("字北方一七四ー一"), "字北方174ー1");
  EXPECT_EQ(ConvertKanjiNumerals("字北方一七四の一"), "字北方174の1");
  EXPECT_EQ(ConvertKanjiNumerals("大手町三丁目一番二号"), "大手町3丁目1番2号");
  EXPECT_EQ(ConvertKanjiNumerals("村崎野二十四地割五十"), "村崎野24地割50");
  EXPECT_EQ(ConvertKanjiNumerals("字北方一七四（千厩ビル）"), "字北方174（千厩ビル）");
}

TEST(KanjiNumeralTest, PlaceNamesStay) {
  for (const char* address :
       {"一関市", "一ノ関", "一の関", "千厩町千厩", "三関字仲田", "四日市市", "十文字",
        "一関東第二工業団地", "仙台市青葉区一番町", "二番丁", "萩荘字八幡", "五十人町", "二日町",
        "涌津字一ノ町", "大東町摺沢字三十", "字〇〇番地", "十十番地", "字九条"}) {
    EXPECT_EQ(ConvertKanjiNumerals(address), address);
  }
  EXPECT_EQ(ConvertKanjiNumerals("三関字仲田四〇"), "三関字仲田40");
  EXPECT_EQ(ConvertKanjiNumerals("一関市千厩町千厩字北方一七四番地"),
            "一関市千厩町千厩字北方174番地");
  EXPECT_EQ(ConvertKanjiNumerals("仙台市青葉区一番町一丁目"), "仙台市青葉区一番町1丁目");
}

TEST(KanjiNumeralTest, TheClubsAddresses) {
  const std::map<int, std::string> expected = {
      {1, "東磐井郡千厩町千厩字北方174番地"}, {2, "東磐井郡千厩町千厩字町28"},
      {4, "東磐井郡千厩町奥玉字寺下10"},      {6, "東磐井郡千厩町清田字寺沢22番地"},
      {9, "東磐井郡千厩町千厩字北方220"},     {12, "東磐井郡千厩町奥玉字町12番地"},
      {13, "東磐井郡大東町摺沢字新町30番地"}, {16, "東磐井郡大東町猿沢字中野50番地"},
      {20, "東磐井郡大東町大原字川内20"},     {21, "東磐井郡東山町長坂字里前100"},
      {26, "東磐井郡川崎村門崎字館下20"},     {30, "東磐井郡室根村折壁字愛宕下25"},
      {34, "東磐井郡藤沢町大籠字町30"},
  };
  for (const MappedRow& row : Rows("senmaya_kogyo_club.csv")) {
    const std::string& address = row.value(Field::kAddress);
    auto it = expected.find(row.number);
    EXPECT_EQ(ConvertKanjiNumerals(address), it == expected.end() ? address : it->second)
        << "row " << row.number;
  }
}

TEST(KanjiNumeralTest, AddressesWrittenInDigitsAreUnchanged) {
  // 一関, 一ノ町, 三関, 千厩, 八幡, 第二工業団地 … in every other list.
  for (const std::string& file : AllFiles()) {
    if (file == "senmaya_kogyo_club.csv") continue;
    for (const MappedRow& row : Rows(file)) {
      const std::string& address = row.value(Field::kAddress);
      EXPECT_EQ(ConvertKanjiNumerals(address), address) << file << " row " << row.number;
    }
  }
}

// --------------------------------------------------------------- addresses

std::string Split(absl::string_view address) {
  const AddressParts parts = SplitAddress(address);
  return absl::StrCat(parts.postal_code, "|", parts.prefecture,
                      parts.prefecture_inferred ? "*" : "", "|", parts.city, "|", parts.district,
                      "|", parts.rest, "|", parts.former_municipality);
}

TEST(SplitAddressTest, IchinosekiAndItsDistricts) {
  EXPECT_EQ(Split("岩手県一関市千厩町千厩字北方174-1"),
            "|岩手県|一関市|千厩|千厩町千厩字北方174-1|");
  EXPECT_EQ(Split("一関市山目字中野12-3"), "|岩手県*|一関市|一関|山目字中野12-3|");
  EXPECT_EQ(Split("一関市花泉町涌津字一ノ町30"), "|岩手県*|一関市|花泉|花泉町涌津字一ノ町30|");
  EXPECT_EQ(Split("一関市川崎町薄衣字上町30"), "|岩手県*|一関市|川崎|川崎町薄衣字上町30|");
  EXPECT_EQ(Split("一関市"), "|岩手県*|一関市|||");
  EXPECT_EQ(Split("岩手県　一関市　大東町摺沢字町12"), "|岩手県|一関市|大東|大東町摺沢字町12|");
}

TEST(SplitAddressTest, PreMergerTownsBecomeIchinoseki) {
  EXPECT_EQ(Split("東磐井郡千厩町千厩字北方一七四番地"),
            "|岩手県*|一関市|千厩|千厩町千厩字北方一七四番地|東磐井郡千厩町");
  EXPECT_EQ(Split("岩手県西磐井郡花泉町涌津字一ノ町30"),
            "|岩手県|一関市|花泉|花泉町涌津字一ノ町30|西磐井郡花泉町");
  EXPECT_EQ(Split("東磐井郡大東町摺沢字町12"),
            "|岩手県*|一関市|大東|大東町摺沢字町12|東磐井郡大東町");
  EXPECT_EQ(Split("東磐井郡東山町長坂字里前100"),
            "|岩手県*|一関市|東山|東山町長坂字里前100|東磐井郡東山町");
  EXPECT_EQ(Split("東磐井郡川崎村薄衣字上町30"),
            "|岩手県*|一関市|川崎|川崎町薄衣字上町30|東磐井郡川崎村");
  EXPECT_EQ(Split("東磐井郡室根村折壁字大檀40"),
            "|岩手県*|一関市|室根|室根町折壁字大檀40|東磐井郡室根村");
  EXPECT_EQ(Split("東磐井郡藤沢町黄海字山谷15"),
            "|岩手県*|一関市|藤沢|藤沢町黄海字山谷15|東磐井郡藤沢町");
  // Without the 郡: a 村 is the old form; 千厩町 may be today's without 一関市.
  EXPECT_EQ(Split("室根村折壁字大檀40"), "|岩手県*|一関市|室根|室根町折壁字大檀40|東磐井郡室根村");
  EXPECT_EQ(Split("千厩町千厩字上駒場40"), "|岩手県*|一関市|千厩|千厩町千厩字上駒場40|");
}

TEST(SplitAddressTest, SameTownNamesElsewhereAreNotIchinoseki) {
  EXPECT_EQ(Split("島根県雲南市大東町大東1"), "|島根県|雲南市||大東町大東1|");
  EXPECT_EQ(Split("大阪府大東市谷川1-1"), "|大阪府|大東市||谷川1-1|");
  EXPECT_EQ(Split("神奈川県藤沢市藤沢1"), "|神奈川県|藤沢市||藤沢1|");
}

TEST(SplitAddressTest, CountiesTownsAndCities) {
  EXPECT_EQ(Split("西磐井郡平泉町平泉字佐野原15"), "|岩手県*|西磐井郡平泉町||平泉字佐野原15|");
  EXPECT_EQ(Split("平泉町平泉字北沢12"), "|岩手県*|西磐井郡平泉町||平泉字北沢12|");
  EXPECT_EQ(Split("金ヶ崎町西根森山20"), "|岩手県*|胆沢郡金ケ崎町||西根森山20|");
  EXPECT_EQ(Split("岩手県胆沢郡金ケ崎町西根杉山20-5"), "|岩手県|胆沢郡金ケ崎町||西根杉山20-5|");
  EXPECT_EQ(Split("宮城県登米市迫町佐沼字中江3-5"), "|宮城県|登米市||迫町佐沼字中江3-5|");
  EXPECT_EQ(Split("栗原市築館薬師2-8-1"), "|宮城県*|栗原市||築館薬師2-8-1|");
  EXPECT_EQ(Split("仙台市青葉区一番町1-1"), "|宮城県*|仙台市青葉区||一番町1-1|");
  EXPECT_EQ(Split("三重県四日市市諏訪町1-5"), "|三重県|四日市市||諏訪町1-5|");
  EXPECT_EQ(Split("千葉県市川市八幡1-1"), "|千葉県|市川市||八幡1-1|");
  EXPECT_EQ(Split("東京都千代田区霞が関1-1"), "|東京都|千代田区||霞が関1-1|");
  EXPECT_EQ(Split("福島県耶麻郡猪苗代町字城南1"), "|福島県|耶麻郡猪苗代町||字城南1|");
}

TEST(SplitAddressTest, PostalCodes) {
  EXPECT_EQ(Split("〒024-0002 岩手県北上市北工業団地5-10"),
            "024-0002|岩手県|北上市||北工業団地5-10|");
  EXPECT_EQ(Split("〒０２４－０００２　岩手県北上市北工業団地5-10"),
            "024-0002|岩手県|北上市||北工業団地5-10|");
  EXPECT_EQ(Split("〒0240002 北上市北工業団地5-10"), "024-0002|岩手県*|北上市||北工業団地5-10|");
  EXPECT_EQ(Split("021-0000 一関市大町4-29"), "021-0000|岩手県*|一関市|一関|大町4-29|");
}

TEST(SplitAddressTest, UnknownShapesStayInTheRest) {
  EXPECT_EQ(Split("字北方174"), "||||字北方174|");
  EXPECT_EQ(Split(""), "|||||");
}

TEST(SplitAddressTest, EveryAddressOfTheDeliveredLists) {
  const std::set<std::string> districts = {"一関", "花泉", "大東", "千厩",
                                           "東山", "川崎", "室根", "藤沢"};
  for (const std::string& file : AllFiles()) {
    for (const MappedRow& row : Rows(file)) {
      const AddressParts parts = SplitAddress(row.value(Field::kAddress));
      const std::string where = absl::StrCat(file, " row ", row.number);
      EXPECT_FALSE(parts.city.empty()) << where;
      EXPECT_TRUE(parts.prefecture == "岩手県" || parts.prefecture == "宮城県") << where;
      EXPECT_FALSE(parts.rest.empty()) << where;
      if (parts.city == "一関市") {
        EXPECT_TRUE(districts.contains(parts.district)) << where;
      } else {
        EXPECT_EQ(parts.district, "") << where;
      }
      if (!parts.former_municipality.empty()) {
        EXPECT_EQ(parts.city, "一関市") << where;
      }
    }
  }
}

TEST(SplitListTest, ItemsOfACell) {
  EXPECT_THAT(SplitList("切削、　研磨，めっき;熱処理\n塗装 ／ 検査", false),
              ::testing::ElementsAre("切削", "研磨", "めっき", "熱処理", "塗装", "検査"));
  EXPECT_THAT(SplitList("Ni-P/PTFE, 金型", false), ::testing::ElementsAre("Ni-P/PTFE", "金型"));
  EXPECT_THAT(SplitList("金型/プレス", true), ::testing::ElementsAre("金型", "プレス"));
  EXPECT_THAT(SplitList(" 、 ", true), ::testing::IsEmpty());
}

TEST(SplitAddressTest, APostalCodeWithASpaceInside) {
  const AddressParts parts = SplitAddress("〒021 0000 岩手県一関市山目字前田20");
  EXPECT_EQ(parts.postal_code, "021-0000");
  EXPECT_EQ(parts.prefecture, "岩手県");
  EXPECT_EQ(parts.city, "一関市");
}

}  // namespace
}  // namespace renkei::importer
