// Errors that name the field they are about.
//
// Inside the server, errors are absl::Status. A status about a field of a
// request carries a serialized google.rpc.BadRequest as a payload under its
// type URL (kBadRequestUrl); a delete refused because of references carries a
// google.rpc.PreconditionFailure (kPreconditionFailureUrl). The service layer
// turns these payloads into the gRPC status details clients read
// (server/service/grpc_status.h). Field paths are proto field names joined by
// '.', with [i] for repeated elements: "organization.sites[1].address.city".
#ifndef RENKEI_SERVER_UTIL_ERRORS_H_
#define RENKEI_SERVER_UTIL_ERRORS_H_

#include <string>
#include "absl/strings/string_view.h"
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace renkei {

inline constexpr char kBadRequestUrl[] =
    "type.googleapis.com/google.rpc.BadRequest";
inline constexpr char kPreconditionFailureUrl[] =
    "type.googleapis.com/google.rpc.PreconditionFailure";

struct FieldViolation {
  std::string field;
  std::string description;
};

// Collects the problems found in one request, then becomes one status.
// Not thread-safe.
class Violations {
 public:
  void Add(std::string field, std::string description);
  bool empty() const { return list_.empty(); }
  const std::vector<FieldViolation>& list() const { return list_; }
  // OK when empty; otherwise `code` (INVALID_ARGUMENT by default) with a
  // message listing every violation and a BadRequest payload.
  absl::Status ToStatus(
      absl::StatusCode code = absl::StatusCode::kInvalidArgument) const;

 private:
  std::vector<FieldViolation> list_;
};

// A status with `code` about one field: message "field: description".
absl::Status FieldError(absl::StatusCode code, std::string field,
                        std::string description);
inline absl::Status InvalidFieldError(std::string field,
                                      std::string description) {
  return FieldError(absl::StatusCode::kInvalidArgument, std::move(field),
                    std::move(description));
}

// The field violations a status carries (empty when none).
std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status);

// Returns `status` with `prefix` + "." put in front of every field path, in the
// payload and in the message: "institution" becomes "seed.institution".
absl::Status WithFieldPrefix(const absl::Status& status,
                             absl::string_view prefix);

// FAILED_PRECONDITION for a record still referred to: each subject is a
// resource name, each description how it refers.
struct PreconditionViolation {
  std::string type;
  std::string subject;
  std::string description;
};
absl::Status PreconditionError(
    std::string message, const std::vector<PreconditionViolation>& violations);

}  // namespace renkei

#endif  // RENKEI_SERVER_UTIL_ERRORS_H_
