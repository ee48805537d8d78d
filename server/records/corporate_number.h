// 法人番号 (corporate numbers) of the National Tax Agency: 13 digits, the first
// a check digit over the other twelve.
#ifndef RENKEI_SERVER_RECORDS_CORPORATE_NUMBER_H_
#define RENKEI_SERVER_RECORDS_CORPORATE_NUMBER_H_

#include <string>
#include "absl/strings/string_view.h"

namespace renkei::records {

// The check digit for a 12-digit base: 9 - (Σ P_n × Q_n mod 9), P_n the n-th
// digit from the right, Q_n 1 for odd n and 2 for even n.
// REQUIRES: `base` is 12 ASCII digits.
int CorporateNumberCheckDigit(absl::string_view base);

// Empty when `number` is a valid 法人番号; otherwise why not, in words.
std::string CorporateNumberProblem(absl::string_view number);

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_CORPORATE_NUMBER_H_
