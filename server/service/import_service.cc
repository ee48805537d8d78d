#include "server/service/import_service.h"

#include <map>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/strip.h"
#include "server/metrics/metrics.h"
#include "server/ingest/file_import.h"
#include "server/ingest/session.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"
#include "server/util/errors.h"

namespace renkei::service {
namespace {

// Counts the rows of `outcomes` by action ("created", "rejected" …).
void CountOutcomes(const google::protobuf::RepeatedPtrField<v1::RowOutcome>& outcomes,
                   metrics::Metrics& metrics) {
  std::map<v1::ImportAction, int64_t> by_action;
  for (const v1::RowOutcome& outcome : outcomes) ++by_action[outcome.action()];
  for (const auto& [action, rows] : by_action) {
    const std::string& full = v1::ImportAction_Name(action);
    absl::string_view name = full;
    absl::ConsumePrefix(&name, "IMPORT_ACTION_");
    metrics.CountImportRows(absl::AsciiStrToLower(name), rows);
  }
}

}  // namespace

grpc::Status ImportService::Import(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::ImportResponse, v1::ImportRequest>* stream) {
  RENKEI_ADMIT(call, context, "ImportService.Import");
  v1::ImportRequest request;
  if (!stream->Read(&request)) return grpc::Status::OK;  // the client sent nothing
  if (!request.has_header()) {
    return ToGrpcStatus(InvalidFieldError("header", "must come first, before any batch"));
  }
  absl::MutexLock lock(&import_mu_);
  absl::StatusOr<std::unique_ptr<ingest::Session>> session =
      ingest::Session::Start(&store_, reader_, request.header(), &profiles_);
  if (!session.ok()) return ToGrpcStatus(session.status());
  store::Actor actor = call.caller.ToActor();
  actor.interface = "import";
  (*session)->set_actor(std::move(actor));
  while (stream->Read(&request)) {
    if (context->IsCancelled()) return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled");
    if (request.has_header()) {
      return ToGrpcStatus(InvalidFieldError("header", "was given twice"));
    }
    if (!request.has_batch()) {
      return ToGrpcStatus(InvalidFieldError("batch", "is required after the header"));
    }
    v1::ImportResponse response;
    absl::Status status = (*session)->Apply(request.batch(), &response);
    if (!status.ok()) return ToGrpcStatus(status);
    CountOutcomes(response.outcomes(), metrics_);
    if (!stream->Write(response)) return grpc::Status(grpc::StatusCode::CANCELLED, "client gone");
  }
  v1::ImportResponse last;
  absl::Status status = (*session)->Finish(&last);
  if (!status.ok()) return ToGrpcStatus(status);
  CountOutcomes(last.outcomes(), metrics_);
  stream->Write(last);
  return grpc::Status::OK;
}

grpc::Status ImportService::ImportFile(grpc::ServerContext* context,
                                       const v1::ImportFileRequest* request,
                                       v1::ImportFileResponse* response) {
  RENKEI_ADMIT(call, context, "ImportService.ImportFile");
  store::Actor actor = call.caller.ToActor();
  actor.interface = call.caller.interface == "grpc" ? "import" : call.caller.interface;
  absl::MutexLock lock(&import_mu_);
  absl::StatusOr<v1::ImportFileResponse> imported =
      ingest::ImportFile(&store_, reader_, &profiles_, *request, actor);
  if (!imported.ok()) return ToGrpcStatus(imported.status());
  CountOutcomes(imported->outcomes(), metrics_);
  *response = std::move(*imported);
  return grpc::Status::OK;
}

}  // namespace renkei::service
