#include "server/records/dates.h"

#include "absl/strings/str_format.h"
#include "renkei/v1/common.pb.h"

namespace renkei::records {

bool IsSet(const v1::Date& date) {
  return date.year() != 0 || date.month() != 0 || date.day() != 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string DateProblem(const v1::Date& date, DatePrecision precision) {
  if (!IsSet(date)) return "";
  const std::string text = absl::StrFormat("%04d-%02d-%02d", date.year(),
                                           date.month(), date.day());
  if (date.year() < 1800 || date.year() > 2200) {
    return text + " is not a date: the year must be 1800..2200";
  }
  if (date.month() < 0 || date.month() > 12) {
    return text + " is not a date: the month must be 1..12";
  }
  if (date.month() == 0 && date.day() != 0) {
    return text + " is not a date: a day needs a month";
  }
  if (date.day() < 0 ||
      (date.month() != 0 && date.day() > DaysInMonth(date.year(), date.month()))) {
    return text + " is not a date";
  }
  if (precision == DatePrecision::kDay && (date.month() == 0 || date.day() == 0)) {
    return text + " is not a full date: year, month and day are needed";
  }
  return "";
}

int FiscalYearOf(const v1::Date& date) {
  return date.month() >= 4 ? date.year() : date.year() - 1;
}

int DateOrdinal(const v1::Date& date) {
  return date.year() * 10000 + date.month() * 100 + date.day();
}

std::string FormatDate(const v1::Date& date) {
  if (date.month() == 0) return absl::StrFormat("%04d", date.year());
  if (date.day() == 0) return absl::StrFormat("%04d-%02d", date.year(), date.month());
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

}  // namespace renkei::records
