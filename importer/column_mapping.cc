#include "importer/column_mapping.h"

#include <array>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "importer/column_values.h"
#include "importer/internal/trim.h"
#include "importer/problem.h"
#include "server/text/normalize.h"

namespace renkei::importer {
namespace {

constexpr std::array<absl::string_view, kFieldCount> kFieldNames = {
    "name",
    "kana",
    "address",
    "city",
    "postal_code",
    "phone",
    "fax",
    "representative",
    "representative_title",
    "industry",
    "corporate_number",
    "member_no",
    "role",
    "joined",
    "url",
    "email",
    "employees",
    "capital",
    "site",
    "founded",
};

struct Word {
  absl::string_view text;
  Field field;
};

// The built-in header words (documented in column_mapping.h). Each field's
// own name is added to these.
constexpr Word kWords[] = {
    {"会社名", Field::kName},
    {"企業名", Field::kName},
    {"事業所名", Field::kName},
    {"名称", Field::kName},
    {"賛助会員名", Field::kName},
    {"会員名", Field::kName},
    {"事業者名", Field::kName},
    {"法人名", Field::kName},
    {"会社名称", Field::kName},
    {"企業名称", Field::kName},
    {"商号", Field::kName},
    {"団体名", Field::kName},
    {"企業・団体名", Field::kName},
    {"企業団体名", Field::kName},
    {"会社・団体名", Field::kName},
    {"企業名・団体名", Field::kName},
    {"団体・企業名", Field::kName},
    {"事業所・団体名", Field::kName},
    {"会員企業名", Field::kName},
    {"会員企業", Field::kName},
    {"会員名称", Field::kName},
    {"名称・商号", Field::kName},
    {"氏名又は名称", Field::kName},
    {"屋号", Field::kName},
    {"フリガナ", Field::kKana},
    {"カナ", Field::kKana},
    {"読み", Field::kKana},
    {"よみがな", Field::kKana},
    {"所在地", Field::kAddress},
    {"住所", Field::kAddress},
    {"本社所在地", Field::kAddress},
    {"市町村", Field::kCity},
    {"市区町村", Field::kCity},
    {"市町村名", Field::kCity},
    {"郵便番号", Field::kPostalCode},
    {"〒", Field::kPostalCode},
    {"郵便", Field::kPostalCode},
    {"代表電話", Field::kPhone},
    {"電話番号", Field::kPhone},
    {"電話", Field::kPhone},
    {"TEL", Field::kPhone},
    {"TEL番号", Field::kPhone},
    {"FAX", Field::kFax},
    {"FAX番号", Field::kFax},
    {"ファクシミリ", Field::kFax},
    {"ファックス", Field::kFax},
    {"ファクス", Field::kFax},
    {"代表者", Field::kRepresentative},
    {"代表者名", Field::kRepresentative},
    {"代表者氏名", Field::kRepresentative},
    {"代表者職氏名", Field::kRepresentative},
    {"代表者職・氏名", Field::kRepresentative},
    {"代表者役職", Field::kRepresentativeTitle},
    {"代表者肩書", Field::kRepresentativeTitle},
    {"業種", Field::kIndustry},
    {"業種名", Field::kIndustry},
    {"事業内容", Field::kIndustry},
    {"主な事業内容", Field::kIndustry},
    {"業種・事業内容", Field::kIndustry},
    {"業務内容", Field::kIndustry},
    {"法人番号", Field::kCorporateNumber},
    // A bare No. or 番号 is a row counter as often as a member number: a
    // column is a 会員番号 only when its header says so.
    {"会員番号", Field::kMemberNo},
    {"会員No", Field::kMemberNo},
    {"会員No.", Field::kMemberNo},
    {"役職", Field::kRole},
    {"区分", Field::kRole},
    {"会員区分", Field::kRole},
    {"入会年度", Field::kJoined},
    {"入会日", Field::kJoined},
    {"加入年度", Field::kJoined},
    {"入会年", Field::kJoined},
    {"加入日", Field::kJoined},
    {"入会年月", Field::kJoined},
    {"入会年月日", Field::kJoined},
    {"加入年月", Field::kJoined},
    {"加入年月日", Field::kJoined},
    {"入会時期", Field::kJoined},
    {"入会", Field::kJoined},
    {"設立", Field::kFounded},
    {"設立年", Field::kFounded},
    {"設立年月", Field::kFounded},
    {"設立年月日", Field::kFounded},
    {"設立年度", Field::kFounded},
    {"創業", Field::kFounded},
    {"創業年", Field::kFounded},
    {"URL", Field::kUrl},
    {"ホームページ", Field::kUrl},
    {"HP", Field::kUrl},
    {"メール", Field::kEmail},
    {"E-mail", Field::kEmail},
    {"メールアドレス", Field::kEmail},
    {"Eメール", Field::kEmail},
    {"従業員数", Field::kEmployees},
    {"従業員", Field::kEmployees},
    {"社員数", Field::kEmployees},
    {"資本金", Field::kCapital},
    {"事業所", Field::kSite},
    {"工場名", Field::kSite},
    {"tel", Field::kPhone},
};

// Normalized endings that make a header a kana column (step 3).
constexpr absl::string_view kKanaEndings[] = {"フリガナ", "ヨミガナ", "カナ", "ヨミ", "読み"};

const absl::flat_hash_map<std::string, Field>& BuiltInWords() {
  static const auto* const words = [] {
    auto* map = new absl::flat_hash_map<std::string, Field>();
    for (const Word& word : kWords) {
      map->emplace(ColumnRules::NormalizeHeader(word.text), word.field);
    }
    for (int i = 0; i < kFieldCount; ++i) {
      map->emplace(ColumnRules::NormalizeHeader(kFieldNames[i]), static_cast<Field>(i));
    }
    return map;
  }();
  return *words;
}

constexpr std::pair<absl::string_view, absl::string_view> kBrackets[] = {
    {"(", ")"},   {"[", "]"},   {"【", "】"}, {"「", "」"},
    {"〈", "〉"}, {"《", "》"}, {"<", ">"},   {"〔", "〕"},
};

// Drops the bracket characters of normalized text; with `drop_content`,
// also what they enclose.
std::string RemoveBrackets(absl::string_view text, bool drop_content) {
  std::string out;
  int depth = 0;
  size_t i = 0;
  while (i < text.size()) {
    bool matched = false;
    for (const auto& [open, close] : kBrackets) {
      if (absl::StartsWith(text.substr(i), open)) {
        ++depth;
        i += open.size();
        matched = true;
        break;
      }
      if (absl::StartsWith(text.substr(i), close)) {
        if (depth > 0) --depth;
        i += close.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (!drop_content || depth == 0) out.push_back(text[i]);
    ++i;
  }
  return out;
}

std::string Quote(absl::string_view text) { return absl::StrCat("\"", text, "\""); }

}  // namespace

absl::string_view FieldName(Field field) { return kFieldNames[static_cast<size_t>(field)]; }

absl::StatusOr<Field> ParseFieldName(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  for (int i = 0; i < kFieldCount; ++i) {
    if (kFieldNames[i] == lower) return static_cast<Field>(i);
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown field ", Quote(name), "; fields are ",
                                                 absl::StrJoin(kFieldNames, ", "), " (or ignore)"));
}

std::string ColumnRules::NormalizeHeader(absl::string_view header) {
  std::string normalized = text::NormalizeText(header);
  // Marks of required columns.
  absl::StrReplaceAll({{"※", ""}, {"*", ""}}, &normalized);
  while (!normalized.empty() && normalized.back() == ':') normalized.pop_back();
  return normalized;
}

absl::Status ColumnRules::AddOverride(absl::string_view spec) {
  const size_t eq = spec.rfind('=');
  if (eq == absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("mapping ", Quote(spec), " has no '='; write column=field"));
  }
  const absl::string_view column = absl::StripAsciiWhitespace(spec.substr(0, eq));
  const absl::string_view field_name = absl::StripAsciiWhitespace(spec.substr(eq + 1));
  const std::string key = NormalizeHeader(column);
  if (key.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("mapping ", Quote(spec), " names no column"));
  }
  std::optional<Field> field;
  if (field_name != "ignore" && field_name != "-") {
    auto parsed = ParseFieldName(field_name);
    if (!parsed.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("mapping ", Quote(spec), ": ", parsed.status().message()));
    }
    field = *parsed;
  }
  if (!overrides_.contains(key)) override_columns_.emplace_back(column);
  overrides_[key] = field;
  return absl::OkStatus();
}

absl::Status ColumnRules::AddOverrides(absl::string_view text, absl::string_view source) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);  // also a CR of CRLF
    if (line.empty() || absl::StartsWith(line, "#")) continue;
    if (absl::Status status = AddOverride(line); !status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(source, ": line ", line_number, ": ", status.message()));
    }
  }
  return absl::OkStatus();
}

ColumnRules::Meaning ColumnRules::Recognize(absl::string_view header) const {
  Meaning meaning;
  const std::string normalized = NormalizeHeader(header);
  if (normalized.empty()) return meaning;
  auto from_override = [&](const std::string& key) {
    auto it = overrides_.find(key);
    if (it == overrides_.end()) return false;
    meaning.overridden = true;
    if (it->second.has_value()) {
      meaning.kind = Meaning::kField;
      meaning.field = *it->second;
    } else {
      meaning.kind = Meaning::kIgnored;
    }
    return true;
  };
  auto from_words = [&](const std::string& key) {
    auto it = BuiltInWords().find(key);
    if (it == BuiltInWords().end()) return false;
    meaning.kind = Meaning::kField;
    meaning.field = it->second;
    return true;
  };
  const std::string kept = RemoveBrackets(normalized, /*drop_content=*/false);
  const std::string dropped = RemoveBrackets(normalized, /*drop_content=*/true);
  if (from_override(normalized) || from_override(kept) || from_override(dropped)) {
    return meaning;
  }
  if (from_words(normalized) || from_words(kept)) return meaning;
  for (absl::string_view ending : kKanaEndings) {
    if (absl::EndsWith(kept, ending)) {
      meaning.kind = Meaning::kField;
      meaning.field = Field::kKana;
      return meaning;
    }
  }
  if (from_words(dropped)) return meaning;
  return meaning;
}

std::optional<int> ColumnMapping::ColumnOf(Field field) const {
  for (size_t i = 0; i < meanings.size(); ++i) {
    if (meanings[i].kind == ColumnRules::Meaning::kField && meanings[i].field == field) {
      return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

std::string ColumnMapping::Describe() const {
  std::string out;
  for (size_t i = 0; i < header.size(); ++i) {
    const ColumnRules::Meaning& meaning = meanings[i];
    const std::string label =
        header[i].empty() ? absl::StrCat("(column ", i + 1, ", no header)") : header[i];
    switch (meaning.kind) {
      case ColumnRules::Meaning::kField:
        absl::StrAppend(&out, label, " → ", FieldName(meaning.field),
                        meaning.overridden ? " (--map)" : "",
                        meaning.note.empty() ? "" : absl::StrCat(" (", meaning.note, ")"), "\n");
        break;
      case ColumnRules::Meaning::kIgnored:
        absl::StrAppend(&out, label, " → (ignored: --map ", header[i], "=ignore)\n");
        break;
      case ColumnRules::Meaning::kUnknown:
        absl::StrAppend(&out, label, " → (ignored",
                        meaning.note.empty() ? "" : absl::StrCat(": ", meaning.note), ")\n");
        break;
    }
  }
  for (const std::string& column : unused_overrides) {
    absl::StrAppend(&out, "(--map ", column, " matched no column)\n");
  }
  return out;
}

namespace {

using Meaning = ColumnRules::Meaning;

// The non-empty values of column `i` in the sample.
std::vector<std::string> ValuesOf(const std::vector<std::vector<std::string>>& sample, size_t i) {
  std::vector<std::string> values;
  for (const std::vector<std::string>& row : sample) {
    if (i < row.size() && !row[i].empty()) values.push_back(row[i]);
  }
  return values;
}

// The field the values of an unknown column show (step 2), or nullopt.
std::optional<Field> FieldOfValues(ValueKind kind, const std::array<int, kFieldCount>& taken) {
  auto free = [&](Field f) { return taken[static_cast<size_t>(f)] < 0; };
  switch (kind) {
    case ValueKind::kCorporateNumber: return Field::kCorporateNumber;
    case ValueKind::kPostalCode: return Field::kPostalCode;
    case ValueKind::kPhone: return free(Field::kPhone) ? Field::kPhone : Field::kFax;
    case ValueKind::kYear: return Field::kJoined;
    case ValueKind::kCompanyName: return Field::kName;
    case ValueKind::kSiteName: return free(Field::kName) ? Field::kName : Field::kSite;
    case ValueKind::kAddress: return Field::kAddress;
    case ValueKind::kKana: return Field::kKana;
    case ValueKind::kNone: break;
  }
  return std::nullopt;
}

bool IsSiteHeader(const std::string& header) {
  const std::string h = ColumnRules::NormalizeHeader(header);
  return h == "事業所名" || h == "事業所" || h == "工場名" || h == "工場" || h == "事業所・工場名";
}

// Step 3: of two or more name columns, one may be the site.
void SettleNames(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& sample, std::vector<Meaning>* meanings) {
  std::vector<size_t> names;
  bool site_taken = false;
  for (size_t i = 0; i < meanings->size(); ++i) {
    const Meaning& m = (*meanings)[i];
    if (m.kind != Meaning::kField) continue;
    if (m.field == Field::kName && !m.overridden) names.push_back(i);
    if (m.field == Field::kSite) site_taken = true;
  }
  if (names.size() < 2) return;
  size_t site = names.size();
  double best = 0.3;  // site names must clearly outweigh legal forms
  for (size_t k = 0; k < names.size(); ++k) {
    const std::vector<std::string> values = ValuesOf(sample, names[k]);
    const double score = SiteNameShare(values) - CompanyNameShare(values);
    if (score >= best) {
      best = score;
      site = k;
    }
  }
  for (size_t k = 0; site == names.size() && k < names.size(); ++k) {
    if (IsSiteHeader(header[names[k]])) site = k;
  }
  if (site < names.size() && !site_taken) {
    Meaning& m = (*meanings)[names[site]];
    m.field = Field::kSite;
    m.note = "its values are plant and office names beside the company's";
  }
}

// Step 4: a field two columns give is read from the first.
void SettleDuplicates(const std::vector<std::string>& header, std::vector<Meaning>* meanings) {
  std::array<int, kFieldCount> first;
  first.fill(-1);
  for (size_t i = 0; i < meanings->size(); ++i) {
    const Meaning& m = (*meanings)[i];
    if (m.kind == Meaning::kField && m.overridden) first[static_cast<size_t>(m.field)] = static_cast<int>(i);
  }
  for (size_t i = 0; i < meanings->size(); ++i) {
    Meaning& m = (*meanings)[i];
    if (m.kind != Meaning::kField) continue;
    int& seen = first[static_cast<size_t>(m.field)];
    if (seen < 0) seen = static_cast<int>(i);
    if (seen == static_cast<int>(i)) continue;
    m.note = absl::StrCat("also ", FieldName(m.field), ": column ", ColumnLetters(seen + 1), " (",
                          header[static_cast<size_t>(seen)], ") is read");
    m.kind = Meaning::kUnknown;
  }
}

}  // namespace

absl::StatusOr<ColumnMapping> MapColumns(const std::vector<std::string>& header,
                                         const ColumnRules& rules,
                                         const std::vector<std::vector<std::string>>& sample) {
  ColumnMapping mapping;
  std::array<int, kFieldCount> overridden;
  overridden.fill(-1);
  for (size_t i = 0; i < header.size(); ++i) {
    std::string cell(internal::Trim(header[i]));
    Meaning meaning = rules.Recognize(cell);
    if (meaning.kind == Meaning::kField && meaning.overridden) {
      int& seen = overridden[static_cast<size_t>(meaning.field)];
      if (seen >= 0) {
        return absl::InvalidArgumentError(
            absl::StrCat("columns ", seen + 1, " (", header[static_cast<size_t>(seen)], ") and ",
                         i + 1, " (", cell, ") both map to ", FieldName(meaning.field),
                         " by --map; map one of them to another field or to ignore"));
      }
      seen = static_cast<int>(i);
    }
    mapping.header.push_back(std::move(cell));
    mapping.meanings.push_back(meaning);
  }
  // Step 2, for columns no header word names.
  std::array<int, kFieldCount> taken;
  taken.fill(-1);
  for (size_t i = 0; i < mapping.meanings.size(); ++i) {
    const Meaning& m = mapping.meanings[i];
    if (m.kind == Meaning::kField) taken[static_cast<size_t>(m.field)] = static_cast<int>(i);
  }
  for (size_t i = 0; i < mapping.meanings.size(); ++i) {
    Meaning& m = mapping.meanings[i];
    if (m.kind != Meaning::kUnknown) continue;
    const ValueKind kind = KindOfValues(ValuesOf(sample, i));
    const std::optional<Field> field = FieldOfValues(kind, taken);
    if (!field.has_value() || taken[static_cast<size_t>(*field)] >= 0) continue;
    m.kind = Meaning::kField;
    m.field = *field;
    m.note = absl::StrCat("by its values: ", ValueKindWords(kind));
    taken[static_cast<size_t>(*field)] = static_cast<int>(i);
  }
  SettleNames(mapping.header, sample, &mapping.meanings);
  SettleDuplicates(mapping.header, &mapping.meanings);
  for (const std::string& column : rules.override_columns()) {
    ColumnRules only_this;
    if (!only_this.AddOverride(absl::StrCat(column, "=ignore")).ok()) continue;
    bool used = false;
    for (const std::string& cell : mapping.header) {
      if (only_this.Recognize(cell).overridden) used = true;
    }
    if (!used) mapping.unused_overrides.push_back(column);
  }
  return mapping;
}

}  // namespace renkei::importer
