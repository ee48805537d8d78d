#include "importer/nta_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using Process = CorporateRecord::Process;

// Rows as the NTA writes them: no header, text fields quoted, codes and
// dates bare. The corporate numbers carry valid check digits; the companies
// are made up (一関市's number is the 地方公共団体 pattern 000020 + its code).

// A 全件 file (03_iwate_all_…): the latest state of each corporation.
constexpr absl::string_view kAllRows[] = {
    R"(1,4000020032093,01,0,2018-04-02,2015-10-05,"一関市",,201,"岩手県","一関市","竹山町７番２号",,03,209,0218501,,,,,,,2015-10-05,1,"Ichinoseki City","Iwate","7-2, Takeyamacho, Ichinoseki shi",,"イチノセキシ",0)",
    R"(2,4402001000001,01,0,2018-04-02,2015-10-05,"株式会社一関精工",,301,"岩手県","一関市","山目字前田２０－１",,03,209,0210041,,,,,,,2015-10-05,1,,,,,"イチノセキセイコウ",0)",
    // A 商号変更: the English name and address hold commas.
    R"(3,3402001000002,11,0,2022-04-05,2022-04-01,"株式会社ケンナンテック",,301,"岩手県","一関市","大東町摺沢字新町１０３番地",,03,209,0290521,,,,,,,2015-10-05,1,"Kennan Tech Co.,Ltd.","Iwate","103, Shinmachi, Surisawa, Daito cho, Ichinoseki shi",,"ケンナンテック",0)",
    // A closed company (清算の結了等).
    R"(4,1402002000003,21,0,2023-06-12,2023-06-05,"有限会社千厩製作所",,302,"岩手県","一関市","千厩町千厩字北方１７４番地",,03,209,0292803,,,2023-06-05,01,,,2015-10-05,1,,,,,"センマヤセイサクショ",0)",
    // A doubled quote in a name; left out of the site's search.
    R"(5,1402001000004,01,0,2019-07-01,2015-10-05,"株式会社""ダブル""企画",,301,"岩手県","西磐井郡平泉町","平泉字泉屋１番地",,03,402,0294102,,,,,,,2015-10-05,1,,,,,"ダブルキカク",1)",
};

// A 差分 file (diff_20240401): the day's changes.
constexpr absl::string_view kDiffRows[] = {
    R"(1,7402003000005,01,0,2024-04-01,2024-03-27,"合同会社ＲＩＫＵＺＥＮ",,305,"岩手県","一関市","川崎町薄衣字諏訪前１番地",,03,209,0290202,,,,,,,2024-04-01,1,,,,,"リクゼン",0)",
    R"(2,4402001000001,12,0,2024-04-01,2024-03-25,"株式会社一関精工",,301,"岩手県","一関市","萩荘字竹際４９番地",,03,209,0210902,,,,,,,2015-10-05,1,,,,,"イチノセキセイコウ",0)",
    R"(3,8402001000006,71,0,2024-04-01,2024-03-29,"株式会社両磐ホールディングス",,301,"岩手県","一関市","三関字仲田３番地",,03,209,0210011,,,,,,"株式会社両磐物産を合併",2015-10-05,1,,,,,"リョウバンホールディングス",0)",
    R"(4,7402001000007,21,0,2024-04-01,2024-03-29,"株式会社両磐物産",,301,"岩手県","一関市","山目字中野１０番地",,03,209,0210041,,,2024-03-29,11,8402001000006,,2015-10-05,1,,,,,"リョウバンブッサン",0)",
    // A correction of an earlier row, and a past state (最新履歴 0).
    R"(5,3402001000002,11,1,2024-04-01,2022-04-01,"株式会社ケンナンテック",,301,"岩手県","一関市","大東町摺沢字新町１０３番地",,03,209,0290521,,,,,,,2015-10-05,0,,,,,"ケンナンテック",0)",
    R"(6,6402001000008,99,0,2024-04-01,,"株式会社取下",,301,"岩手県","一関市","東山町長坂字町１番地",,03,209,0290302,,,,,,,2024-03-15,1,,,,,"トリサゲ",0)",
};

template <size_t N>
std::string Join(const absl::string_view (&rows)[N], absl::string_view end = "\n") {
  std::string text;
  for (absl::string_view row : rows) absl::StrAppend(&text, row, end);
  return text;
}

// UTF-8 → Shift_JIS as Windows writes it (ICU's windows-31j), failing the
// test on a character it cannot map.
std::string ToShiftJis(absl::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open("windows-31j", &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  if (U_FAILURE(status)) return "";
  ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  UConverter* utf8_converter = ucnv_open("UTF-8", &status);
  std::string out(utf8.size() * 2 + 16, '\0');
  char* target = out.data();
  const char* source = utf8.data();
  ucnv_convertEx(converter, utf8_converter, &target, out.data() + out.size(), &source,
                 utf8.data() + utf8.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(target - out.data());
  ucnv_close(utf8_converter);
  ucnv_close(converter);
  return out;
}

// A fresh temporary directory. ctest sets TEST_TMPDIR to this suite's
// <build>/tests/importer/tmp, which nothing else creates.
TempDir MakeTempDir() {
  if (const char* base = std::getenv("TEST_TMPDIR"); base != nullptr && *base != '\0') {
    std::error_code ignored;
    std::filesystem::create_directories(base, ignored);
  }
  return TempDir();
}

std::string WriteFile(const TempDir& dir, absl::string_view name, absl::string_view bytes) {
  const std::string path = absl::StrCat(dir.path(), "/", name);
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

struct Read {
  std::vector<CorporateRecord> records;
  std::vector<std::vector<Problem>> problems;  // one list per record
};

Read ReadAll(NtaReader& reader) {
  Read read;
  CorporateRecord record;
  std::vector<Problem> problems;
  while (reader.Next(&record, &problems)) {
    read.records.push_back(record);
    read.problems.push_back(problems);
  }
  return read;
}

// Every field of a record, for comparing two readings of one row.
std::string Fields(const CorporateRecord& r) {
  return absl::StrJoin({absl::StrCat(r.line),
                        absl::StrCat(r.sequence),
                        r.corporate_number,
                        std::string(ProcessCode(r.process)),
                        absl::StrCat(r.correction),
                        r.updated_on,
                        r.changed_on,
                        r.name,
                        r.name_image_id,
                        r.kind,
                        r.prefecture,
                        r.city,
                        r.street,
                        r.address_image_id,
                        r.prefecture_code,
                        r.city_code,
                        r.postal_code,
                        r.foreign_address,
                        r.foreign_address_image_id,
                        r.closed_on,
                        r.close_reason,
                        r.successor,
                        r.change_detail,
                        r.assigned_on,
                        absl::StrCat(r.latest),
                        r.english_name,
                        r.english_prefecture,
                        r.english_address,
                        r.english_foreign_address,
                        r.kana,
                        absl::StrCat(r.hidden)},
                       "|");
}

std::vector<std::string> ProblemStrings(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& problem : problems) out.push_back(problem.ToString());
  return out;
}

TEST(NtaReaderTest, ReadsAnAllFileInUtf8) {
  const TempDir dir = MakeTempDir();
  const std::string path = WriteFile(dir, "03_iwate_all_20240329.csv", Join(kAllRows));
  auto reader = NtaReader::OpenFile(path);
  ASSERT_OK(reader);
  EXPECT_EQ((*reader)->encoding(), Encoding::kUtf8);
  const Read read = ReadAll(**reader);
  EXPECT_OK((*reader)->status());
  ASSERT_EQ(read.records.size(), 5u);
  for (const auto& problems : read.problems) EXPECT_THAT(problems, IsEmpty());

  const CorporateRecord& city = read.records[0];
  EXPECT_EQ(city.line, 1);
  EXPECT_EQ(city.sequence, 1);
  EXPECT_EQ(city.corporate_number, "4000020032093");
  EXPECT_EQ(city.process, Process::kNew);
  EXPECT_FALSE(city.correction);
  EXPECT_EQ(city.updated_on, "2018-04-02");
  EXPECT_EQ(city.changed_on, "2015-10-05");
  EXPECT_EQ(city.name, "一関市");
  EXPECT_EQ(city.kind, "201");
  EXPECT_EQ(KindName(city.kind), "地方公共団体");
  EXPECT_EQ(LegalFormOfKind(city.kind), "");
  EXPECT_EQ(city.prefecture, "岩手県");
  EXPECT_EQ(city.city, "一関市");
  EXPECT_EQ(city.street, "竹山町７番２号");
  EXPECT_EQ(city.prefecture_code, "03");
  EXPECT_EQ(city.city_code, "209");
  EXPECT_EQ(city.postal_code, "0218501");
  EXPECT_EQ(city.closed_on, "");
  EXPECT_EQ(city.assigned_on, "2015-10-05");
  EXPECT_TRUE(city.latest);
  EXPECT_EQ(city.english_name, "Ichinoseki City");
  EXPECT_EQ(city.english_prefecture, "Iwate");
  EXPECT_EQ(city.english_address, "7-2, Takeyamacho, Ichinoseki shi");
  EXPECT_EQ(city.kana, "イチノセキシ");
  EXPECT_FALSE(city.hidden);
  EXPECT_EQ(city.raw, kAllRows[0]);

  const CorporateRecord& renamed = read.records[2];
  EXPECT_EQ(renamed.line, 3);
  EXPECT_EQ(renamed.process, Process::kNameChange);
  EXPECT_EQ(ProcessName(renamed.process), "商号又は名称の変更");
  EXPECT_EQ(renamed.changed_on, "2022-04-01");
  EXPECT_EQ(renamed.name, "株式会社ケンナンテック");
  EXPECT_EQ(LegalFormOfKind(renamed.kind), "株式会社");
  EXPECT_EQ(renamed.english_name, "Kennan Tech Co.,Ltd.");
  EXPECT_EQ(renamed.english_address, "103, Shinmachi, Surisawa, Daito cho, Ichinoseki shi");
  EXPECT_EQ(renamed.kana, "ケンナンテック");

  const CorporateRecord& closed = read.records[3];
  EXPECT_EQ(closed.process, Process::kClosed);
  EXPECT_EQ(closed.kind, "302");
  EXPECT_EQ(LegalFormOfKind(closed.kind), "有限会社");
  EXPECT_EQ(closed.closed_on, "2023-06-05");
  EXPECT_EQ(closed.close_reason, "01");
  EXPECT_EQ(CloseReasonName(closed.close_reason), "清算の結了等");
  EXPECT_EQ(closed.successor, "");
  EXPECT_TRUE(closed.latest);

  const CorporateRecord& quoted = read.records[4];
  EXPECT_EQ(quoted.name, R"(株式会社"ダブル"企画)");
  EXPECT_EQ(quoted.city, "西磐井郡平泉町");
  EXPECT_EQ(quoted.city_code, "402");
  EXPECT_TRUE(quoted.hidden);
}

TEST(NtaReaderTest, ReadsADiffFileWithCrLf) {
  auto reader = NtaReader::OpenBytes(Join(kDiffRows, "\r\n"), "diff_20240401.csv");
  ASSERT_OK(reader);
  const Read read = ReadAll(**reader);
  EXPECT_OK((*reader)->status());
  ASSERT_EQ(read.records.size(), 6u);
  for (const auto& problems : read.problems) EXPECT_THAT(problems, IsEmpty());

  EXPECT_EQ(read.records[0].process, Process::kNew);
  EXPECT_EQ(read.records[0].assigned_on, "2024-04-01");
  EXPECT_EQ(read.records[0].kind, "305");
  EXPECT_EQ(LegalFormOfKind(read.records[0].kind), "合同会社");
  EXPECT_EQ(read.records[0].name, "合同会社ＲＩＫＵＺＥＮ");

  EXPECT_EQ(read.records[1].process, Process::kAddressChange);
  EXPECT_EQ(read.records[1].street, "萩荘字竹際４９番地");
  EXPECT_EQ(read.records[1].postal_code, "0210902");

  const CorporateRecord& survivor = read.records[2];
  EXPECT_EQ(survivor.process, Process::kMerger);
  EXPECT_EQ(survivor.change_detail, "株式会社両磐物産を合併");

  const CorporateRecord& merged = read.records[3];
  EXPECT_EQ(merged.process, Process::kClosed);
  EXPECT_EQ(merged.close_reason, "11");
  EXPECT_EQ(CloseReasonName(merged.close_reason), "合併による解散等");
  EXPECT_EQ(merged.successor, survivor.corporate_number);

  EXPECT_TRUE(read.records[4].correction);
  EXPECT_FALSE(read.records[4].latest);

  EXPECT_EQ(read.records[5].process, Process::kDeleted);
  EXPECT_EQ(read.records[5].changed_on, "");
  EXPECT_EQ(read.records[5].line, 6);
  EXPECT_EQ(read.records[5].raw, kDiffRows[5]);  // without the CR
}

TEST(NtaReaderTest, ReadsTheShiftJisEditionLikeTheUnicodeOne) {
  // The encoder of this test is right: 株式会社 in Shift_JIS.
  EXPECT_EQ(ToShiftJis("株式会社"), "\x8A\x94\x8E\xAE\x89\xEF\x8E\xD0");

  const TempDir dir = MakeTempDir();
  const std::string text = Join(kAllRows, "\r\n") + Join(kDiffRows, "\r\n");
  const std::string sjis = WriteFile(dir, "sjis.csv", ToShiftJis(text));
  const std::string utf8 = WriteFile(dir, "utf8.csv", text);

  auto from_sjis = NtaReader::OpenFile(sjis);
  ASSERT_OK(from_sjis);
  EXPECT_EQ((*from_sjis)->encoding(), Encoding::kCp932);
  auto from_utf8 = NtaReader::OpenFile(utf8);
  ASSERT_OK(from_utf8);
  EXPECT_EQ((*from_utf8)->encoding(), Encoding::kUtf8);

  const Read a = ReadAll(**from_sjis);
  const Read b = ReadAll(**from_utf8);
  ASSERT_EQ(a.records.size(), 11u);
  ASSERT_EQ(b.records.size(), 11u);
  for (size_t i = 0; i < a.records.size(); ++i) {
    EXPECT_THAT(a.problems[i], IsEmpty()) << i;
    EXPECT_EQ(Fields(a.records[i]), Fields(b.records[i])) << i;
  }
  EXPECT_EQ(a.records[3].name, "有限会社千厩製作所");
  EXPECT_EQ(a.records[1].street, "山目字前田２０－１");  // － U+FF0D, 0x817C
}

TEST(NtaReaderTest, Utf8WithAByteOrderMark) {
  auto reader = NtaReader::OpenBytes(absl::StrCat("\xEF\xBB\xBF", Join(kAllRows)), "bom.csv");
  ASSERT_OK(reader);
  EXPECT_EQ((*reader)->encoding(), Encoding::kUtf8Bom);
  const Read read = ReadAll(**reader);
  ASSERT_EQ(read.records.size(), 5u);
  EXPECT_EQ(read.records[0].sequence, 1);
  EXPECT_THAT(read.problems[0], IsEmpty());
}

TEST(NtaReaderTest, ForcedEncoding) {
  const std::string sjis = ToShiftJis(Join(kAllRows));
  auto forced = NtaReader::OpenBytes(sjis, "sjis.csv", Encoding::kCp932);
  ASSERT_OK(forced);
  EXPECT_EQ((*forced)->encoding(), Encoding::kCp932);
  EXPECT_EQ(ReadAll(**forced).records.size(), 5u);

  auto wrong = NtaReader::OpenBytes(sjis, "sjis.csv", Encoding::kUtf8);
  EXPECT_EQ(wrong.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(wrong.status().message(), HasSubstr("sjis.csv: line 1"));
  EXPECT_THAT(wrong.status().message(), HasSubstr("not valid UTF-8"));
}

TEST(NtaReaderTest, BadRowsGiveProblemsAndReadingGoesOn) {
  const std::string text = absl::StrJoin(
      {
          std::string(kAllRows[1]),
          // Line 2: a wrong check digit (4402001000002's is 3).
          absl::StrReplaceAll(kAllRows[1], {{"4402001000001", "4402001000002"}}),
          // Line 3: a short row (29 columns).
          std::string(kAllRows[1].substr(0, kAllRows[1].rfind(','))),
          // Line 4: an unknown 処理区分, no 31 February, an unknown 法人種別, a
          // hyphenated postal code, a flag 2, a bad successor.
          std::string(
              R"(4,1402001000004,05,0,2024-02-30,2015-10-05,"株式会社テスト",,300,"岩手県","一関市","山目",,03,209,021-0041,,,2024-03-01,09,1234567890123,,2015-10-05,2,,,,,"テスト",0)"),
          // Lines 5–6: a field holding a line break, then a good row on line 7.
          std::string(
              R"(5,8402001000006,71,0,2024-04-01,2024-03-29,"株式会社両磐ホールディングス",,301,"岩手県","一関市","三関字仲田３番地",,03,209,0210011,,,,,,"合併
（吸収）",2015-10-05,1,,,,,"リョウバンホールディングス",0)"),
          std::string(kAllRows[0]),
      },
      "\n");
  auto reader = NtaReader::OpenBytes(text, "bad.csv");
  ASSERT_OK(reader);
  const Read read = ReadAll(**reader);
  EXPECT_OK((*reader)->status());
  ASSERT_EQ(read.records.size(), 6u);

  EXPECT_THAT(read.problems[0], IsEmpty());
  EXPECT_THAT(ProblemStrings(read.problems[1]),
              ElementsAre("line 2, column B: 法人番号 \"4402001000002\": check digit is 4 but "
                          "the other 12 digits give 3"));
  EXPECT_THAT(ProblemStrings(read.problems[2]),
              ElementsAre("line 3: 29 columns; a row of an NTA 法人番号 file has 30"));
  EXPECT_EQ(read.records[2].corporate_number, "");  // nothing is read from it
  EXPECT_THAT(ProblemStrings(read.problems[3]),
              ElementsAre("line 4, column C: 処理区分 \"05\" is not a known code",
                          "line 4, column E: 更新年月日 \"2024-02-30\" is not a date YYYY-MM-DD",
                          "line 4, column I: 法人種別 \"300\" is not a known code",
                          "line 4, column P: 郵便番号 \"021-0041\" is not 7 digits",
                          "line 4, column T: 登記記録の閉鎖等の事由 \"09\" is not a known code",
                          ::testing::StartsWith(
                              "line 4, column U: 承継先法人番号 \"1234567890123\": check digit"),
                          "line 4, column X: 最新履歴 \"2\" is neither 0 nor 1"));
  EXPECT_THAT(read.problems[4], IsEmpty());
  EXPECT_EQ(read.records[4].line, 5);
  EXPECT_EQ(read.records[4].change_detail, "合併\n（吸収）");
  EXPECT_THAT(read.problems[5], IsEmpty());
  EXPECT_EQ(read.records[5].line, 7);
  EXPECT_EQ(read.records[5].corporate_number, "4000020032093");
}

TEST(NtaReaderTest, MissingRequiredFields) {
  auto reader = NtaReader::OpenBytes(
      absl::StrCat(kAllRows[0], "\n", ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"), "missing.csv");
  ASSERT_OK(reader);
  const Read read = ReadAll(**reader);
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_THAT(
      ProblemStrings(read.problems[1]),
      ElementsAre("line 2, column A: 一連番号 is missing", "line 2, column B: 法人番号 is missing",
                  "line 2, column C: 処理区分 is missing", "line 2, column D: 訂正区分 is missing",
                  "line 2, column E: 更新年月日 is missing",
                  "line 2, column I: 法人種別 is missing", "line 2, column X: 最新履歴 is missing",
                  "line 2, column AD: 検索対象除外 is missing"));
}

TEST(NtaReaderTest, BlankLinesAreSkipped) {
  auto reader = NtaReader::OpenBytes(absl::StrCat("\n", kAllRows[0], "\n\n", kAllRows[1], "\n\n"),
                                     "blank.csv");
  ASSERT_OK(reader);
  const Read read = ReadAll(**reader);
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].line, 2);
  EXPECT_EQ(read.records[1].line, 4);
}

TEST(NtaReaderTest, AnUnclosedQuoteStopsTheReader) {
  auto reader = NtaReader::OpenBytes(
      absl::StrCat(kAllRows[0], "\n", "2,4402001000001,01,0,2018-04-02,2015-10-05,\"株式会社"),
      "open.csv");
  ASSERT_OK(reader);
  const Read read = ReadAll(**reader);
  EXPECT_EQ(read.records.size(), 1u);
  EXPECT_EQ((*reader)->status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT((*reader)->status().message(), HasSubstr("open.csv: line 2, column "));
  EXPECT_THAT((*reader)->status().message(), HasSubstr("quoted field is not closed"));
}

TEST(NtaReaderTest, RefusesFilesThatAreNotNtaFiles) {
  auto members = NtaReader::OpenBytes("会員番号,事業所名,住所\n1,株式会社一関精工,一関市山目\n",
                                      "members.csv");
  EXPECT_EQ(members.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(members.status().message(),
              HasSubstr("members.csv: line 1 is not a row of an NTA 法人番号 download file"));

  // A header row added by hand.
  auto header = NtaReader::OpenBytes(
      absl::StrCat("一連番号,法人番号,処理区分,訂正区分,更新年月日,変更年月日,商号又は名称,"
                   "商号又は名称イメージID,法人種別,国内所在地（都道府県）,国内所在地（市区町村）,"
                   "国内所在地（丁目番地等）,国内所在地イメージID,都道府県コード,市区町村コード,"
                   "郵便番号,国外所在地,国外所在地イメージID,登記記録の閉鎖等年月日,"
                   "登記記録の閉鎖等の事由,承継先法人番号,変更事由の詳細,法人番号指定年月日,"
                   "最新履歴,商号又は名称（英語表記）,国内所在地（都道府県）（英語表記）,"
                   "国内所在地（市区町村丁目番地等）（英語表記）,国外所在地（英語表記）,フリガナ,"
                   "検索対象除外\n",
                   kAllRows[0], "\n"),
      "header.csv");
  EXPECT_EQ(header.status().code(), absl::StatusCode::kInvalidArgument);

  EXPECT_EQ(NtaReader::OpenFile("/nonexistent/03_iwate_all_20240329.csv").status().code(),
            absl::StatusCode::kNotFound);

  // An empty file (a day without changes) has no rows.
  auto empty = NtaReader::OpenBytes("", "diff_20240406.csv");
  ASSERT_OK(empty);
  EXPECT_THAT(ReadAll(**empty).records, IsEmpty());
}

TEST(LooksLikeNtaFileTest, RecognisesRowsOnly) {
  for (absl::string_view row : kAllRows) EXPECT_TRUE(LooksLikeNtaFile(row)) << row;
  for (absl::string_view row : kDiffRows) EXPECT_TRUE(LooksLikeNtaFile(row)) << row;
  EXPECT_TRUE(LooksLikeNtaFile(absl::StrCat("\xEF\xBB\xBF", kAllRows[0], "\r\n")));
  // Recognising, not validating: a wrong check digit is still the format.
  EXPECT_TRUE(
      LooksLikeNtaFile(absl::StrReplaceAll(kAllRows[1], {{"4402001000001", "4402001000002"}})));

  EXPECT_FALSE(LooksLikeNtaFile(""));
  EXPECT_FALSE(LooksLikeNtaFile("一連番号,法人番号,処理区分,訂正区分,更新年月日"));
  EXPECT_FALSE(LooksLikeNtaFile("会員番号,事業所名,住所"));
  EXPECT_FALSE(LooksLikeNtaFile("2024-04-01,2,1,1"));  // a Web-API summary line
  EXPECT_FALSE(LooksLikeNtaFile(kAllRows[0].substr(0, kAllRows[0].rfind(','))));  // 29
  EXPECT_FALSE(LooksLikeNtaFile(absl::StrReplaceAll(kAllRows[0], {{",01,0,", ",1,0,"}})));
  EXPECT_FALSE(LooksLikeNtaFile(absl::StrReplaceAll(kAllRows[0], {{"2018-04-02", "2018/4/2"}})));
  EXPECT_FALSE(
      LooksLikeNtaFile(absl::StrReplaceAll(kAllRows[0], {{"4000020032093", "400002003209"}})));
}

TEST(NtaCodesTest, Tables) {
  for (Process process :
       {Process::kNew, Process::kNameChange, Process::kAddressChange,
        Process::kForeignAddressChange, Process::kClosed, Process::kReopened, Process::kMerger,
        Process::kMergerVoided, Process::kNameErased, Process::kDeleted}) {
    EXPECT_EQ(ParseProcessCode(ProcessCode(process)), process) << ProcessName(process);
    EXPECT_FALSE(ProcessName(process).empty());
  }
  EXPECT_EQ(ProcessCode(Process::kForeignAddressChange), "13");
  EXPECT_EQ(ProcessName(Process::kReopened), "登記記録の復活等");
  EXPECT_EQ(ParseProcessCode("1"), std::nullopt);
  EXPECT_EQ(ParseProcessCode("14"), std::nullopt);

  EXPECT_EQ(KindName("101"), "国の機関");
  EXPECT_EQ(KindName("399"), "その他の設立登記法人");
  EXPECT_EQ(KindName("401"), "外国会社等");
  EXPECT_EQ(KindName("499"), "その他");
  EXPECT_EQ(KindName("300"), "");
  EXPECT_EQ(LegalFormOfKind("301"), "株式会社");
  EXPECT_EQ(LegalFormOfKind("303"), "合名会社");
  EXPECT_EQ(LegalFormOfKind("304"), "合資会社");
  EXPECT_EQ(LegalFormOfKind("399"), "");
  EXPECT_EQ(LegalFormOfKind("401"), "");
  EXPECT_EQ(LegalFormOfKind(""), "");
  EXPECT_EQ(CloseReasonName("21"), "登記官による閉鎖");
  EXPECT_EQ(CloseReasonName("31"), "その他の清算の結了等");
  EXPECT_EQ(CloseReasonName("02"), "");
}

TEST(ParseNtaFileNameTest, FollowsTheNamingRule) {
  auto all = ParseNtaFileName("/data/nta/03_iwate_all_20240329.zip");
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->kind, NtaFileName::Kind::kAll);
  EXPECT_EQ(all->prefecture_code, "03");
  EXPECT_EQ(all->created_on, "2024-03-29");
  EXPECT_EQ(all->part, 0);

  auto split = ParseNtaFileName("00_zenkoku_all_20240329_2.csv");
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(split->prefecture_code, "00");
  EXPECT_EQ(split->part, 2);

  auto diff = ParseNtaFileName("C:\\nta\\diff_20240401.CSV");
  ASSERT_TRUE(diff.has_value());
  EXPECT_EQ(diff->kind, NtaFileName::Kind::kDiff);
  EXPECT_EQ(diff->prefecture_code, "");
  EXPECT_EQ(diff->created_on, "2024-04-01");

  EXPECT_EQ(ParseNtaFileName("diff_20240230.csv"), std::nullopt);
  EXPECT_EQ(ParseNtaFileName("members.csv"), std::nullopt);
  EXPECT_EQ(ParseNtaFileName("03_Iwate_all_20240329.csv"), std::nullopt);
  EXPECT_EQ(ParseNtaFileName("03_iwate_all_20240329_x.csv"), std::nullopt);
  EXPECT_EQ(ParseNtaFileName("3_iwate_all_20240329.csv"), std::nullopt);
}

}  // namespace
}  // namespace renkei::importer
