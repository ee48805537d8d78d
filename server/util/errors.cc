#include "server/util/errors.h"

#include <algorithm>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/rpc/error_details.pb.h"
#include "server/util/quote.h"

namespace renkei {
namespace {

// A message names the first few problems; the BadRequest lists more, but
// never so many that a client could not read the answer.
constexpr size_t kViolationsInMessage = 10;
constexpr size_t kViolationsInDetails = 100;
constexpr size_t kMaxViolationBytes = 1000;  // field path or description

std::string JoinViolations(const std::vector<FieldViolation>& list) {
  const size_t shown = std::min(list.size(), kViolationsInMessage);
  std::string out;
  for (size_t i = 0; i < shown; ++i) {
    const FieldViolation& v = list[i];
    if (i > 0) out += "; ";
    if (!v.field.empty()) absl::StrAppend(&out, CutUtf8(v.field, kMaxViolationBytes), ": ");
    absl::StrAppend(&out, CutUtf8(v.description, kMaxViolationBytes));
  }
  if (list.size() > shown) absl::StrAppend(&out, "; and ", list.size() - shown, " more");
  return out;
}

absl::Status MakeStatus(absl::StatusCode code,
                        const std::vector<FieldViolation>& list) {
  absl::Status status(code, JoinViolations(list));
  google::rpc::BadRequest bad_request;
  for (size_t i = 0; i < list.size() && i < kViolationsInDetails; ++i) {
    auto* out = bad_request.add_field_violations();
    out->set_field(std::string(CutUtf8(list[i].field, kMaxViolationBytes)));
    out->set_description(std::string(CutUtf8(list[i].description, kMaxViolationBytes)));
  }
  status.SetPayload(kBadRequestUrl, absl::Cord(bad_request.SerializeAsString()));
  return status;
}

}  // namespace

void Violations::Add(std::string field, std::string description) {
  list_.push_back({std::move(field), std::move(description)});
}

absl::Status Violations::ToStatus(absl::StatusCode code) const {
  if (list_.empty()) return absl::OkStatus();
  return MakeStatus(code, list_);
}

absl::Status FieldError(absl::StatusCode code, std::string field,
                        std::string description) {
  return MakeStatus(code, {{std::move(field), std::move(description)}});
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> list;
  auto payload = status.GetPayload(kBadRequestUrl);
  if (!payload.has_value()) return list;
  google::rpc::BadRequest bad_request;
  if (!bad_request.ParseFromString(std::string(*payload))) return list;
  for (const auto& v : bad_request.field_violations()) {
    list.push_back({v.field(), v.description()});
  }
  return list;
}

absl::Status WithFieldPrefix(const absl::Status& status,
                             absl::string_view prefix) {
  std::vector<FieldViolation> list = FieldViolationsOf(status);
  if (list.empty() || prefix.empty()) return status;
  for (FieldViolation& v : list) {
    v.field = v.field.empty() ? std::string(prefix)
                              : absl::StrCat(prefix, ".", v.field);
  }
  absl::Status prefixed = MakeStatus(status.code(), list);
  // Keep any other payloads the status had.
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& value) {
    if (url != kBadRequestUrl) prefixed.SetPayload(url, value);
  });
  return prefixed;
}

absl::Status PreconditionError(
    std::string message, const std::vector<PreconditionViolation>& violations) {
  absl::Status status(absl::StatusCode::kFailedPrecondition, std::move(message));
  google::rpc::PreconditionFailure failure;
  for (const PreconditionViolation& v : violations) {
    auto* out = failure.add_violations();
    out->set_type(v.type);
    out->set_subject(v.subject);
    out->set_description(v.description);
  }
  status.SetPayload(kPreconditionFailureUrl,
                    absl::Cord(failure.SerializeAsString()));
  return status;
}

}  // namespace renkei
