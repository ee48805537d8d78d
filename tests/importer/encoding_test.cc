#include "importer/encoding.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "absl/strings/str_replace.h"
#include "tests/importer/resolve_data.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::importer::testing::DataPath;
using ::renkei::importer::testing::ReadBytes;
using ::renkei::importer::testing::ReadDataFile;
using ::testing::HasSubstr;
using ::testing::Not;

// The text of a decoded file, or the error message.
std::string DecodeOrMessage(absl::string_view bytes,
                            std::optional<Encoding> forced = std::nullopt) {
  auto decoded = Decode(bytes, forced);
  return decoded.ok() ? decoded->utf8 : std::string(decoded.status().message());
}

std::string ToLf(absl::string_view text) { return absl::StrReplaceAll(text, {{"\r\n", "\n"}}); }

TEST(EncodingTest, DetectsTheEncodingOfEveryDeliveredList) {
  // The table "Files" of tests/data/resolve/README.md.
  const std::pair<const char*, Encoding> expected[] = {
      {"cci_kogyo_bukai.csv", Encoding::kCp932},
      {"ryoban_plaza.csv", Encoding::kUtf8Bom},
      {"iwate_semicon.csv", Encoding::kCp932},
      {"senmaya_kogyo_club.csv", Encoding::kCp932},
      {"kennan_tech_sanjo.csv", Encoding::kUtf8},
      {"kitakamigawa_monozukuri.jsonl", Encoding::kUtf8},
      {"ryoban_shinko_h16.csv", Encoding::kCp932},
  };
  for (const auto& [file, encoding] : expected) {
    auto decoded = Decode(ReadDataFile(file));
    ASSERT_OK(decoded) << file;
    EXPECT_EQ(decoded->encoding, encoding) << file;
  }
}

// The delivered files equal their hand-written UTF-8 sources apart from line
// ends, BOM and encoding (README): decoding must give the sources back,
// character for character, including 〜-like, ㈱ and 髙 characters.
TEST(EncodingTest, DecodedListsEqualTheirUtf8Sources) {
  for (const char* name : {"cci_kogyo_bukai", "iwate_semicon", "senmaya_kogyo_club",
                           "ryoban_shinko_h16", "ryoban_plaza"}) {
    auto decoded = Decode(ReadDataFile(absl::StrCat(name, ".csv")));
    ASSERT_OK(decoded) << name;
    const std::string source = ReadBytes(DataPath(absl::StrCat("sources/", name, ".utf8.csv")));
    ASSERT_FALSE(source.empty()) << name;
    EXPECT_EQ(ToLf(decoded->utf8), source) << name;
  }
}

TEST(EncodingTest, Utf8BomIsDropped) {
  auto decoded = Decode("\xEF\xBB\xBF企業名,住所\r\n");
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(decoded->utf8, "企業名,住所\r\n");
}

TEST(EncodingTest, AsciiIsUtf8) {
  auto decoded = Decode("No.,TEL\n1,0191-23-4567\n");
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->encoding, Encoding::kUtf8);
}

TEST(EncodingTest, Cp932MapsCharactersTheWayWindowsDoes) {
  // 0x8160 is ～ U+FF5E (not 〜 U+301C), 0x817C is － U+FF0D (not −
  // U+2212), NEC specials ① ㈱, the IBM extension 髙, and 0x5C a backslash.
  auto decoded = Decode("\x81\x60\x81\x7C\x87\x40\x87\x8A\xFB\xFC\x8B\xB4\x5C");
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->encoding, Encoding::kCp932);
  EXPECT_EQ(decoded->utf8, "\uFF5E\uFF0D①㈱髙橋\\");
}

TEST(EncodingTest, UndefinedCp932BytesNameLineColumnAndBytes) {
  // 一関 then 0x8540, a double-byte code CP932 leaves undefined, on line 2.
  const std::string bytes = "No.,\x88\xEA\x8A\xD6\r\n1,\x88\xEA\x8A\xD6\x85\x40\r\n";
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(decoded.status().message(),
              HasSubstr("line 2, column 5: bytes 85 40 are not a CP932"));
}

TEST(EncodingTest, LineCountingAcceptsLoneCarriageReturns) {
  EXPECT_THAT(DecodeOrMessage("a\rb\rcc\x85\x40", Encoding::kCp932),
              HasSubstr("line 3, column 3:"));
  EXPECT_THAT(DecodeOrMessage("a\r\nb\n\x85\x40", Encoding::kCp932),
              HasSubstr("line 3, column 1:"));
}

TEST(EncodingTest, Cp932FileCutInsideACharacter) {
  EXPECT_THAT(DecodeOrMessage("\x88\xEA\x8A"),
              HasSubstr("line 1, column 2: bytes 8A end the file in the "
                        "middle of a CP932 character"));
}

TEST(EncodingTest, UserDefinedCharactersAreRefusedNotMapped) {
  // F040 is the first 外字 code: ICU would map it to U+E000.
  EXPECT_THAT(DecodeOrMessage("\x88\xEA\xF0\x40"),
              HasSubstr("line 1, column 2: bytes F0 40 are a user-defined "
                        "character"));
}

TEST(EncodingTest, Cp932PieceInsideAUtf8FileIsAnErrorNotMojibake) {
  // A UTF-8 list where one cell was pasted from a CP932 file: 「あい」 as
  // 82 A0 82 A2 on line 3 after 「株式会社」.
  const std::string bytes =
      "会員名,所在地\n株式会社一関精工,一関市\n株式会社\x82\xA0\x82\xA2,一関市\n";
  auto decoded = Decode(bytes);
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(),
              HasSubstr("line 3, column 5: bytes 82 A0 82 A2 are not valid "
                        "UTF-8"));
  EXPECT_THAT(decoded.status().message(), HasSubstr("あい"));
}

TEST(EncodingTest, Cp932PieceInsideARealUtf8List) {
  // kennan_tech_sanjo.csv is UTF-8; put 磐井 in CP932 at the start of line 10.
  std::string text = ReadDataFile("kennan_tech_sanjo.csv");
  size_t line_start = 0;
  for (int line = 1; line < 10; ++line) line_start = text.find('\n', line_start) + 1;
  text.insert(line_start, "\x94\xD6\x88\xE4");
  auto decoded = Decode(text);
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(),
              HasSubstr("line 10, column 1: bytes 94 D6 88 E4 are not valid "
                        "UTF-8 (as CP932 they read \"磐井\""));
  // The same with the encoding given.
  EXPECT_THAT(DecodeOrMessage(text, Encoding::kUtf8), HasSubstr("line 10, column 1: bytes 94"));
}

TEST(EncodingTest, HalfWidthKatakanaCp932IsNotTakenForUtf8) {
  // ﾌﾘｶﾞﾅ columns in CP932 are single bytes A1–DF, and pairs such as C4 B3
  // happen to be well-formed UTF-8 (12 such pairs against 18 bad runs here).
  const std::string bytes =
      "\xCC\xD8\xB6\xDE\xC5,\xB6\xC5\r\n"
      "\xBB\xB2\xC4\xB3\xC3\xDE\xDD\xB7 \xB6\xCC\xDE\xBC\xB7\xB6\xDE\xB2"
      "\xBC\xAC,\xB2\xDC\xD4\xC4\xDE\xB3\xB8\xAB\xB0\xC2\r\n"
      "\xB7\xC0\xB6\xD0\xBE\xB7\xB4\xB2,\xB2\xC1\xC9\xBE\xB7\xBE\xB2\xBA\xB3\r\n"
      "\xB4\xB0\xCB\xDE\xB0\xBC\xB0\xC3\xDE\xDD\xB7,"
      "\xCA\xDE\xDD\xC5\xDD\xBA\xB3\xB6\xDE\xB8\r\n";
  auto decoded = Decode(bytes);
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->encoding, Encoding::kCp932);
  EXPECT_EQ(decoded->utf8,
            "ﾌﾘｶﾞﾅ,ｶﾅ\r\nｻｲﾄｳﾃﾞﾝｷ ｶﾌﾞｼｷｶﾞｲｼｬ,ｲﾜﾔﾄﾞｳｸｫｰﾂ\r\n"
            "ｷﾀｶﾐｾｷｴｲ,ｲﾁﾉｾｷｾｲｺｳ\r\nｴｰﾋﾞｰｼｰﾃﾞﾝｷ,ﾊﾞﾝﾅﾝｺｳｶﾞｸ\r\n");
}

TEST(EncodingTest, ForcedUtf8RefusesACp932File) {
  auto decoded = Decode(ReadDataFile("senmaya_kogyo_club.csv"), Encoding::kUtf8);
  ASSERT_FALSE(decoded.ok());
  EXPECT_THAT(decoded.status().message(), HasSubstr("line 1, column 1: bytes"));
}

TEST(EncodingTest, ForcedCp932DecodesAnAsciiFile) {
  auto decoded = Decode("a,b\n", Encoding::kCp932);
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->encoding, Encoding::kCp932);
  EXPECT_EQ(decoded->utf8, "a,b\n");
}

TEST(EncodingTest, ForcedUtf8ReportsTheBom) {
  auto decoded = Decode(ReadDataFile("ryoban_plaza.csv"), Encoding::kUtf8);
  ASSERT_OK(decoded);
  EXPECT_EQ(decoded->encoding, Encoding::kUtf8Bom);
  EXPECT_THAT(decoded->utf8, Not(HasSubstr("\xEF\xBB\xBF")));
}

TEST(EncodingTest, TakenBytesDecodeAsViewedBytesDo) {
  for (const char* name : {"cci_kogyo_bukai", "iwate_semicon", "ryoban_plaza"}) {
    const std::string bytes = ReadDataFile(absl::StrCat(name, ".csv"));
    auto viewed = Decode(absl::string_view(bytes));
    auto taken = Decode(std::string(bytes));
    ASSERT_OK(viewed) << name;
    ASSERT_OK(taken) << name;
    EXPECT_EQ(taken->encoding, viewed->encoding) << name;
    EXPECT_EQ(taken->utf8, viewed->utf8) << name;
  }
  auto forced = Decode(std::string("\xEF\xBB\xBF" "a,b\n"), Encoding::kUtf8);
  ASSERT_OK(forced);
  EXPECT_EQ(forced->encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(forced->utf8, "a,b\n");
  EXPECT_THAT(Decode(std::string("ab\xC0\xAF"), Encoding::kUtf8).status().message(),
              HasSubstr("line 1, column 3: bytes C0 AF are not valid UTF-8"));
}

TEST(EncodingTest, Utf16IsRefusedWithAdvice) {
  EXPECT_EQ(DecodeOrMessage(std::string("\xFF\xFE\x1A\x4F", 4)), "会");  // UTF-16 (LE): 会
}

TEST(EncodingTest, OverlongUtf8IsInvalid) {
  // C0 AF is an overlong '/': not UTF-8, and not CP932 either.
  EXPECT_THAT(DecodeOrMessage("ab\xC0\xAF", Encoding::kUtf8),
              HasSubstr("line 1, column 3: bytes C0 AF are not valid UTF-8"));
}

TEST(EncodingTest, ParseEncodingNameAcceptsTheUsualNames) {
  for (const char* name : {"utf-8", "UTF8", "utf8"}) {
    EXPECT_EQ(ParseEncodingName(name).value_or(Encoding::kCp932), Encoding::kUtf8) << name;
  }
  for (const char* name :
       {"cp932", "CP932", "shift_jis", "Shift_JIS", "sjis", "windows-31j", "ms932"}) {
    EXPECT_EQ(ParseEncodingName(name).value_or(Encoding::kUtf8), Encoding::kCp932) << name;
  }
  EXPECT_EQ(ParseEncodingName("utf-8-sig").value_or(Encoding::kUtf8), Encoding::kUtf8Bom);
  auto unknown = ParseEncodingName("euc-jp");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("euc-jp"));
  EXPECT_THAT(unknown.status().message(), HasSubstr("cp932"));
}

}  // namespace
}  // namespace renkei::importer
