#include "importer/values.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "importer/internal/digits.h"
#include "importer/internal/trim.h"
#include "server/records/corporate_number.h"
#include "server/records/dates.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

namespace renkei::importer {
namespace {

bool IsBlank(absl::string_view text) { return internal::Trim(text).empty(); }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The leading run of ASCII digits of `*text`, consumed.
absl::string_view TakeDigits(absl::string_view* text) {
  size_t n = 0;
  while (n < text->size() && IsDigit((*text)[n])) ++n;
  absl::string_view digits = text->substr(0, n);
  text->remove_prefix(n);
  return digits;
}

std::string Quoted(absl::string_view text) {
  return absl::StrCat("\"", internal::Trim(text), "\"");
}

// ---------------------------------------------------------------- 法人番号

constexpr int kCorporateNumberDigits = 13;

}  // namespace

absl::StatusOr<std::string> ParseCorporateNumber(absl::string_view text) {
  if (IsBlank(text)) return absl::NotFoundError("no 法人番号");
  std::string s = text::NormalizeText(text);  // width, case, no spaces
  if (s.find_first_of("0123456789") == std::string::npos) {
    // なし, －, 不明: written as missing.
    return absl::NotFoundError(absl::StrCat("no 法人番号 in ", Quoted(text)));
  }
  if (!s.empty() && s[0] == '\'') s.erase(0, 1);  // Excel's text mark
  s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
  if (const size_t e = s.find('e'); e != std::string::npos) {
    absl::string_view mantissa = absl::string_view(s).substr(0, e);
    absl::string_view exponent = absl::string_view(s).substr(e + 1);
    absl::ConsumePrefix(&exponent, "+");
    absl::string_view int_part = mantissa;
    absl::string_view fraction;
    if (const size_t dot = mantissa.find('.'); dot != absl::string_view::npos) {
      int_part = mantissa.substr(0, dot);
      fraction = mantissa.substr(dot + 1);
    }
    int power = 0;
    if (internal::AllDigits(int_part) && (fraction.empty() || internal::AllDigits(fraction)) &&
        internal::AllDigits(exponent) && absl::SimpleAtoi(exponent, &power)) {
      // All 13 digits are still there only when the mantissa shows them.
      const std::string digits = absl::StrCat(int_part, fraction);
      if (static_cast<int>(int_part.size()) + power == kCorporateNumberDigits &&
          static_cast<int>(digits.size()) == kCorporateNumberDigits && digits[0] != '0') {
        s = digits;
      } else {
        return absl::DataLossError(
            absl::StrCat("法人番号 ", Quoted(text),
                         ": digits lost (Excel scientific notation); treat as missing"));
      }
    }
  }
  // A number Excel shows with decimals: 7402001000452.0
  if (const size_t dot = s.find('.'); dot != std::string::npos) {
    const absl::string_view decimals = absl::string_view(s).substr(dot + 1);
    if (decimals.find_first_not_of('0') == absl::string_view::npos) {
      s.resize(dot);
    }
  }
  if (!internal::AllDigits(s)) {
    return absl::InvalidArgumentError(absl::StrCat("法人番号 ", Quoted(text), " is not a number"));
  }
  if (s.size() != kCorporateNumberDigits) {
    return absl::InvalidArgumentError(
        absl::StrCat("法人番号 ", Quoted(text), " has ", s.size(), " digits; a 法人番号 has 13"));
  }
  const std::string problem = records::CorporateNumberProblem(s);
  if (!problem.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "法人番号 ", Quoted(text), " has an invalid check digit (", problem, "): a typo?"));
  }
  return s;
}

// -------------------------------------------------------------------- years

namespace {

struct Era {
  absl::string_view name;
  absl::string_view short_name;  // one kanji
  char initial;                  // lower case, as NormalizeText leaves it
  int first_year;                // western year of its year 1 (元年)
  int last;                      // its last year number
};

constexpr Era kEras[] = {
    {"明治", "明", 'm', 1868, 45}, {"大正", "大", 't', 1912, 15}, {"昭和", "昭", 's', 1926, 64},
    {"平成", "平", 'h', 1989, 31}, {"令和", "令", 'r', 2019, 99},
};

constexpr int kMinYear = 1868;
constexpr int kMaxYear = 2100;

// A year number in kanji (十五, 二十, 三): consumed from `*s`. Defined with
// the kanji numerals below.
std::optional<int> ConsumeKanjiNumber(absl::string_view* s);

const Era* ConsumeEra(absl::string_view* s) {
  for (const Era& era : kEras) {
    if (absl::ConsumePrefix(s, era.name)) return &era;
  }
  for (const Era& era : kEras) {
    if (absl::ConsumePrefix(s, era.short_name)) return &era;
  }
  for (const Era& era : kEras) {
    if (!s->empty() && (*s)[0] == era.initial && s->size() > 1 &&
        (IsDigit((*s)[1]) || (*s)[1] == '.' || absl::StartsWith(s->substr(1), "元"))) {
      s->remove_prefix(1);
      absl::ConsumePrefix(s, ".");
      return &era;
    }
  }
  return nullptr;
}

// Month and day after a year: "4月1日", "/4/1", "-04-01", ".4.1".
absl::Status ConsumeMonthDay(absl::string_view* s, bool after_nen, YearValue* value,
                             absl::string_view text) {
  if (s->empty()) return absl::OkStatus();
  int month = 0;
  int day = 0;
  if (after_nen) {
    absl::string_view digits = TakeDigits(s);
    if (digits.empty() || !absl::ConsumePrefix(s, "月") || !absl::SimpleAtoi(digits, &month)) {
      return absl::InvalidArgumentError(
          absl::StrCat("year ", Quoted(text), " is not a year or date"));
    }
    if (!s->empty()) {
      digits = TakeDigits(s);
      if (digits.empty() || !absl::SimpleAtoi(digits, &day)) {
        return absl::InvalidArgumentError(
            absl::StrCat("year ", Quoted(text), " is not a year or date"));
      }
      absl::ConsumePrefix(s, "日");
    }
  } else {
    const char separator = (*s)[0];
    if (separator != '/' && separator != '-' && separator != '.') {
      return absl::InvalidArgumentError(
          absl::StrCat("year ", Quoted(text), " is not a year or date"));
    }
    s->remove_prefix(1);
    absl::string_view digits = TakeDigits(s);
    if (digits.empty() || !absl::SimpleAtoi(digits, &month)) {
      return absl::InvalidArgumentError(
          absl::StrCat("year ", Quoted(text), " is not a year or date"));
    }
    if (!s->empty() && (*s)[0] == separator) {
      s->remove_prefix(1);
      digits = TakeDigits(s);
      if (digits.empty() || !absl::SimpleAtoi(digits, &day)) {
        return absl::InvalidArgumentError(
            absl::StrCat("year ", Quoted(text), " is not a year or date"));
      }
    }
  }
  if (month < 1 || month > 12 ||
      (day != 0 && (day < 1 || day > records::DaysInMonth(value->year, month)))) {
    return absl::InvalidArgumentError(
        absl::StrCat("date ", Quoted(text), " has no such month or day"));
  }
  value->month = month;
  value->day = day;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<YearValue> ParseYear(absl::string_view text) {
  if (IsBlank(text)) return absl::NotFoundError("no year");
  const std::string normalized = text::NormalizeText(text);
  absl::string_view s = normalized;
  YearValue value;
  if (const Era* era = ConsumeEra(&s)) {
    int n = 0;
    if (absl::ConsumePrefix(&s, "元")) {
      n = 1;
    } else if (std::optional<int> kanji = ConsumeKanjiNumber(&s)) {
      n = *kanji;
    } else {
      absl::string_view digits = TakeDigits(&s);
      if (digits.empty() || digits.size() > 2 || !absl::SimpleAtoi(digits, &n)) {
        return absl::InvalidArgumentError(
            absl::StrCat("year ", Quoted(text), ": ", era->name, " needs a year number"));
      }
    }
    if (n < 1 || n > era->last) {
      return absl::InvalidArgumentError(absl::StrCat("year ", Quoted(text), ": ", era->name,
                                                     " has no year ", n, " (it ran 1–", era->last,
                                                     ")"));
    }
    value.year = era->first_year + n - 1;
  } else {
    absl::string_view digits = TakeDigits(&s);
    if (digits.size() == 5 && s.empty()) {
      // An Excel date serial (1900 date system; its day 60 is the fictitious
      // 1900-02-29, so later serials count from 1899-12-30).
      int serial = 0;
      absl::SimpleAtoi(digits, &serial);
      const absl::CivilDay day = absl::CivilDay(1899, 12, 30) + serial;
      value.year = static_cast<int>(day.year());
      value.month = day.month();
      value.day = day.day();
      if (value.year < kMinYear || value.year > kMaxYear) {
        return absl::InvalidArgumentError(absl::StrCat("year ", Quoted(text), " is out of range"));
      }
      return value;
    }
    if (digits.size() != 4) {
      return absl::InvalidArgumentError(
          absl::StrCat("year ", Quoted(text),
                       digits.size() == 2 ? " has two digits: write 2003 or H15"
                                          : " is not a year (H15, 平成15年度, 2003 …)"));
    }
    absl::SimpleAtoi(digits, &value.year);
    if (value.year < kMinYear || value.year > kMaxYear) {
      return absl::InvalidArgumentError(absl::StrCat("year ", Quoted(text), " is out of range"));
    }
  }
  bool after_nen = false;
  if (absl::ConsumePrefix(&s, "年度")) {
    value.fiscal = true;
  } else if (absl::ConsumePrefix(&s, "年")) {
    after_nen = true;
  }
  if (!value.fiscal) {
    if (absl::Status status = ConsumeMonthDay(&s, after_nen, &value, text); !status.ok()) {
      return status;
    }
  }
  if (!s.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("year ", Quoted(text), " has more after the year"));
  }
  return value;
}

// ------------------------------------------------------------------- phones

namespace {

// Area codes of the region (and the two largest cities), longest first.
constexpr absl::string_view kAreaCodes[] = {
    "0191", "0192", "0193", "0194", "0195", "0197", "0198",
    "0220", "0226", "0228", "019",  "022",  "03",   "06",
};

bool IsPhoneSeparator(char32_t c) {
  return c == '-' || c == '(' || c == ')' || c == U'ー' || c == U'ｰ' || c == '.' || c == ' ';
}

// Mobiles and IP phones: 11 digits, 3-4-4.
constexpr absl::string_view kMobilePrefixes[] = {"090", "080", "070", "060", "050"};
// Free dial of 11 digits, 4-3-4.
constexpr absl::string_view kFreeDial11 = "0800";

bool IsElevenDigitPrefix(absl::string_view digits) {
  if (absl::StartsWith(digits, kFreeDial11)) return true;
  for (absl::string_view prefix : kMobilePrefixes) {
    if (absl::StartsWith(digits, prefix)) return true;
  }
  return false;
}

// Hyphenates 10 or 11 digits with a leading 0 when a rule knows how;
// "" otherwise.
std::string Hyphenate(absl::string_view d) {
  auto split = [&](std::initializer_list<size_t> sizes) {
    std::vector<absl::string_view> parts;
    size_t at = 0;
    for (size_t size : sizes) {
      parts.push_back(d.substr(at, size));
      at += size;
    }
    return absl::StrJoin(parts, "-");
  };
  if (d.size() == 11) {
    if (absl::StartsWith(d, kFreeDial11)) return split({4, 3, 4});
    return IsElevenDigitPrefix(d) ? split({3, 4, 4}) : "";
  }
  if (d.size() != 10) return "";
  if (absl::StartsWith(d, "0120") || absl::StartsWith(d, "0570")) {
    return split({4, 3, 3});
  }
  for (absl::string_view area : kAreaCodes) {
    if (absl::StartsWith(d, area)) {
      return split({area.size(), 6 - area.size(), 4});
    }
  }
  return "";
}

// Whether `digits` make a whole number with its area code: 10 digits that
// do not begin an 11-digit number (mobiles, IP phones, 0800), or 11.
bool IsWholeNumber(const std::string& digits) {
  if (digits.size() == 11) return digits[0] == '0';
  return digits.size() == 10 && digits[0] == '0' && !IsElevenDigitPrefix(digits);
}

}  // namespace

absl::StatusOr<Phone> ParsePhone(absl::string_view text) {
  if (IsBlank(text)) return absl::NotFoundError("no phone number");
  // White space kept (one ' '): it separates two numbers as well as the
  // groups of one.
  const std::u32string s = text::DecodeUtf8(text::NormalizeForSearch(text));
  size_t i = 0;
  while (i < s.size() && !(s[i] >= '0' && s[i] <= '9') && s[i] != '+') ++i;
  std::string prefix;  // "0" for +81
  if (i < s.size() && s[i] == '+') {
    if (s.compare(i, 3, U"+81") != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("phone ", Quoted(text), " is not a Japanese number (+81)"));
    }
    i += 3;
    while (i < s.size() && (s[i] == '-' || s[i] == ' ')) ++i;
    if (s.compare(i, 3, U"(0)") == 0) i += 3;
    prefix = "0";
  }
  std::vector<std::string> groups;
  while (i < s.size()) {
    const char32_t c = s[i];
    if (c >= '0' && c <= '9') {
      std::string group;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        group.push_back(static_cast<char>(s[i++]));
      }
      groups.push_back(std::move(group));
      // A whole number ends the first: "0191-23-4567 0191-23-4568".
      if (IsWholeNumber(prefix + absl::StrJoin(groups, ""))) break;
      continue;
    }
    // "(" starts a note unless a digit follows: 0191-31-7700(代表).
    if (c == '(' && !(i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9')) {
      break;
    }
    if (!IsPhoneSeparator(c)) break;
    ++i;
  }
  if (groups.empty()) return absl::NotFoundError("no phone number");
  Phone phone;
  const std::u32string rest = s.substr(i);
  for (std::u32string_view mark : {U"内線", U"ext.", U"ext", U"ex."}) {
    const size_t at = rest.find(mark);
    if (at == std::u32string::npos) continue;
    size_t j = at + mark.size();
    while (j < rest.size() && (rest[j] == ':' || rest[j] == '.')) ++j;
    while (j < rest.size() && rest[j] >= '0' && rest[j] <= '9') {
      phone.extension.push_back(static_cast<char>(rest[j++]));
    }
    break;
  }
  if (!prefix.empty()) groups.front().insert(0, prefix);
  phone.digits = absl::StrJoin(groups, "");
  const std::string& d = phone.digits;
  if (d[0] != '0') {
    if (d.size() < 5 || d.size() > 8) {
      return absl::InvalidArgumentError(
          absl::StrCat("phone ", Quoted(text), " has ", d.size(),
                       " digits and no area code: not a phone number"));
    }
    phone.missing_area_code = true;
    phone.formatted = groups.size() >= 2 && groups.back().size() == 4
                          ? absl::StrJoin(groups, "-")
                          : absl::StrCat(d.substr(0, d.size() - 4), "-", d.substr(d.size() - 4));
    return phone;
  }
  if (d.size() != 10 && d.size() != 11) {
    return absl::InvalidArgumentError(
        absl::StrCat("phone ", Quoted(text), " has ", d.size(),
                     " digits; a number with its area code has 10 (11 for mobiles)"));
  }
  phone.formatted = Hyphenate(d);
  if (phone.formatted.empty() && d.size() == 11) {
    return absl::InvalidArgumentError(absl::StrCat("phone ", Quoted(text),
                                                   " has 11 digits but is not a mobile number "
                                                   "(090/080/070/060/050, 0800)"));
  }
  if (phone.formatted.empty()) {
    const bool grouped = groups.size() == 3 && groups[2].size() == 4 && groups[0].size() >= 2 &&
                         groups[0].size() <= 5;
    phone.formatted = grouped ? absl::StrJoin(groups, "-") : d;
  }
  return phone;
}

std::optional<Phone> RestoreDroppedZero(absl::string_view text) {
  std::string s = text::NormalizeText(text);
  if (absl::EndsWith(s, ".0")) s.resize(s.size() - 2);  // a General-format number
  if (!internal::AllDigits(s) || s[0] == '0' || (s.size() != 9 && s.size() != 10)) {
    return std::nullopt;
  }
  const std::string digits = absl::StrCat("0", s);
  Phone phone;
  phone.formatted = Hyphenate(digits);
  if (phone.formatted.empty()) return std::nullopt;  // no known area code or prefix
  phone.digits = digits;
  return phone;
}

absl::StatusOr<PostalCode> ParsePostalCode(absl::string_view text) {
  if (IsBlank(text)) return absl::NotFoundError("no postal code");
  const std::string s = absl::StrReplaceAll(  // width; spaces dropped; hyphens of every kind
      text::NormalizeText(text), {{"ー", "-"}, {"‐", "-"}, {"―", "-"}, {"−", "-"}});
  absl::string_view v = s;
  absl::ConsumePrefix(&v, "〒");
  absl::ConsumeSuffix(&v, ".0");
  std::string digits;
  for (char c : v) {
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c != '-') {
      return absl::InvalidArgumentError(absl::StrCat("postal code ", Quoted(text),
                                                     " is not a postal code (021-0041)"));
    }
  }
  PostalCode code;
  if (digits.size() == 6 && internal::AllDigits(v)) {
    digits.insert(0, "0");  // Excel dropped the leading 0 of 0210041
    code.restored = true;
  }
  if (digits.size() != 7) {
    return absl::InvalidArgumentError(absl::StrCat("postal code ", Quoted(text), " has ",
                                                   digits.size(), " digits; a postal code has 7"));
  }
  code.formatted = absl::StrCat(digits.substr(0, 3), "-", digits.substr(3));
  return code;
}

absl::StatusOr<Phone> WithAreaCode(const Phone& local, absl::string_view area_code) {
  if (!local.missing_area_code) {
    return absl::InvalidArgumentError(
        absl::StrCat("phone ", local.formatted, " already has an area code"));
  }
  std::string area;
  for (char c : area_code) {
    if (IsDigit(c)) area.push_back(c);
  }
  const std::string digits = area + local.digits;
  if (area.empty() || area[0] != '0' || digits.size() != 10) {
    return absl::InvalidArgumentError(absl::StrCat("area code \"", area_code,
                                                   "\" and local number ", local.formatted,
                                                   " do not make a 10-digit number"));
  }
  Phone phone;
  phone.digits = digits;
  phone.extension = local.extension;
  phone.formatted = Hyphenate(digits);
  if (phone.formatted.empty()) {
    phone.formatted = absl::StrCat(area, "-", local.formatted);
  }
  return phone;
}

// ---------------------------------------------------- kanji numerals

namespace {

// The value of a kanji numeral character: 0–9, or 10/100/1000 for the
// units; -1 for other characters.
int NumeralValue(char32_t c) {
  switch (c) {
    case U'〇':
    case U'○':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return -1;
  }
}

bool IsNumeral(char32_t c) { return NumeralValue(c) >= 0; }

// The bytes of the run of kanji numerals at the start of `s`.
size_t BytesOfKanjiRun(absl::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(p, next, length, c);
    if (c < 0 || !IsNumeral(static_cast<char32_t>(c))) break;
    i = next;
  }
  return static_cast<size_t>(i);
}

bool IsHyphen(char32_t c) {
  return c == '-' || c == U'－' || c == U'‐' || c == U'―' || c == U'ー' || c == U'−' || c == U'–' ||
         c == U'—';
}

// The digits a run of kanji numerals stands for, or nullopt when it is not
// a well-formed number.
std::optional<std::string> ReadNumeral(std::u32string_view run) {
  bool positional = false;
  bool nonzero = false;
  for (char32_t c : run) {
    const int v = NumeralValue(c);
    if (v >= 10) positional = true;
    if (v != 0) nonzero = true;
  }
  if (!nonzero) return std::nullopt;  // ○○番地: a placeholder
  if (!positional) {
    std::string digits;
    for (char32_t c : run) {
      digits.push_back(static_cast<char>('0' + NumeralValue(c)));
    }
    return digits;
  }
  int total = 0;
  int pending = -1;       // a digit waiting for its unit
  int last_unit = 10000;  // units must come in falling order
  for (char32_t c : run) {
    const int v = NumeralValue(c);
    if (v < 10) {
      if (pending >= 0) return std::nullopt;  // 二三十
      pending = v;
      continue;
    }
    if (v >= last_unit) return std::nullopt;  // 十百, 十十
    total += (pending >= 0 ? pending : 1) * v;
    pending = -1;
    last_unit = v;
  }
  if (pending >= 0) total += pending;
  return std::to_string(total);
}

std::optional<int> ConsumeKanjiNumber(absl::string_view* s) {
  const std::u32string text = text::DecodeUtf8(s->substr(0, BytesOfKanjiRun(*s)));
  if (text.empty()) return std::nullopt;
  std::optional<std::string> digits = ReadNumeral(text);
  int value = 0;
  if (!digits.has_value() || digits->size() > 4 || !absl::SimpleAtoi(*digits, &value)) {
    return std::nullopt;
  }
  s->remove_prefix(BytesOfKanjiRun(*s));
  return value;
}

bool StartsWith(std::u32string_view text, std::u32string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::u32string_view text, std::u32string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Lot markers after a number: 番地, 番 (not 番町/番丁), 号, 丁目, 地割, a
// hyphen, or の followed by a number.
bool LotMarkerFollows(std::u32string_view after) {
  if (after.empty()) return false;
  if (StartsWith(after, U"番町") || StartsWith(after, U"番丁")) return false;
  if (StartsWith(after, U"番") || StartsWith(after, U"号") || StartsWith(after, U"丁目") ||
      StartsWith(after, U"地割") || IsHyphen(after[0])) {
    return true;
  }
  return after[0] == U'の' && after.size() > 1 &&
         ((after[1] >= '0' && after[1] <= '9') || IsNumeral(after[1]));
}

// At the end of the address (or before a bracket or space that starts a
// building name): after a lot marker, or after 字 and its name.
bool EndsAsLotNumber(std::u32string_view before, std::u32string_view after) {
  if (!after.empty() && after[0] != ' ' && after[0] != U'　' && after[0] != '(' &&
      after[0] != U'（' && after[0] != ',' && after[0] != U'、') {
    return false;
  }
  for (std::u32string_view marker : {U"番地", U"番", U"号", U"丁目", U"地割", U"の"}) {
    if (EndsWith(before, marker)) return true;
  }
  if (!before.empty() && IsHyphen(before.back())) return true;
  const size_t aza = before.rfind(U'字');
  return aza != std::u32string_view::npos && aza + 1 < before.size();
}

}  // namespace

std::string ConvertKanjiNumerals(absl::string_view address) {
  const std::u32string s = text::DecodeUtf8(address);
  const std::u32string_view view = s;
  std::string out;
  out.reserve(address.size());
  size_t i = 0;
  while (i < s.size()) {
    if (!IsNumeral(s[i])) {
      text::AppendUtf8(s[i++], &out);
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsNumeral(s[j])) ++j;
    const std::u32string_view run = view.substr(i, j - i);
    const std::u32string_view before = view.substr(0, i);
    const std::u32string_view after = view.substr(j);
    std::optional<std::string> digits;
    if (LotMarkerFollows(after) || EndsAsLotNumber(before, after)) {
      digits = ReadNumeral(run);
    }
    if (digits.has_value()) {
      out += *digits;
    } else {
      for (char32_t c : run) text::AppendUtf8(c, &out);
    }
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------- addresses

namespace {

constexpr absl::string_view kPrefectures[] = {
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県",   "福島県", "茨城県",
    "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
    "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",   "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
    "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県",   "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
};

constexpr absl::string_view kIwate = "岩手県";
constexpr absl::string_view kIchinoseki = "一関市";

// Municipalities merged into 一関市 (2005; 藤沢町 2011).
struct FormerMunicipality {
  absl::string_view county;    // 東磐井郡
  absl::string_view name;      // 川崎村
  absl::string_view district;  // 川崎
  absl::string_view today;     // 川崎町: how the rest is written today
};

constexpr FormerMunicipality kMergedIntoIchinoseki[] = {
    {"西磐井郡", "花泉町", "花泉", "花泉町"}, {"東磐井郡", "大東町", "大東", "大東町"},
    {"東磐井郡", "千厩町", "千厩", "千厩町"}, {"東磐井郡", "東山町", "東山", "東山町"},
    {"東磐井郡", "川崎村", "川崎", "川崎町"}, {"東磐井郡", "室根村", "室根", "室根町"},
    {"東磐井郡", "藤沢町", "藤沢", "藤沢町"},
};

// Towns of the region, as written without their 郡 → the full form.
struct Town {
  absl::string_view written;
  absl::string_view city;
};

constexpr Town kRegionTowns[] = {
    {"平泉町", "西磐井郡平泉町"},
    {"金ケ崎町", "胆沢郡金ケ崎町"},
    {"金ヶ崎町", "胆沢郡金ケ崎町"},
    {"胆沢郡金ヶ崎町", "胆沢郡金ケ崎町"},
};

// Municipalities whose prefecture may be left out in the region's lists.
struct Municipality {
  absl::string_view city;  // or a prefix of it (仙台市 for its wards)
  absl::string_view prefecture;
};

constexpr Municipality kRegionMunicipalities[] = {
    {"一関市", "岩手県"},         {"奥州市", "岩手県"},   {"北上市", "岩手県"},
    {"花巻市", "岩手県"},         {"盛岡市", "岩手県"},   {"遠野市", "岩手県"},
    {"釜石市", "岩手県"},         {"大船渡市", "岩手県"}, {"陸前高田市", "岩手県"},
    {"宮古市", "岩手県"},         {"久慈市", "岩手県"},   {"二戸市", "岩手県"},
    {"八幡平市", "岩手県"},       {"滝沢市", "岩手県"},   {"西磐井郡平泉町", "岩手県"},
    {"胆沢郡金ケ崎町", "岩手県"}, {"栗原市", "宮城県"},   {"登米市", "宮城県"},
    {"気仙沼市", "宮城県"},       {"大崎市", "宮城県"},   {"石巻市", "宮城県"},
    {"仙台市", "宮城県"},
};

// Cities with wards (政令指定都市).
constexpr absl::string_view kDesignatedCities[] = {
    "札幌市", "仙台市", "さいたま市", "千葉市",   "横浜市", "川崎市", "相模原市",
    "新潟市", "静岡市", "浜松市",     "名古屋市", "京都市", "大阪市", "堺市",
    "神戸市", "岡山市", "広島市",     "北九州市", "福岡市", "熊本市",
};

void SkipSpaces(absl::string_view* s) { *s = internal::Trim(*s); }

// The byte length of the first `n` code points of `s` (or all of it).
size_t BytesOfCodePoints(absl::string_view s, int n) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  for (int k = 0; k < n && i < length; ++k) U8_FWD_1(p, i, length);
  return static_cast<size_t>(i);
}

// The byte offset of `needle` within the first `n` code points of `s`,
// not at its start; npos when absent.
size_t FindEarly(absl::string_view s, absl::string_view needle, int n) {
  const size_t limit = BytesOfCodePoints(s, n);
  const size_t at = s.substr(0, limit).find(needle, 1);
  return at;
}

// "〒021-0000", "021-0000", "〒0210000" at the start (any width).
std::string ConsumePostalCode(absl::string_view* s) {
  absl::string_view rest = *s;
  const bool mark = absl::ConsumePrefix(&rest, "〒");
  SkipSpaces(&rest);
  // Normalize the next few characters only: the code is 7 or 8 of them.
  const size_t head_bytes = BytesOfCodePoints(rest, 8);
  const std::string head = text::NormalizeText(rest.substr(0, head_bytes));
  absl::string_view h = head;
  const absl::string_view first = TakeDigits(&h);
  std::string code;
  if (first.size() == 3 && absl::ConsumePrefix(&h, "-")) {
    const absl::string_view second = TakeDigits(&h);
    if (second.size() == 4) code = absl::StrCat(first, "-", second);
  } else if (first.size() == 7 && mark) {
    code = absl::StrCat(first.substr(0, 3), "-", first.substr(3));
  }
  if (code.empty()) return "";
  // Consume the same characters from the original text: NormalizeText kept
  // one for each of them but dropped the spaces between ("〒021 0000").
  const size_t need = first.size() == 3 ? 8 : 7;
  size_t taken = 0, at = 0;
  while (at < rest.size() && taken < need) {
    const size_t length = BytesOfCodePoints(rest.substr(at), 1);
    const absl::string_view c = rest.substr(at, length);
    if (c != " " && c != "\t" && c != "\xE3\x80\x80") ++taken;
    at += length;
  }
  rest.remove_prefix(at);
  *s = rest;
  return code;
}

}  // namespace

AddressParts SplitAddress(absl::string_view address) {
  AddressParts parts;
  absl::string_view s = internal::Trim(address);
  parts.postal_code = ConsumePostalCode(&s);
  SkipSpaces(&s);
  for (absl::string_view prefecture : kPrefectures) {
    if (absl::ConsumePrefix(&s, prefecture)) {
      parts.prefecture = std::string(prefecture);
      break;
    }
  }
  SkipSpaces(&s);
  const bool may_be_iwate = parts.prefecture.empty() || parts.prefecture == kIwate;

  std::string rest_prefix;  // text put back in front of the rest
  bool found = false;
  if (may_be_iwate) {
    for (const FormerMunicipality& former : kMergedIntoIchinoseki) {
      absl::string_view t = s;
      const bool county = absl::ConsumePrefix(&t, former.county);
      SkipSpaces(&t);
      if (absl::ConsumePrefix(&t, former.name)) {
        parts.city = std::string(kIchinoseki);
        parts.district = std::string(former.district);
        // Without its 郡, 千厩町… may be today's form missing 一関市; a 村
        // (川崎村, 室根村) is always the old one.
        if (county || former.name != former.today) {
          parts.former_municipality = absl::StrCat(former.county, former.name);
        }
        rest_prefix = std::string(former.today);
        s = t;
        found = true;
        break;
      }
    }
    for (const Town& town : kRegionTowns) {
      if (!found && absl::ConsumePrefix(&s, town.written)) {
        parts.city = std::string(town.city);
        found = true;
      }
    }
  }
  if (!found && parts.prefecture == "東京都") {
    const size_t ward = FindEarly(s, "区", 5);
    if (ward != absl::string_view::npos && FindEarly(s, "市", 5) == absl::string_view::npos) {
      parts.city = std::string(s.substr(0, ward + strlen("区")));
      s.remove_prefix(parts.city.size());
      found = true;
    }
  }
  if (!found) {
    const size_t gun = FindEarly(s, "郡", 6);
    const size_t shi = FindEarly(s, "市", 6);
    if (gun != absl::string_view::npos && (shi == absl::string_view::npos || gun < shi)) {
      const size_t after_gun = gun + strlen("郡");
      const absl::string_view town = s.substr(after_gun);
      const size_t cho = FindEarly(town, "町", 6);
      const size_t son = FindEarly(town, "村", 6);
      const size_t end = std::min(cho, son);
      if (end != absl::string_view::npos) {
        parts.city = std::string(s.substr(0, after_gun + end + strlen("町")));
        s.remove_prefix(parts.city.size());
        found = true;
      }
    } else if (shi != absl::string_view::npos) {
      size_t end = shi + strlen("市");
      // 四日市市, 廿日市市: the name itself ends in 市.
      if (absl::StartsWith(s.substr(end), "市")) end += strlen("市");
      parts.city = std::string(s.substr(0, end));
      s.remove_prefix(end);
      for (absl::string_view designated : kDesignatedCities) {
        if (parts.city != designated) continue;
        const size_t ward = FindEarly(s, "区", 5);
        if (ward != absl::string_view::npos) {
          const size_t ward_end = ward + strlen("区");
          absl::StrAppend(&parts.city, s.substr(0, ward_end));
          s.remove_prefix(ward_end);
        }
      }
      found = true;
    }
    for (const Town& town : kRegionTowns) {
      if (found && parts.city == town.written && may_be_iwate) {
        parts.city = std::string(town.city);
      }
    }
  }
  SkipSpaces(&s);
  parts.rest = absl::StrCat(rest_prefix, s);

  if (parts.city == kIchinoseki && parts.district.empty()) {
    for (const FormerMunicipality& former : kMergedIntoIchinoseki) {
      if (absl::StartsWith(parts.rest, former.today)) {
        parts.district = std::string(former.district);
      }
    }
    if (parts.district.empty() && !parts.rest.empty()) parts.district = "一関";
  }
  if (parts.prefecture.empty() && !parts.city.empty()) {
    for (const Municipality& municipality : kRegionMunicipalities) {
      if (absl::StartsWith(parts.city, municipality.city)) {
        parts.prefecture = std::string(municipality.prefecture);
        parts.prefecture_inferred = true;
        break;
      }
    }
  }
  return parts;
}

std::vector<std::string> SplitList(absl::string_view text, bool slash) {
  const std::string unified =
      absl::StrReplaceAll(text, {{"、", "\n"}, {"，", "\n"}, {"／", "\n"}});
  std::vector<std::string> items;
  for (absl::string_view item :
       absl::StrSplit(unified, absl::ByAnyChar(slash ? ",;\n/" : ",;\n"))) {
    const absl::string_view trimmed = internal::Trim(item);
    if (!trimmed.empty()) items.emplace_back(trimmed);
  }
  return items;
}

}  // namespace renkei::importer
