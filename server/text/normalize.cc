#include "server/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "server/text/char_class.h"
#include "server/text/utf8.h"

namespace renkei::text {
namespace {

const icu::Normalizer2& NfkcCasefold() {
  static const icu::Normalizer2* const normalizer = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return *normalizer;
}

// Variant kanji that name lists use interchangeably (異体字). ICU has no
// table for these: NFKC leaves 髙, 﨑 and 齋 as they are.
constexpr std::array<std::pair<UChar32, UChar32>, 14> kVariantKanji = {{
    {0x9AD9, 0x9AD8},  // 髙 → 高
    {0xFA11, 0x5D0E},  // 﨑 → 崎
    {0x5D5C, 0x5D0E},  // 嵜 → 崎
    {0x9F4B, 0x658E},  // 齋 → 斎
    {0x9F4A, 0x6589},  // 齊 → 斉
    {0x908A, 0x8FBA},  // 邊 → 辺
    {0x9089, 0x8FBA},  // 邉 → 辺
    {0x6FA4, 0x6CA2},  // 澤 → 沢
    {0x6FF1, 0x6D5C},  // 濱 → 浜
    {0x5D8B, 0x5CF6},  // 嶋 → 島
    {0x5EE3, 0x5E83},  // 廣 → 広
    {0x570B, 0x56FD},  // 國 → 国
    {0x6AFB, 0x685C},  // 櫻 → 桜
    {0x7027, 0x6EDD},  // 瀧 → 滝
}};

UChar32 FoldCodePoint(UChar32 c, bool fold_kana) {
  // Hiragana → katakana (ぁ..ゖ, ゝ ゞ): a fixed offset in Unicode.
  if (fold_kana && ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E)) return c + 0x60;
  // Dashes and minus signs that lists mix up with '-'.
  switch (c) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE63: case 0xFF0D:
      return '-';
    default:
      break;
  }
  for (const auto& [from, to] : kVariantKanji) {
    if (c == from) return to;
  }
  return c;
}

// The folding NormalizeText and NormalizeForSearch share. With
// `keep_spaces`, runs of white space become one ' ' (words stay apart) and
// a long-vowel mark ending a katakana word is dropped (センサー = センサ).
std::string Fold(absl::string_view text, bool keep_spaces, bool fold_kana) {
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = NfkcCasefold().normalize(source, status);
  if (U_FAILURE(status)) folded = source;
  std::string out;
  out.reserve(text.size());
  auto append = [&out](UChar32 c) {
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, c, error);
    if (!error) out.append(buffer, static_cast<size_t>(length));
  };
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c)) {
      pending_space = keep_spaces && !out.empty();
      continue;
    }
    c = FoldCodePoint(c, fold_kana);
    if (keep_spaces && c == 0x30FC) {  // ー: drop it at the end of a katakana word
      const UChar32 next = i < folded.length() ? FoldCodePoint(folded.char32At(i), true) : 0;
      if (!IsKatakana(static_cast<char32_t>(next))) continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    append(c);
  }
  return out;
}

}  // namespace

std::string NormalizeText(absl::string_view text) { return Fold(text, false, true); }

std::string NormalizeForSearch(absl::string_view text) { return Fold(text, true, false); }

std::string FoldKana(absl::string_view normalized) {
  std::string out(normalized);
  // ぁ..ゖ are E3 81 81..E3 82 96, ゝゞ E3 82 9D..9E; katakana is 0x60 above.
  for (size_t i = 0; i + 2 < out.size(); ++i) {
    if (static_cast<unsigned char>(out[i]) != 0xE3) continue;
    const auto b1 = static_cast<unsigned char>(out[i + 1]);
    const auto b2 = static_cast<unsigned char>(out[i + 2]);
    UChar32 c = ((0xE3 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E) {
      c += 0x60;
      out[i + 1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out[i + 2] = static_cast<char>(0x80 | (c & 0x3F));
    }
    i += 2;
  }
  return out;
}

std::string StripLegalForm(absl::string_view normalized_name) {
  // Normalized forms (NFKC casefold, hiragana → katakana): ㈱ is "(株)",
  // ｶ) is "カ)".
  static constexpr absl::string_view kForms[] = {
      "特定非営利活動法人", "国立研究開発法人", "地方独立行政法人",
      "独立行政法人", "一般社団法人", "公益社団法人", "一般財団法人",
      "公益財団法人", "社会福祉法人", "学校法人", "医療法人", "npo法人",
      "株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
      "(株)", "(有)", "(合)", "(資)", "(名)", "(同)", "(一社)", "(公財)",
      "(一財)", "(公社)", "(独)", "カ)", "ユ)", "(カ", "(ユ",
  };
  absl::string_view name = normalized_name;
  bool changed = true;
  while (changed) {
    changed = false;
    for (absl::string_view form : kForms) {
      if (name.size() > form.size() && absl::StartsWith(name, form)) {
        name.remove_prefix(form.size());
        changed = true;
      }
      if (name.size() > form.size() && absl::EndsWith(name, form)) {
        name.remove_suffix(form.size());
        changed = true;
      }
    }
  }
  return std::string(name);
}

std::vector<std::string> CodePointGrams(absl::string_view text, int n) {
  std::vector<size_t> starts;  // byte offset of each code point
  for (size_t i = 0; i < text.size(); i += FirstCodePoint(text.substr(i)).size()) {
    starts.push_back(i);
  }
  starts.push_back(text.size());
  std::vector<std::string> grams;
  const size_t count = starts.size() - 1;
  if (count == 0) return grams;
  if (count < static_cast<size_t>(n)) {
    grams.emplace_back(text);
    return grams;
  }
  std::set<absl::string_view> seen;
  for (size_t i = 0; i + n <= count; ++i) {
    absl::string_view gram = text.substr(starts[i], starts[i + n] - starts[i]);
    if (seen.insert(gram).second) grams.emplace_back(gram);
  }
  return grams;
}

size_t CodePointCount(absl::string_view text) {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace renkei::text
