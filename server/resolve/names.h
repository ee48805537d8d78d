// Organization names as member lists write them, taken apart for entity
// resolution: the legal form, the company and a plant's or branch's label
// (株式会社北上ダイカスト 一関工場), and the key two spellings of one name
// share (株式会社一関精工 / (株)一関精工 / ㈱一関精工 / 一関精工(株) → 一関精工).
// Thread-safe (pure functions).
#ifndef RENKEI_SERVER_RESOLVE_NAMES_H_
#define RENKEI_SERVER_RESOLVE_NAMES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace renkei::resolve {

// What kind of site a label names (renkei.v1.SiteKind values).
enum class SiteLabelKind { kNone = 0, kHeadOffice = 1, kPlant = 2, kOffice = 3, kLaboratory = 4 };

struct NameParts {
  // The company's name as written, without the site label (trimmed).
  std::string company;
  // "一関工場", "仙台営業所"; "" for the company itself.
  std::string site_label;
  SiteLabelKind site_kind = SiteLabelKind::kNone;
};

// Splits a written name into company and site label. `site_hint` is the
// list's own site column, when it has one. A label is a trailing word ending
// in 工場, 支店, 営業所, 事業所, 出張所, 支社, 研究所, 本社 or 本店, with the
// place before it, after a legal form or a space (株式会社X 一関工場,
// X株式会社一関工場) or else the kanji (and ヶ/ケ/ノ) run before the ending
// (X一関工場). A name that is only such a word is a company name.
NameParts SplitSite(absl::string_view written, absl::string_view site_hint);

// The comparison key of a company name: normalized (text::NormalizeText:
// width, case, kana, variant kanji, no spaces), legal-form words removed at
// either end in kanji, abbreviations or kana (カブシキガイシャ), and
// spellings of one place folded (一ノ関 → 一関, 金ヶ崎 → 金ケ崎).
std::string NameKey(absl::string_view name);

// The name to display for a new organization made from a row: NFKC (half-
// width kana and full-width letters folded) with its spacing kept, and an
// abbreviated legal form written out: (株)X → 株式会社X, X㈲ → X有限会社.
std::string DisplayName(absl::string_view written);

// A person's name for comparison: normalized, without titles (代表取締役,
// 社長, 工場長 …) and spaces: "代表取締役　佐藤 俊介" → "佐藤俊介".
std::string PersonKey(absl::string_view written);

// The title written before or after a person's name ("代表取締役"), or "".
std::string PersonTitle(absl::string_view written);

// The person's name as written (NFKC, trimmed) without that title:
// "代表取締役　佐藤 俊介" → "佐藤 俊介".
std::string PersonName(absl::string_view written);

}  // namespace renkei::resolve

#endif  // RENKEI_SERVER_RESOLVE_NAMES_H_
