#include "server/records/corporate_number.h"

#include "absl/strings/str_cat.h"

namespace renkei::records {

int CorporateNumberCheckDigit(absl::string_view base) {
  int sum = 0;
  for (size_t n = 1; n <= base.size(); ++n) {
    const int digit = base[base.size() - n] - '0';
    sum += digit * (n % 2 == 1 ? 1 : 2);
  }
  return 9 - sum % 9;
}

std::string CorporateNumberProblem(absl::string_view number) {
  if (number.size() != 13) {
    return absl::StrCat("must be 13 digits, got ", number.size(),
                        " characters");
  }
  for (char c : number) {
    if (c < '0' || c > '9') return "must be 13 ASCII digits";
  }
  const int expected = CorporateNumberCheckDigit(number.substr(1));
  if (number[0] - '0' != expected) {
    return absl::StrCat("check digit is ", number.substr(0, 1),
                        " but the other 12 digits give ", expected);
  }
  return "";
}

}  // namespace renkei::records
