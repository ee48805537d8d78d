// Early-return helpers for absl::Status / absl::StatusOr, which Debian 12's
// Abseil (20220623) does not ship.
#ifndef RENKEI_SERVER_UTIL_STATUS_MACROS_H_
#define RENKEI_SERVER_UTIL_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns the status of `expr` from the enclosing function unless it is OK.
#define RENKEI_RETURN_IF_ERROR(expr)                   \
  do {                                                 \
    ::absl::Status renkei_status_ = (expr);            \
    if (!renkei_status_.ok()) return renkei_status_;   \
  } while (false)

#define RENKEI_MACRO_CONCAT_INNER_(a, b) a##b
#define RENKEI_MACRO_CONCAT_(a, b) RENKEI_MACRO_CONCAT_INNER_(a, b)

// `lhs = value of rexpr`, or returns its status from the enclosing function.
// `lhs` may declare a variable: RENKEI_ASSIGN_OR_RETURN(auto x, Make());
#define RENKEI_ASSIGN_OR_RETURN(lhs, rexpr)                                  \
  RENKEI_ASSIGN_OR_RETURN_IMPL_(                                             \
      RENKEI_MACRO_CONCAT_(renkei_statusor_, __LINE__), lhs, rexpr)

#define RENKEI_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = std::move(statusor).value()

#endif  // RENKEI_SERVER_UTIL_STATUS_MACROS_H_
