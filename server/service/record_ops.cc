#include "server/service/record_ops.h"

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "server/records/corporate_number.h"
#include "server/service/filters.h"
#include "server/store/index.h"

namespace renkei::service {

absl::StatusOr<std::string> ResolveKey(const store::Store& store, const RecordKey& key) {
  const int keys = !key.name.empty() + (key.external_id != nullptr) +
                   !key.corporate_number.empty();
  if (keys != 1) {
    return InvalidFieldError(
        "name", key.kind == Kind::kOrganization
                    ? "give exactly one of name, corporate_number and external_id"
                    : "give exactly one of name and external_id");
  }
  if (!key.name.empty()) {
    absl::StatusOr<ResourceName> parsed = ParseResourceName(key.name, key.kind);
    if (!parsed.ok()) return InvalidFieldError("name", std::string(parsed.status().message()));
    return key.name;
  }
  absl::StatusOr<std::string> found;
  if (!key.corporate_number.empty()) {
    std::string problem = records::CorporateNumberProblem(key.corporate_number);
    if (!problem.empty()) return InvalidFieldError("corporate_number", std::move(problem));
    found = store.Lookup(store::CorporateNumberKey(key.corporate_number));
    if (absl::IsNotFound(found.status())) {
      return absl::NotFoundError(
          absl::StrCat("no organization has 法人番号 ", key.corporate_number));
    }
    return found;
  }
  if (key.external_id->source().empty() || key.external_id->value().empty()) {
    return InvalidFieldError("external_id", "needs both source and value");
  }
  found = store.Lookup(store::ExternalIdKey(key.kind, key.external_id->source(),
                                            key.external_id->value()));
  if (absl::IsNotFound(found.status())) {
    return absl::NotFoundError(absl::StrCat("no ", NounOf(key.kind), " has external id ",
                                            key.external_id->source(), " = ",
                                            key.external_id->value()));
  }
  return found;
}

absl::StatusOr<int> PageSize(int requested) {
  if (requested < 0) return InvalidFieldError("page_size", "must not be negative");
  if (requested == 0) return records::kDefaultPageSize;
  return std::min(requested, records::kMaxPageSize);
}

absl::StatusOr<store::ListRequest> MakeListRequest(Kind kind,
                                                   const google::protobuf::Message& request) {
  const auto* descriptor = request.GetDescriptor();
  const auto* reflection = request.GetReflection();
  auto string_field = [&](const char* name) -> std::string {
    const auto* field = descriptor->FindFieldByName(name);
    return field == nullptr ? "" : reflection->GetString(request, field);
  };
  store::ListRequest list;
  list.kind = kind;
  absl::StatusOr<int> page_size =
      PageSize(reflection->GetInt32(request, descriptor->FindFieldByName("page_size")));
  if (!page_size.ok()) return page_size.status();
  list.page_size = *page_size;
  list.max_bytes = records::kMaxPageBytes;
  list.page_token = string_field("page_token");
  list.name_prefix = string_field("name_prefix");
  list.name_contains = string_field("name_contains");
  absl::StatusOr<std::vector<store::IndexTerm>> terms = FilterTerms(kind, request);
  if (!terms.ok()) return terms.status();
  list.terms = std::move(*terms);
  return list;
}

absl::StatusOr<uint64_t> FilterId(const std::string& value, Kind kind,
                                  const std::string& field) {
  absl::StatusOr<ResourceName> name = ParseResourceName(value, kind);
  if (!name.ok()) return InvalidFieldError(field, std::string(name.status().message()));
  return name->id;
}

absl::Status CheckEnumFilter(bool valid, int value, const std::string& field) {
  if (valid) return absl::OkStatus();
  return InvalidFieldError(field, absl::StrCat(value, " is not a value of the enum"));
}

absl::Status NotVisible(const access::Caller& caller, absl::string_view name) {
  return absl::PermissionDeniedError(absl::StrCat(
      name, " is not visible to ",
      caller.is_anonymous() ? "callers who have not signed in"
                            : absl::StrCat(caller.username.empty() ? caller.user : caller.username,
                                           " (role ", access::RoleName(caller.role), ")")));
}

grpc::Status DeleteRecord(store::Store& store, const Call& call, Kind kind,
                          const std::string& name, const std::string& etag, bool cascade,
                          v1::DeleteResponse* response) {
  if (name.empty()) return ToGrpcStatus(InvalidFieldError("name", "is required"));
  absl::StatusOr<ResourceName> parsed = ParseResourceName(name, kind);
  if (!parsed.ok()) {
    return ToGrpcStatus(InvalidFieldError("name", std::string(parsed.status().message())));
  }
  if (!call.caller.is_staff()) {
    // What the record is decides whether this caller may delete it.
    std::unique_ptr<google::protobuf::Message> current = store::NewRecordOf(kind);
    absl::Status read = store.Get(name, current.get());
    if (!read.ok()) return ToGrpcStatus(read);
    if (!access::MayRead(call.caller, *current)) {
      return call.Deny(NotVisible(call.caller, name), name);
    }
    absl::Status allowed = access::CheckWrite(call.caller, current.get(), nullptr);
    if (allowed.ok() && cascade) {
      allowed = absl::PermissionDeniedError(
          "a delete with cascade changes records of others: ask a coordinator");
    }
    if (!allowed.ok()) return call.Deny(allowed, name);
  }
  absl::StatusOr<store::DeleteResult> result =
      store.Delete(name, etag, cascade, call.caller.ToActor());
  if (!result.ok()) {
    absl::Status status = result.status();
    if (status.code() == absl::StatusCode::kInvalidArgument &&
        FieldViolationsOf(status).empty()) {
      status = InvalidFieldError("name", std::string(status.message()));
    }
    return ToGrpcStatus(status);
  }
  for (std::string& deleted : result->deleted) response->add_deleted(std::move(deleted));
  for (std::string& unlinked : result->unlinked) response->add_unlinked(std::move(unlinked));
  response->set_revision(result->revision);
  return grpc::Status::OK;
}

}  // namespace renkei::service
