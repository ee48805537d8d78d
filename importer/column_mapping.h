// Which column of a member list holds which field of an organization.
//
// Headers are recognised by themselves, compared after NormalizeText
// (server/text/normalize.h: NFKC, case, width, hiragana → katakana, white
// space removed), so ＴＥＬ, Tel and TEL, ﾌﾘｶﾞﾅ and ふりがな are the same.
// A header cell is looked up, in this order:
//   1. as it is (after normalization): 会社名, 電話番号, 代表者氏名 …;
//   2. with its brackets dropped but their text kept: 代表者（役職） →
//      代表者役職;
//   3. ending in フリガナ / カナ / ヨミ / ヨミガナ / 読み → kana
//      (会社名フリガナ, 会社名（カナ）);
//   4. without its bracketed parts: 電話番号（代表） → 電話番号,
//      会社名（株） → 会社名.
// Marks of required columns (※, *) and a trailing ':' are ignored.
//
// The built-in words (also each field's own name, e.g. "phone", so JSON keys
// map the same way):
//   name                 会社名 企業名 事業所名 名称 賛助会員名 会員名 事業者名
//                        法人名 会社名称 企業名称 商号 団体名 企業・団体名
//                        企業団体名 会社・団体名 企業名・団体名 団体・企業名
//                        事業所・団体名 会員企業名 会員企業 会員名称 名称・商号
//                        氏名又は名称 屋号
//   kana                 フリガナ ふりがな カナ 読み よみがな (and …フリガナ)
//   address              所在地 住所 本社所在地
//   city                 市町村 市区町村 市町村名
//   postal_code          郵便番号 〒 郵便
//   phone                電話番号 電話 TEL TEL番号 tel 代表電話
//   fax                  FAX FAX番号 ファックス ファクス ファクシミリ
//   representative       代表者 代表者名 代表者氏名 代表者職氏名 代表者職・氏名
//   representative_title 代表者役職 代表者肩書
//   industry             業種 業種名 事業内容 主な事業内容 業種・事業内容 業務内容
//   corporate_number     法人番号
//   member_no            会員番号 会員No 会員No. (a bare No. or 番号 is a row
//                        counter as often: not read unless --map says so)
//   role                 役職 区分 会員区分
//   joined               入会年度 入会日 加入年度 入会年 加入日 入会年月 入会年月日
//                        加入年月 加入年月日 入会時期 入会
//   founded              設立 設立年 設立年月 設立年月日 設立年度 創業 創業年
//   url                  URL ホームページ HP
//   email                メール E-mail メールアドレス Eメール
//   employees            従業員数 従業員 社員数
//   capital              資本金
//   site                 事業所 工場名
// A column no word names may still be recognized by its values (MapColumns).
// Overrides (`--map '列名=field'`, a mapping file) come first; the field
// "ignore" (or "-") makes a column ignored.
#ifndef RENKEI_IMPORTER_COLUMN_MAPPING_H_
#define RENKEI_IMPORTER_COLUMN_MAPPING_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace renkei::importer {

// The fields a row of a list can carry.
enum class Field {
  kName,
  kKana,
  kAddress,
  kCity,
  kPostalCode,
  kPhone,
  kFax,
  kRepresentative,
  kRepresentativeTitle,
  kIndustry,
  kCorporateNumber,
  kMemberNo,
  kRole,
  kJoined,
  kUrl,
  kEmail,
  kEmployees,
  kCapital,
  kSite,
  kFounded,
};
inline constexpr int kFieldCount = static_cast<int>(Field::kFounded) + 1;

// "name", "postal_code", "representative_title" …
absl::string_view FieldName(Field field);

// The field named `name` (one of FieldName's), case-insensitively.
// INVALID_ARGUMENT listing the valid names otherwise.
absl::StatusOr<Field> ParseFieldName(absl::string_view name);

// What header cells mean: the built-in words plus the user's overrides.
// Copyable; thread-compatible (const methods may run concurrently).
class ColumnRules {
 public:
  // The meaning of one header cell.
  struct Meaning {
    enum Kind { kUnknown, kField, kIgnored } kind = kUnknown;
    Field field = Field::kName;  // when kind == kField
    bool overridden = false;     // decided by an override
    // Why, when the values decided rather than the header word:
    // "by its values: 13-digit numbers with valid check digits", "also
    // phone: column C is used".
    std::string note;
  };

  ColumnRules() = default;

  // Adds one override "column=field" (spaces around either side are
  // trimmed). The column is compared after normalization, like headers.
  // INVALID_ARGUMENT for a missing '=', an empty column or an unknown field.
  absl::Status AddOverride(absl::string_view spec);

  // Adds the overrides of a mapping file's text: one "column=field" a line;
  // blank lines and lines starting with '#' are skipped. Errors name the
  // 1-based line and `source` (the file name, for messages).
  absl::Status AddOverrides(absl::string_view text, absl::string_view source);

  // What `header` means (see the top of this file for the order).
  Meaning Recognize(absl::string_view header) const;

  // True when `header` is a known word or overridden (ignored included):
  // what finding the header row of a sheet looks for.
  bool IsKnownHeader(absl::string_view header) const {
    return Recognize(header).kind != Meaning::kUnknown;
  }

  // The override columns as the user wrote them, in the order given.
  const std::vector<std::string>& override_columns() const { return override_columns_; }

  // The normalized form a header is compared in.
  static std::string NormalizeHeader(absl::string_view header);

 private:
  std::vector<std::string> override_columns_;
  // Normalized column → field, or nullopt for "ignore".
  absl::flat_hash_map<std::string, std::optional<Field>> overrides_;
};

// The mapping chosen for one header row.
struct ColumnMapping {
  std::vector<std::string> header;             // as written (trimmed)
  std::vector<ColumnRules::Meaning> meanings;  // one per header cell
  // Overrides that named no column of this header (a shared mapping file).
  std::vector<std::string> unused_overrides;

  // The 0-based column holding `field`, if any.
  std::optional<int> ColumnOf(Field field) const;

  // For people, one line per column, e.g.
  //   "会員番号 → member_no"
  //   "事業所名 → name"
  //   "備考 → (ignored)"
  //   "担当 → (ignored: --map 担当=ignore)"
  // followed by "(--map 旧名 matched no column)" for unused overrides.
  std::string Describe() const;
};

// Maps each cell of `header` with `rules`, and with the values of the first
// data rows (`sample`, each row's cells in header order) where the header
// says nothing known (column_values.h):
//   1. a header word or an override decides a column;
//   2. a column with no known header takes the field its values show
//      (13-digit numbers with valid check digits → corporate_number, postal
//      codes, phone numbers (a second such column: fax), years → joined,
//      names with a legal form → name, addresses, kana), unless another
//      column has that field;
//   3. two name columns: the one holding plant and office names (…工場,
//      本社), or else headed 事業所名 / 工場名, is the site; otherwise the one
//      with more legal forms is the name and the other is not read;
//   4. any other field two columns give: the first is read, the other not
//      (its note says so).
// INVALID_ARGUMENT only when two overrides map columns to one field
// ("columns 3 (電話) and 5 (TEL) both map to phone").
absl::StatusOr<ColumnMapping> MapColumns(const std::vector<std::string>& header,
                                         const ColumnRules& rules,
                                         const std::vector<std::vector<std::string>>& sample = {});

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_COLUMN_MAPPING_H_
