#include "server/service/change_service.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "server/names/resource_name.h"
#include "server/access/rules.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"
#include "server/store/store.h"
#include "server/util/errors.h"

namespace renkei::service {

namespace {

// The record a change carries, or null.
google::protobuf::Message* RecordOf(v1::Change& change) {
  const auto* oneof = v1::Change::descriptor()->FindOneofByName("record");
  const auto* field = change.GetReflection()->GetOneofFieldDescriptor(change, oneof);
  if (field == nullptr) return nullptr;
  return change.GetReflection()->MutableMessage(&change, field);
}

}  // namespace

grpc::Status ChangeService::WatchChanges(grpc::ServerContext* context,
                                         const v1::WatchChangesRequest* request,
                                         grpc::ServerWriter<v1::Change>* writer) {
  RENKEI_ADMIT(call, context, "ChangeService.WatchChanges");
  if (request->since_revision() < 0) {
    return ToGrpcStatus(InvalidFieldError("since_revision", "must not be negative"));
  }
  std::set<std::string> collections;
  for (int i = 0; i < request->collections_size(); ++i) {
    if (!KindOfCollection(request->collections(i)).has_value()) {
      return ToGrpcStatus(InvalidFieldError(
          absl::StrCat("collections[", i, "]"),
          absl::StrCat("\"", request->collections(i),
                       "\" is not a collection (organizations, people, seeds, needs, "
                       "collaborations, networks, memberships, feedback, users, tokens)")));
    }
    collections.insert(request->collections(i));
  }
  // The request is good: say so now, before the first change (which may take
  // a while); the HTTP event stream answers 200 on this (web/event_stream.h).
  context->AddInitialMetadata("x-renkei-stream", "open");
  writer->SendInitialMetadata();
  int64_t after = request->since_revision();
  std::vector<std::string> batch;
  while (!context->IsCancelled() && !stopping_) {
    batch.clear();
    absl::Status status = store_.ReadChanges(after, 256, &batch);
    if (!status.ok()) return ToGrpcStatus(status);
    for (const std::string& bytes : batch) {
      v1::Change change;
      if (!change.ParseFromString(bytes)) {
        return ToGrpcStatus(absl::DataLossError("a change-log entry does not parse"));
      }
      after = change.revision();
      if (!collections.empty()) {
        const std::string& name = change.name();
        const std::string collection =
            name.find("/memberships/") != std::string::npos ? "memberships"
                                                            : name.substr(0, name.find('/'));
        if (!collections.contains(collection)) continue;
      }
      // Only what the caller may read, as it may read it.
      google::protobuf::Message* record = RecordOf(change);
      if (record == nullptr || !access::MayRead(call.caller, *record)) continue;
      access::Redact(call.caller, record);
      if (!writer->Write(change)) return grpc::Status::OK;  // the client went away
    }
    if (batch.empty()) {
      if (request->stop_at_head()) return grpc::Status::OK;
      store_.WaitForChange(after, absl::Milliseconds(250));
    }
  }
  if (stopping_) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        absl::StrCat("the server is shutting down; resume from revision ",
                                     after));
  }
  return grpc::Status::OK;
}

}  // namespace renkei::service
