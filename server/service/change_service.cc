#include "server/service/change_service.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "server/names/resource_name.h"
#include "server/access/rules.h"
#include "server/records/limits.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"
#include "server/store/store.h"
#include "server/util/errors.h"
#include "server/util/quote.h"

namespace renkei::service {

namespace {

// What one read of the change log brings into memory, at most.
constexpr size_t kBatchChanges = 64;
constexpr size_t kBatchBytes = size_t{1} << 20;

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
          absl::StrCat(Quote(request->collections(i)),
                       " is not a collection (organizations, people, seeds, needs, "
                       "collaborations, networks, memberships, feedback, users, tokens)")));
    }
    collections.insert(request->collections(i));
  }
  absl::StatusOr<std::unique_ptr<ChangeStreams::Ticket>> ticket =
      streams_.Open(context, call.caller.user.empty() ? "anonymous" : call.caller.user);
  if (!ticket.ok()) return ToGrpcStatus(ticket.status());
  // The request is good: say so now, before the first change (which may take
  // a while); the HTTP event stream answers 200 on this (web/event_stream.h).
  context->AddInitialMetadata("x-renkei-stream", "open");
  writer->SendInitialMetadata();
  int64_t after = request->since_revision();
  std::vector<std::string> batch;
  bool ended = false;
  while (!context->IsCancelled() && !stopping_) {
    batch.clear();
    // A bounded batch: a stream never holds more than this in memory.
    absl::Status status = store_.ReadChanges(after, kBatchChanges, &batch, kBatchBytes);
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
      if (change.ByteSizeLong() > records::kDefaultClientMessageBytes - 4096) {
        // Too large for the client to receive: it would stop at this change for good.
        change.clear_record();
        change.set_record_omitted(true);
      }
      (*ticket)->StartWrite();
      const bool written = writer->Write(change);
      (*ticket)->EndWrite();
      if (!written) {  // the client went away, or read too slowly, or shutdown
        ended = true;
        break;
      }
    }
    if (ended) break;
    if (batch.empty()) {
      if (request->stop_at_head()) return grpc::Status::OK;
      store_.WaitForChange(after, absl::Milliseconds(250));
    }
  }
  if ((*ticket)->stalled()) {
    return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                        absl::StrCat("the client read nothing for too long; resume from "
                                     "revision ", after));
  }
  if (stopping_) {
    return grpc::Status(grpc::StatusCode::UNAVAILABLE,
                        absl::StrCat("the server is shutting down; resume from revision ",
                                     after));
  }
  return grpc::Status::OK;
}

}  // namespace renkei::service
