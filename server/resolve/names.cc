#include "server/resolve/names.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "server/resolve/places.h"
#include "server/text/char_class.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

namespace renkei::resolve {
namespace {

std::string Nfkc(absl::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  if (U_FAILURE(error)) return std::string(text);
  icu::UnicodeString normalized = nfkc->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
      error);
  if (U_FAILURE(error)) return std::string(text);
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

// Endings of a site's label, longest first, with what they name.
struct SiteEnding {
  absl::string_view ending;
  SiteLabelKind kind;
};
constexpr SiteEnding kSiteEndings[] = {
    {"本社工場", SiteLabelKind::kPlant},    {"工場", SiteLabelKind::kPlant},
    {"製造所", SiteLabelKind::kPlant},      {"支店", SiteLabelKind::kOffice},
    {"営業所", SiteLabelKind::kOffice},     {"事業所", SiteLabelKind::kOffice},
    {"出張所", SiteLabelKind::kOffice},     {"支社", SiteLabelKind::kOffice},
    {"研究所", SiteLabelKind::kLaboratory}, {"本社", SiteLabelKind::kHeadOffice},
    {"本店", SiteLabelKind::kHeadOffice},
};

// Legal-form words as written in lists (after NFKC), for finding where a
// company's name ends.
constexpr absl::string_view kWrittenForms[] = {
    "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "(同)",
    "(資)",     "(名)",     "(合)",
};

SiteLabelKind KindOfLabel(absl::string_view label) {
  for (const SiteEnding& e : kSiteEndings) {
    if (absl::EndsWith(label, e.ending)) return e.kind;
  }
  return SiteLabelKind::kOffice;
}

bool IsSpace(absl::string_view point) { return point == " " || point == "\u3000"; }

// Whether `company` is a legal form and nothing else: (株), 株式会社 ….
bool OnlyLegalForm(absl::string_view company) {
  const std::string normalized = text::NormalizeText(company);
  if (text::StripLegalForm(normalized).empty()) return true;
  for (absl::string_view form : kWrittenForms) {
    if (normalized == text::NormalizeText(form)) return true;
  }
  return false;
}

std::string Trim(absl::string_view text) {
  std::string out(absl::StripAsciiWhitespace(text));
  while (absl::StartsWith(out, "\u3000")) out.erase(0, 3);
  while (absl::EndsWith(out, "\u3000")) out.resize(out.size() - 3);
  return std::string(absl::StripAsciiWhitespace(out));
}

// Kana spellings of legal forms (normalized: katakana), as kana-only
// names write them: ｻｲﾄｳﾃﾞﾝｷ ｶﾌﾞｼｷｶﾞｲｼｬ.
constexpr absl::string_view kKanaForms[] = {
    "カブシキガイシャ", "カブシキカイシャ", "ユウゲンガイシャ", "ユウゲンカイシャ",
    "ゴウドウガイシャ", "ゴウドウカイシャ", "ユウゲンカイシヤ", "カブシキカイシヤ",
};

// Titles written with representatives' names, longest first.
constexpr absl::string_view kTitles[] = {
    "代表取締役社長", "代表取締役会長", "代表取締役専務", "代表取締役", "取締役社長",
    "代表執行役",     "代表社員",       "代表理事",       "理事長",     "組合長",
    "工場長",         "支店長",         "所長",           "会長",       "社長",
    "代表者",         "代表",           "専務",           "常務",       "店主",
    "センター長",     "部長",           "課長",
};

// 株式会社岩手ダイカスト（金ケ崎工場）: a site label in brackets at the end
// (after NFKC). Sets `parts` and returns true when `name` is written so.
bool SplitBracketedSite(const std::string& name, NameParts* parts) {
  if (!absl::EndsWith(name, ")")) return false;
  const size_t open = name.rfind('(');
  if (open == std::string::npos || open == 0) return false;
  const std::string label = Trim(name.substr(open + 1, name.size() - open - 2));
  const std::string company = Trim(name.substr(0, open));
  for (const SiteEnding& e : kSiteEndings) {
    if (absl::EndsWith(label, e.ending) && label.size() > e.ending.size() &&
        !OnlyLegalForm(company)) {
      parts->company = company;
      parts->site_label = label;
      parts->site_kind = e.kind;
      return true;
    }
  }
  return false;
}

}  // namespace

NameParts SplitSite(absl::string_view written, absl::string_view site_hint) {
  NameParts parts;
  const std::string name = Trim(Nfkc(written));
  const std::string hint = Trim(Nfkc(site_hint));
  if (!hint.empty()) {
    parts.site_label = hint;
    parts.site_kind = KindOfLabel(hint);
    parts.company = absl::EndsWith(name, hint) && name.size() > hint.size()
                        ? Trim(name.substr(0, name.size() - hint.size()))
                        : name;
    return parts;
  }
  parts.company = name;
  if (SplitBracketedSite(name, &parts)) return parts;
  const SiteEnding* ending = nullptr;
  for (const SiteEnding& e : kSiteEndings) {
    if (absl::EndsWith(name, e.ending) && name.size() > e.ending.size()) {
      ending = &e;
      break;
    }
  }
  if (ending == nullptr) return parts;
  const absl::string_view before(name.data(), name.size() - ending->ending.size());
  size_t cut = absl::string_view::npos;  // where the label starts
  // 1. After the last space.
  const std::vector<absl::string_view> points = text::SplitCodePoints(before);
  size_t offset = before.size();
  for (size_t i = points.size(); i-- > 0;) {
    offset -= points[i].size();
    if (IsSpace(points[i])) {
      // Not the space after a leading legal form: (株) 菅原電機千厩営業所.
      if (!OnlyLegalForm(Trim(before.substr(0, offset)))) cut = offset + points[i].size();
      break;
    }
  }
  // 2. After a legal form that is not at the start.
  if (cut == absl::string_view::npos) {
    for (absl::string_view form : kWrittenForms) {
      const size_t at = before.rfind(form);
      if (at != absl::string_view::npos && at > 0) {
        cut = std::max(cut == absl::string_view::npos ? 0 : cut, at + form.size());
      }
    }
    if (cut == 0) cut = absl::string_view::npos;
  }
  // 3. A known place right before the ending.
  if (cut == absl::string_view::npos) {
    const std::string normalized = text::NormalizeText(before);
    const Place* place = PlaceAtEnd(normalized);
    if (place != nullptr) {
      // The place's length as written: count its code points from the end.
      const size_t count = text::CodePointCount(place->name);
      size_t bytes = 0;
      for (size_t i = 0; i < count && i < points.size(); ++i) {
        bytes += points[points.size() - 1 - i].size();
      }
      cut = before.size() - bytes;
    }
  }
  if (cut == absl::string_view::npos || cut == 0) return parts;
  std::string company = Trim(before.substr(0, cut));
  // Nothing but a legal form before the label: the name is a company's.
  if (OnlyLegalForm(company)) return parts;
  parts.company = std::move(company);
  parts.site_label = Trim(name.substr(cut));
  parts.site_kind = ending->kind;
  return parts;
}

namespace {

// Short forms of words of organizations' names, as lists write them at
// either end of a name: 一関鉄工協組, (協)一関鉄工団地, 磐井信金.
constexpr std::pair<absl::string_view, absl::string_view> kShortForms[] = {
    {"(協)", "協同組合"}, {"協組", "協同組合"}, {"信金", "信用金庫"}, {"信組", "信用組合"},
};

// `normalized` with the short forms at its ends written out.
std::string ExpandShortForms(std::string normalized) {
  for (const auto& [short_form, full] : kShortForms) {
    if (normalized.size() <= short_form.size()) continue;
    if (absl::EndsWith(normalized, short_form)) {
      normalized = absl::StrCat(normalized.substr(0, normalized.size() - short_form.size()), full);
    }
    if (absl::StartsWith(normalized, short_form)) {
      normalized = absl::StrCat(full, normalized.substr(short_form.size()));
    }
  }
  return normalized;
}

}  // namespace

std::string NameKey(absl::string_view name) {
  std::string key = text::StripLegalForm(ExpandShortForms(text::NormalizeText(name)));
  bool changed = true;
  while (changed) {
    changed = false;
    for (absl::string_view form : kKanaForms) {
      if (key.size() > form.size() && absl::StartsWith(key, form)) {
        key.erase(0, form.size());
        changed = true;
      }
      if (key.size() > form.size() && absl::EndsWith(key, form)) {
        key.resize(key.size() - form.size());
        changed = true;
      }
    }
  }
  key = text::StripLegalForm(key);
  // Separators that spellings of one name use or leave out.
  const std::vector<absl::string_view> points = text::SplitCodePoints(key);
  const std::u32string chars = text::DecodeUtf8(key);  // one for each of points
  std::string out;
  out.reserve(key.size());
  for (size_t i = 0; i < points.size(); ++i) {
    const absl::string_view p = points[i];
    if (p == "・" || p == "･" || p == "-" || p == "." || p == "," || p == "、" || p == "'") {
      continue;
    }
    const bool between_kanji = i > 0 && i + 1 < points.size() && text::IsKanji(chars[i - 1]) &&
                               text::IsKanji(chars[i + 1]);
    if (between_kanji && (p == "ノ" || p == "の")) continue;  // 一ノ関 → 一関
    if (between_kanji && (p == "ヶ" || p == "ヵ" || p == "が" || p == "ガ")) {
      out.append("ケ");  // 金ヶ崎 → 金ケ崎
      continue;
    }
    out.append(p.data(), p.size());
  }
  return out.empty() ? key : out;
}

std::string DisplayName(absl::string_view written) {
  std::string name = Trim(Nfkc(written));
  static constexpr std::array<std::pair<absl::string_view, absl::string_view>, 5> kForms = {{
      {"(株)", "株式会社"},
      {"(有)", "有限会社"},
      {"(同)", "合同会社"},
      {"(資)", "合資会社"},
      {"(名)", "合名会社"},
  }};
  for (const auto& [abbreviation, full] : kForms) {
    if (absl::StartsWith(name, abbreviation)) {
      name = absl::StrCat(full, Trim(name.substr(abbreviation.size())));
    } else if (absl::EndsWith(name, abbreviation)) {
      name = absl::StrCat(Trim(name.substr(0, name.size() - abbreviation.size())), full);
    }
  }
  // No space between a legal form and the name: 株式会社 磐井鉄工所.
  for (absl::string_view full : {"株式会社", "有限会社", "合同会社", "合資会社", "合名会社"}) {
    if (absl::StartsWith(name, full)) {
      name = absl::StrCat(full, Trim(name.substr(full.size())));
    } else if (absl::EndsWith(name, full)) {
      name = absl::StrCat(Trim(name.substr(0, name.size() - full.size())), full);
    }
  }
  return name;
}

std::string PersonKey(absl::string_view written) {
  std::string key = text::NormalizeText(written);
  bool changed = true;
  while (changed) {
    changed = false;
    for (absl::string_view title : kTitles) {
      if (key.size() > title.size() && absl::StartsWith(key, title)) {
        key.erase(0, title.size());
        changed = true;
      }
      if (key.size() > title.size() && absl::EndsWith(key, title)) {
        key.resize(key.size() - title.size());
        changed = true;
      }
    }
  }
  return key;
}

std::string PersonTitle(absl::string_view written) {
  const std::string name = Trim(Nfkc(written));
  for (absl::string_view title : kTitles) {
    if (absl::StartsWith(name, title) && name.size() > title.size()) return std::string(title);
    if (absl::EndsWith(name, title) && name.size() > title.size()) return std::string(title);
  }
  return "";
}

std::string PersonName(absl::string_view written) {
  std::string name = Trim(Nfkc(written));
  const std::string title = PersonTitle(written);
  if (title.empty()) return name;
  if (absl::StartsWith(name, title)) return Trim(name.substr(title.size()));
  return Trim(name.substr(0, name.size() - title.size()));
}

}  // namespace renkei::resolve
