#include "server/service/change_service.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "server/names/resource_name.h"
#include "server/service/grpc_status.h"
#include "server/store/store.h"
#include "server/util/errors.h"

namespace renkei::service {

grpc::Status ChangeService::WatchChanges(grpc::ServerContext* context,
                                         const v1::WatchChangesRequest* request,
                                         grpc::ServerWriter<v1::Change>* writer) {
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
                       "collaborations, networks, memberships)")));
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
