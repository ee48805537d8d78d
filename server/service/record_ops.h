// The steps every resource service shares: check the request, check what
// the caller may see and change (server/access/rules.h), call the records
// library and the store, map the status. Each service class calls these with
// the Call its gate admitted and its own message types; T is one of the
// record messages.
#ifndef RENKEI_SERVER_SERVICE_RECORD_OPS_H_
#define RENKEI_SERVER_SERVICE_RECORD_OPS_H_

#include <grpcpp/support/status.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "renkei/v1/common.pb.h"
#include "server/names/resource_name.h"
#include "server/records/limits.h"
#include "server/records/update_mask.h"
#include "server/records/validate.h"
#include "server/access/rules.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"
#include "server/store/store.h"
#include "server/util/errors.h"

namespace renkei::service {

// Which record a Get asks for: exactly one of its keys.
struct RecordKey {
  Kind kind;
  std::string name;
  const v1::ExternalId* external_id = nullptr;  // when set in the request
  std::string corporate_number;                 // organizations only
};

// The resource name the key designates, or the error to answer with.
absl::StatusOr<std::string> ResolveKey(const store::Store& store, const RecordKey& key);

// page_size: negative is INVALID_ARGUMENT, 0 means the default (50), more
// than 1000 means 1000.
absl::StatusOr<int> PageSize(int requested);

// A store list request from a List…Request of records of `kind`: its
// page_size, page_token, name_prefix / name_contains and filters
// (filters.h), read by field name.
absl::StatusOr<store::ListRequest> MakeListRequest(Kind kind,
                                                   const google::protobuf::Message& request);

// The id of a filter that names a record of `kind`, or INVALID_ARGUMENT
// naming `field`.
absl::StatusOr<uint64_t> FilterId(const std::string& value, Kind kind,
                                  const std::string& field);

// An enum filter value that must be a value of its enum (0 = no filter).
absl::Status CheckEnumFilter(bool valid, int value, const std::string& field);

// PERMISSION_DENIED: `name` exists but the caller may not see it.
absl::Status NotVisible(const access::Caller& caller, absl::string_view name);

template <typename T>
grpc::Status GetRecord(const store::Store& store, const Call& call, const RecordKey& key,
                       T* response) {
  absl::StatusOr<std::string> name = ResolveKey(store, key);
  if (!name.ok()) return ToGrpcStatus(name.status());
  absl::Status status = store.Get(*name, response);
  if (!status.ok() && status.code() == absl::StatusCode::kInvalidArgument) {
    status = InvalidFieldError("name", std::string(status.message()));
  }
  if (!status.ok()) return ToGrpcStatus(status);
  if (!access::MayRead(call.caller, *response)) {
    response->Clear();
    return call.Deny(NotVisible(call.caller, *name), *name);
  }
  access::Redact(call.caller, response);
  return grpc::Status::OK;
}

// `field` is the request field holding the record ("organization").
template <typename T>
grpc::Status CreateRecord(store::Store& store, const Call& call, const T& input,
                          const std::string& request_id, const std::string& field,
                          T* response) {
  absl::Status status = records::ValidateRequestId(request_id);
  if (!status.ok()) return ToGrpcStatus(status);
  T record = input;
  records::PrepareForCreate(&record);
  status = records::ValidateRecord(record);
  if (!status.ok()) return ToGrpcStatus(WithFieldPrefix(status, field));
  status = access::CheckWrite(call.caller, nullptr, &record);
  if (!status.ok()) return call.Deny(status, field);
  status = store.Create(&record, request_id, call.caller.ToActor());
  if (!status.ok()) return ToGrpcStatus(WithFieldPrefix(status, field));
  if (!access::MayRead(call.caller, record)) {  // a request id of another's create
    return call.Deny(NotVisible(call.caller, record.name()), record.name());
  }
  access::Redact(call.caller, &record);
  *response = std::move(record);
  return grpc::Status::OK;
}

template <typename T>
grpc::Status UpdateRecord(store::Store& store, const Call& call, const T& patch,
                          const google::protobuf::FieldMask& mask,
                          const std::string& field, T* response) {
  if (patch.name().empty()) {
    return ToGrpcStatus(InvalidFieldError(absl::StrCat(field, ".name"),
                                          "is required: which record to update"));
  }
  bool refused_by_mutate = false;
  bool denied = false;
  absl::Status status = store.Update(
      patch.name(), patch.etag(),
      [&](google::protobuf::Message* record) -> absl::Status {
        refused_by_mutate = true;
        if (!access::MayRead(call.caller, *record)) {
          denied = true;
          return NotVisible(call.caller, patch.name());
        }
        std::unique_ptr<google::protobuf::Message> before(record->New());
        before->CopyFrom(*record);
        absl::Status applied = records::ApplyUpdateMask(patch, mask, record);
        if (!applied.ok()) return applied;  // paths name update_mask.paths[i]
        record->DiscardUnknownFields();
        records::DeriveFields(record);
        absl::Status valid = records::ValidateRecord(*record);
        if (!valid.ok()) return WithFieldPrefix(valid, field);
        absl::Status allowed = access::CheckWrite(call.caller, before.get(), record);
        if (!allowed.ok()) {
          denied = true;
          return allowed;
        }
        refused_by_mutate = false;
        return absl::OkStatus();
      },
      response, call.caller.ToActor());
  if (denied) return call.Deny(status, patch.name());
  if (!status.ok() && !refused_by_mutate) {
    if (status.code() == absl::StatusCode::kInvalidArgument &&
        FieldViolationsOf(status).empty()) {
      status = InvalidFieldError(absl::StrCat(field, ".name"), std::string(status.message()));
    } else {
      status = WithFieldPrefix(status, field);
    }
  }
  if (status.ok()) access::Redact(call.caller, response);
  return ToGrpcStatus(status);
}

grpc::Status DeleteRecord(store::Store& store, const Call& call, Kind kind,
                          const std::string& name, const std::string& etag, bool cascade,
                          v1::DeleteResponse* response);

// Runs `request` and appends the page to `out`: the records the caller may
// see, with what it may not see of them removed. A page may come back
// shorter than asked when some were left out; the token still continues.
template <typename T>
grpc::Status ListRecords(const store::Store& store, const Call& call,
                         const store::ListRequest& request,
                         google::protobuf::RepeatedPtrField<T>* out,
                         std::string* next_page_token) {
  absl::StatusOr<store::ListResult> result = store.List(request, T::default_instance());
  if (!result.ok()) return ToGrpcStatus(result.status());
  for (auto& record : result->records) {
    if (!access::MayRead(call.caller, *record)) continue;
    access::Redact(call.caller, record.get());
    out->Add()->Swap(static_cast<T*>(record.get()));
  }
  *next_page_token = std::move(result->next_page_token);
  return grpc::Status::OK;
}

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_RECORD_OPS_H_
