// Calendar dates of records and the Japanese fiscal year (年度).
#ifndef RENKEI_SERVER_RECORDS_DATES_H_
#define RENKEI_SERVER_RECORDS_DATES_H_

#include <string>

namespace renkei::v1 {
class Date;
}  // namespace renkei::v1

namespace renkei::records {

// How complete a date must be.
enum class DatePrecision {
  kYear,  // year alone, year-month or a full date
  kDay,   // a full date
};

bool IsSet(const v1::Date& date);

// The days `month` has in `year` of the Gregorian calendar (February: 29 in
// a leap year). REQUIRES: 1 <= month <= 12.
int DaysInMonth(int year, int month);

// Empty when `date` is unset or a real date of at least `precision`;
// otherwise why not ("2025-02-30 is not a date").
std::string DateProblem(const v1::Date& date, DatePrecision precision);

// The 年度 (April–March) a date falls in: 2025-04-01 … 2026-03-31 → 2025.
// REQUIRES: month is set.
int FiscalYearOf(const v1::Date& date);

// yyyymmdd with missing parts as 0, for ordering dates.
int DateOrdinal(const v1::Date& date);

// "2025-04-01", "2025-04", "2025".
std::string FormatDate(const v1::Date& date);

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_DATES_H_
