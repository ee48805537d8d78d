// Values as Excel leaves them in member lists, parsed into comparable form.
//
// Every parser takes a cell as written (any width, any spacing) and says
// what it found. Blank cells are NOT_FOUND, so "missing" and "malformed"
// stay apart; the caller turns other errors into a Problem at the cell.
//
// 法人番号 (ParseCorporateNumber)
//   Full-width digits, spaces, hyphens and Excel's text mark (a leading ')
//   are dropped; a trailing ".0" (a General-format number) too. Then:
//   - scientific notation (4.402E+12, 6.40E+12): DATA_LOSS, "digits lost
//     (Excel scientific notation); treat as missing", unless the mantissa
//     still has all 13 digits (7.402001000452E+12), which is recovered;
//   - no digits at all (なし, －, 不明): NOT_FOUND, like a blank cell;
//   - not 13 digits: INVALID_ARGUMENT;
//   - 13 digits with a wrong check digit: INVALID_ARGUMENT whose message
//     says "check digit" (a typo: no evidence either way).
//
// Years (ParseYear)
//   和暦: 明治/大正/昭和/平成/令和, their initials M/T/S/H/R (either width or
//   case, optionally with '.'), or 明/大/昭/平/令, then the year in digits,
//   kanji (十五) or 元, then optionally 年 or 年度: H15, Ｈ１５, 平成15年,
//   平成十五年, 平成15年度,
//   R2, 令和2年度, 令和元年, S58, 昭和58年. 西暦: 2003, 2003年, 2003年度.
//   A month and day may follow (2003/4/1, 2003-04-01, 2003.4.1,
//   平成15年4月1日). A five-digit number is an Excel date serial (37712 =
//   2003-04-01), which a date column becomes when its format is lost.
//   The era year must lie inside the era (平成 1–31, 令和 from 1 …), the
//   western year in 1868–2100; two-digit western years are refused.
//
// Phone numbers (ParsePhone)
//   The first number in the cell ("0191-23-4567 0191-23-4568" gives the
//   first), with full-width digits, hyphens of every
//   kind (－ ‐ ― ー), parentheses and spaces as separators: 0191(23)4567,
//   0191-23-4567, 0191234567, (0191)23-4567, ０１９１－２３－４５６７,
//   TEL:0191-23-4567, +81-191-23-4567, "0191-31-7700(代表), 内線21" (内線
//   or ext. gives `extension`). `digits` (all digits) is the key to compare.
//   `formatted` hyphenates:
//   - mobiles and IP phones 090/080/070/060/050: 3-4-4; 0120 and 0570:
//     4-3-3; 0800: 4-3-4;
//   - a known area code, longest first — 0191 0192 0193 0194 0195 0197 0198
//     019 (Iwate), 0220 0226 0228 022 (Miyagi), 03 and 06 — then the
//     exchange (6 − length of the area code digits), then four digits;
//   - another 10-digit number: as the writer grouped it when that is three
//     groups ending in four digits, else the bare digits.
//   A number of 5–8 digits without the leading 0 (23-4567, 52-2345) is a
//   local number: `missing_area_code` is set, `digits` is only the local
//   part, and WithAreaCode completes it from the area code of its place.
//   No digits at all (なし, ー, -) is NOT_FOUND; other digit counts, and 11
//   digits that are not a mobile or 0800 number, are INVALID_ARGUMENT.
//
// Kanji numerals in addresses (ConvertKanjiNumerals)
//   A run of 〇一二三四五六七八九十百千 (○ as 〇) becomes digits only where
//   it is a lot or block number:
//   - followed by 番地, 番 (not 番町/番丁), 号, 丁目, 地割, a hyphen
//     (- － ‐ ― ー), or の followed by a number; or
//   - at the end of the address, after 番地/番/号/丁目/地割/hyphen/の, or after a
//     字 with at least one other character between (千厩字北方一七四 →
//     千厩字北方174, but 字三十 stays: that may be the 字's own name).
//   Digit-by-digit runs read as digits (一七四 → 174, 一〇〇 → 100, 二〇 →
//   20); runs with 十/百/千 read positionally (二十三 → 23, 三十 → 30, 百二 →
//   102, 千二百 → 1200). Everything else stays: 一関, 一ノ関, 一の関, 千厩,
//   三関, 四日市, 十文字, 第二工業団地, 一番町, 八幡.
//
// Addresses (SplitAddress)
//   〒 and a postal code at the start, then the prefecture (one of the 47),
//   then the municipality:
//   - X郡Y町/村 keeps its 郡: 西磐井郡平泉町, 胆沢郡金ケ崎町; the towns of
//     the region written without their 郡 get it (平泉町 → 西磐井郡平泉町,
//     金ヶ崎町 → 胆沢郡金ケ崎町);
//   - the municipalities merged into 一関市 (2005: 西磐井郡花泉町, 東磐井郡
//     大東町, 千厩町, 東山町, 川崎村, 室根村; 2011: 東磐井郡藤沢町), with or
//     without their 郡, become city 一関市 with that district, and the rest
//     is written as today (東磐井郡川崎村薄衣 → 一関市, 川崎, 川崎町薄衣);
//   - a city 〜市 (四日市市 and 市川市 read right), with the ward of a
//     designated city (仙台市青葉区), or a ward of Tokyo;
//   - in 一関市, the district is the former municipality the rest starts
//     with (花泉町 大東町 千厩町 東山町 川崎町 室根町 藤沢町), else 一関 (the
//     former 一関市: 山目, 萩荘, 厳美町 …) when there is a rest, else empty.
//   A missing prefecture is inferred for the municipalities of the region
//   (Iwate and northern Miyagi), with `prefecture_inferred` set.
//
// All functions are thread-safe.
#ifndef RENKEI_IMPORTER_VALUES_H_
#define RENKEI_IMPORTER_VALUES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace renkei::importer {

// The 13 ASCII digits of a 法人番号 cell (see the top of this file).
// NOT_FOUND: blank or no digits. DATA_LOSS: Excel's scientific notation lost
// digits.
// INVALID_ARGUMENT: not 13 digits, or a wrong check digit.
absl::StatusOr<std::string> ParseCorporateNumber(absl::string_view text);

struct YearValue {
  int year = 0;         // western year (of the 年度 when fiscal)
  bool fiscal = false;  // written as 年度
  int month = 0;        // 1–12 when a date was written, else 0
  int day = 0;          // 1–31 when a date was written, else 0
};

// A year or date in 和暦 or 西暦 (see the top of this file).
// NOT_FOUND: blank. INVALID_ARGUMENT: anything else unreadable or out of
// range, naming why.
absl::StatusOr<YearValue> ParseYear(absl::string_view text);

struct Phone {
  std::string digits;              // all digits: the key to compare
  std::string formatted;           // hyphenated (see the top of this file)
  bool missing_area_code = false;  // a local number: digits lack the area code
  std::string extension;           // 内線, digits only; "" when none
};

// The first phone number in a cell (see the top of this file).
// NOT_FOUND: no digits. INVALID_ARGUMENT: digits that are not a number.
absl::StatusOr<Phone> ParsePhone(absl::string_view text);

// A local number (missing_area_code) completed with `area_code` ("0191").
// INVALID_ARGUMENT when `local` is not local, or the digits do not make a
// 10-digit number.
absl::StatusOr<Phone> WithAreaCode(const Phone& local, absl::string_view area_code);

// A phone number Excel stored as a number and so lost its leading 0:
// 191231522 → 0191-23-1522, 9012345678 → 090-1234-5678. Only a bare
// number of 9 or 10 digits not starting with 0, and only when "0" and the
// digits begin with an area code or prefix Hyphenate knows (see the top of
// this file); nullopt otherwise.
std::optional<Phone> RestoreDroppedZero(absl::string_view text);

struct PostalCode {
  std::string formatted;  // "021-0041"
  bool restored = false;  // Excel's dropped leading 0 put back (210041)
};

// A postal code as lists write it: 〒021-0041, 021-0041, 0210041, ０２１－
// ００４１, or 210041 (a number Excel lost the leading 0 of). NOT_FOUND when
// blank; INVALID_ARGUMENT for anything else.
absl::StatusOr<PostalCode> ParsePostalCode(absl::string_view text);

// The address with its lot and block numbers in kanji turned into digits
// (see the top of this file). Other text is unchanged.
std::string ConvertKanjiNumerals(absl::string_view address);

struct AddressParts {
  std::string postal_code;  // "021-0000" when written at the start
  std::string prefecture;   // 岩手県; inferred when `prefecture_inferred`
  std::string city;         // 一関市, 西磐井郡平泉町, 仙台市青葉区; "" if none
  std::string district;     // within 一関市: 一関, 花泉, 大東, 千厩, 東山,
                            // 川崎, 室根, 藤沢; else ""
  std::string rest;         // the rest, as written today (千厩町千厩字北方…)
  bool prefecture_inferred = false;
  // The pre-merger municipality the address was written in (東磐井郡千厩町,
  // also for 川崎村 / 室根村 without their 郡), or "" when it was written as
  // today or ambiguously (千厩町… without 郡 or 一関市).
  std::string former_municipality;
};

// The items of a cell that lists several (keywords, industries, fields):
// split on , ; 、 ， ／ and line breaks, and on '/' too when `slash` (not in
// keywords such as "Ni-P/PTFE"); trimmed, empty items dropped.
std::vector<std::string> SplitList(absl::string_view text, bool slash);

// Splits an address (see the top of this file). Text that matches no rule
// is left in `rest`; nothing is dropped but spaces between the parts.
AddressParts SplitAddress(absl::string_view address);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_VALUES_H_
