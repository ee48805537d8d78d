#include "server/records/dates.h"

#include <gtest/gtest.h>

#include "renkei/v1/common.pb.h"

namespace renkei::records {
namespace {

v1::Date D(int y, int m, int d) {
  v1::Date date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

TEST(FiscalYearTest, AprilStartsTheYear) {
  EXPECT_EQ(FiscalYearOf(D(2025, 4, 1)), 2025);
  EXPECT_EQ(FiscalYearOf(D(2025, 12, 31)), 2025);
  EXPECT_EQ(FiscalYearOf(D(2026, 1, 15)), 2025);
  EXPECT_EQ(FiscalYearOf(D(2026, 3, 31)), 2025);
  EXPECT_EQ(FiscalYearOf(D(2026, 4, 1)), 2026);
}

TEST(DaysInMonthTest, FebruaryHas29DaysInLeapYearsOnly) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2025, 2), 28);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);  // a century is not a leap year …
  EXPECT_EQ(DaysInMonth(2000, 2), 29);  // … unless it divides by 400
  EXPECT_EQ(DaysInMonth(2025, 1), 31);
  EXPECT_EQ(DaysInMonth(2025, 4), 30);
  EXPECT_EQ(DaysInMonth(2025, 12), 31);
}

TEST(DateProblemTest, AcceptsRealAndPartialDates) {
  EXPECT_EQ(DateProblem(D(2024, 2, 29), DatePrecision::kDay), "");
  EXPECT_EQ(DateProblem(D(1962, 0, 0), DatePrecision::kYear), "");
  EXPECT_EQ(DateProblem(D(1962, 5, 0), DatePrecision::kYear), "");
  EXPECT_EQ(DateProblem(D(0, 0, 0), DatePrecision::kDay), "");  // unset
}

TEST(DateProblemTest, RejectsImpossibleDates) {
  EXPECT_NE(DateProblem(D(2025, 2, 29), DatePrecision::kYear), "");
  EXPECT_NE(DateProblem(D(2025, 2, 30), DatePrecision::kYear), "");
  EXPECT_NE(DateProblem(D(2025, 4, 31), DatePrecision::kYear), "");
  EXPECT_NE(DateProblem(D(2025, 13, 1), DatePrecision::kYear), "");
  EXPECT_NE(DateProblem(D(2025, 0, 5), DatePrecision::kYear), "");
  EXPECT_NE(DateProblem(D(1700, 1, 1), DatePrecision::kYear), "");
  EXPECT_NE(DateProblem(D(2025, 1, -1), DatePrecision::kYear), "");
  EXPECT_NE(DateProblem(D(1900, 2, 29), DatePrecision::kYear), "");
}

TEST(DateProblemTest, DayPrecisionNeedsAFullDate) {
  EXPECT_NE(DateProblem(D(2025, 4, 0), DatePrecision::kDay), "");
  EXPECT_NE(DateProblem(D(2025, 0, 0), DatePrecision::kDay), "");
}

TEST(FormatDateTest, ShowsTheKnownParts) {
  EXPECT_EQ(FormatDate(D(2025, 4, 1)), "2025-04-01");
  EXPECT_EQ(FormatDate(D(2025, 4, 0)), "2025-04");
  EXPECT_EQ(FormatDate(D(1962, 0, 0)), "1962");
}

}  // namespace
}  // namespace renkei::records
