#include "server/records/corporate_number.h"

#include <gtest/gtest.h>

namespace renkei::records {
namespace {

// Published 法人番号 of the National Tax Agency (国税庁) and of a large company.
TEST(CorporateNumberTest, AcceptsPublishedNumbers) {
  EXPECT_EQ(CorporateNumberProblem("7000012050002"), "");
  EXPECT_EQ(CorporateNumberProblem("1180301018771"), "");
}

TEST(CorporateNumberTest, CheckDigitFollowsTheFormula) {
  EXPECT_EQ(CorporateNumberCheckDigit("000012050002"), 7);
  EXPECT_EQ(CorporateNumberCheckDigit("180301018771"), 1);
}

TEST(CorporateNumberTest, RejectsWrongCheckDigitWithTheExpectedOne) {
  const std::string problem = CorporateNumberProblem("8000012050002");
  EXPECT_NE(problem.find("check digit is 8"), std::string::npos) << problem;
  EXPECT_NE(problem.find("give 7"), std::string::npos) << problem;
}

TEST(CorporateNumberTest, RejectsWrongLengthAndNonDigits) {
  EXPECT_NE(CorporateNumberProblem("700001205000"), "");
  EXPECT_NE(CorporateNumberProblem("70000120500021"), "");
  EXPECT_NE(CorporateNumberProblem("7000O12050002"), "");
  EXPECT_NE(CorporateNumberProblem("４.402E+12"), "");
  // Full-width digits are not accepted: the API takes ASCII.
  EXPECT_NE(CorporateNumberProblem("７００００１２０５０００２"), "");
}

}  // namespace
}  // namespace renkei::records
