#include "importer/column_values.h"

#include <functional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "importer/values.h"
#include "server/text/char_class.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

namespace renkei::importer {
namespace {

constexpr double kMost = 0.8;
constexpr double kHalf = 0.5;
constexpr double kAddressShare = 0.6;

constexpr absl::string_view kLegalForms[] = {
    "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)",     "(有)",
    "(同)",     "㈱",       "㈲",       "協同組合", "組合",     "社団法人", "財団法人",
    "学校法人", "法人",     "協会",
};

constexpr absl::string_view kSiteEndings[] = {
    "工場", "事業所", "営業所", "支店", "支社", "研究所", "製造所", "出張所", "本社", "本店",
};

constexpr absl::string_view kPrefectureEndings[] = {"県", "都", "府", "道"};

double Share(const std::vector<std::string>& values,
             const std::function<bool(absl::string_view)>& test) {
  int total = 0, yes = 0;
  for (const std::string& value : values) {
    if (value.empty()) continue;
    ++total;
    if (test(value)) ++yes;
  }
  return total == 0 ? 0 : static_cast<double>(yes) / total;
}

bool IsCorporateNumber(absl::string_view value) { return ParseCorporateNumber(value).ok(); }

bool IsPostalCode(absl::string_view value) {
  const std::string s = text::NormalizeText(value);
  const bool mark = absl::StartsWith(s, "〒");
  // Seven digits alone could be anything; a hyphen or the mark says postal.
  return ParsePostalCode(value).ok() && (mark || s.find('-') == 3);
}

bool IsWholePhone(absl::string_view value) {
  absl::StatusOr<Phone> phone = ParsePhone(value);
  return phone.ok() && !phone->missing_area_code && !IsPostalCode(value);
}

bool IsYear(absl::string_view value) { return ParseYear(value).ok(); }

bool IsWrittenAsYear(absl::string_view value) {
  const std::string s = text::NormalizeText(value);
  for (absl::string_view mark : {"年", "/", "-", ".", "明治", "大正", "昭和", "平成", "令和"}) {
    if (absl::StrContains(s, mark)) return true;
  }
  return !s.empty() && (s[0] == 's' || s[0] == 'h' || s[0] == 'r' || s[0] == 'm' || s[0] == 't');
}

bool IsCompanyName(absl::string_view value) {
  const std::string s = text::NormalizeText(value);
  for (absl::string_view form : kLegalForms) {
    if (absl::StrContains(s, text::NormalizeText(form))) return true;
  }
  return false;
}

bool IsAddress(absl::string_view value) {
  const std::string s = text::NormalizeText(value);
  bool digit = false;
  for (char c : s) digit = digit || absl::ascii_isdigit(static_cast<unsigned char>(c));
  const std::u32string chars = text::DecodeUtf8(s);
  for (size_t i = 1; i < chars.size() && i < 5; ++i) {
    for (absl::string_view ending : kPrefectureEndings) {
      if (text::DecodeUtf8(ending)[0] == chars[i]) return true;
    }
  }
  for (absl::string_view place : {"市", "郡", "町", "村"}) {
    if (absl::StrContains(s, place) && digit) return true;
  }
  return false;
}

bool IsKana(absl::string_view value) {
  const std::string s = text::NormalizeText(value);  // hiragana folded to katakana
  if (s.empty()) return false;
  for (char32_t c : text::DecodeUtf8(s)) {
    if (!text::IsKatakana(c) && c != U'ー' && c != U'・' && c != ' ' && c != U'　') return false;
  }
  return true;
}

}  // namespace

bool IsSiteName(absl::string_view value) {
  const std::string s = text::NormalizeText(value);
  for (absl::string_view ending : kSiteEndings) {
    if (absl::EndsWith(s, ending)) return true;
  }
  return false;
}

double SiteNameShare(const std::vector<std::string>& values) { return Share(values, IsSiteName); }
double CompanyNameShare(const std::vector<std::string>& values) {
  return Share(values, IsCompanyName);
}

absl::string_view ValueKindWords(ValueKind kind) {
  switch (kind) {
    case ValueKind::kCorporateNumber: return "13-digit numbers with valid check digits";
    case ValueKind::kPostalCode: return "postal codes";
    case ValueKind::kPhone: return "phone numbers";
    case ValueKind::kYear: return "years";
    case ValueKind::kCompanyName: return "names with a legal form";
    case ValueKind::kSiteName: return "plant and office names";
    case ValueKind::kAddress: return "addresses";
    case ValueKind::kKana: return "kana";
    case ValueKind::kNone: break;
  }
  return "";
}

ValueKind KindOfValues(const std::vector<std::string>& values) {
  if (Share(values, [](absl::string_view) { return true; }) == 0) return ValueKind::kNone;
  if (Share(values, IsCorporateNumber) >= kMost) return ValueKind::kCorporateNumber;
  if (Share(values, IsPostalCode) >= kMost) return ValueKind::kPostalCode;
  if (Share(values, IsWholePhone) >= kMost) return ValueKind::kPhone;
  if (Share(values, IsYear) >= kMost && Share(values, IsWrittenAsYear) >= kHalf) {
    return ValueKind::kYear;
  }
  if (Share(values, IsKana) >= kMost) return ValueKind::kKana;
  if (SiteNameShare(values) >= kHalf) return ValueKind::kSiteName;
  if (CompanyNameShare(values) >= kHalf) return ValueKind::kCompanyName;
  if (Share(values, IsAddress) >= kAddressShare) return ValueKind::kAddress;
  return ValueKind::kNone;
}

}  // namespace renkei::importer
