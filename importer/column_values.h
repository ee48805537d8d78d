// What the values of a column look like: how a column whose header says
// nothing known is recognized, and how two columns that both look like the
// name are told apart (the company's and its plant's). Looked at over a
// sample of the first data rows (row_source.h):
//
//   kCorporateNumber  13 digits with a valid check digit (法人番号)
//   kPostalCode       〒021-0041, 021-0041, 〒0210041
//   kPhone            0191-23-4567, 0191(23)4567, 090-1234-5678 …
//   kYear             和暦 or 西暦 years and dates (H15, 平成15年度, 2003/4/1),
//                     at least half written with an era, 年 or a date
//   kCompanyName      names with a legal form (株式会社, (株), ㈱, 有限会社,
//                     協同組合, 一般社団法人 …)
//   kSiteName         plant and office names (…工場, …事業所, …営業所, 本社,
//                     支店, 研究所 …)
//   kAddress          an address (a prefecture, or 市/郡/町/村 and a number)
//   kKana             kana only (フリガナ)
// A kind holds when at least 80% of the column's non-empty values have it
// (half for names, 60% for addresses). Thread-safe (pure functions).
#ifndef RENKEI_IMPORTER_COLUMN_VALUES_H_
#define RENKEI_IMPORTER_COLUMN_VALUES_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::importer {

enum class ValueKind {
  kNone,
  kCorporateNumber,
  kPostalCode,
  kPhone,
  kYear,
  kCompanyName,
  kSiteName,
  kAddress,
  kKana,
};

// "13-digit numbers with valid check digits" …, for the mapping shown to people.
absl::string_view ValueKindWords(ValueKind kind);

// The kind of the non-empty `values` of one column (see above); kNone when
// there are none or no kind holds.
ValueKind KindOfValues(const std::vector<std::string>& values);

// The share (0..1) of non-empty `values` that are plant or office names, and
// that carry a legal form.
double SiteNameShare(const std::vector<std::string>& values);
double CompanyNameShare(const std::vector<std::string>& values);

// One value: a plant's or office's name (一関工場, 本社, 千厩事業所).
bool IsSiteName(absl::string_view value);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_COLUMN_VALUES_H_
