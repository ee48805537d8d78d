#include "server/service/system_service.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"

#include "server/access/rules.h"
#include "server/names/resource_name.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"
#include "server/store/backup.h"
#include "server/store/index.h"
#include "server/util/errors.h"
#include "server/util/log.h"
#include "server/store/store.h"

namespace renkei::service {

grpc::Status SystemService::Ping(grpc::ServerContext* context, const v1::PingRequest*,
                                 v1::PingResponse*) {
  RENKEI_ADMIT(call, context, "SystemService.Ping");
  return grpc::Status::OK;
}

grpc::Status SystemService::GetServerInfo(grpc::ServerContext* context,
                                          const v1::GetServerInfoRequest*,
                                          v1::ServerInfo* response) {
  RENKEI_ADMIT(call, context, "SystemService.GetServerInfo");
  response->set_version(RENKEI_VERSION);
  response->set_revision(store_.revision());
  for (Kind kind : kAllKinds) {
    // A count is shown only to callers who may see every record it counts.
    if (!access::SeesAll(call.caller, kind)) continue;
    (*response->mutable_record_counts())[std::string(CollectionOf(kind))] =
        store_.Counter(store::RecordCounter(kind));
  }
  response->set_sync_writes(store_.sync_writes());
  return grpc::Status::OK;
}

grpc::Status SystemService::Backup(grpc::ServerContext* context, const v1::BackupRequest* request,
                                   v1::BackupInfo* response) {
  RENKEI_ADMIT(call, context, "SystemService.Backup");
  if (request->directory().empty() || request->directory()[0] != '/') {
    return ToGrpcStatus(InvalidFieldError(
        "directory", "must be an absolute path on the server's machine, e.g. /var/backups/renkei"));
  }
  absl::StatusOr<store::BackupInfo> made = store::Backup(store_, request->directory());
  if (!made.ok()) return ToGrpcStatus(made.status());
  response->set_backup_id(made->id);
  response->set_revision(made->revision);
  *response->mutable_create_time() =
      google::protobuf::util::TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(made->create_time));
  response->set_size_bytes(static_cast<int64_t>(made->size_bytes));
  response->set_directory(request->directory());
  LogInfo(absl::StrCat("backup ", made->id, " at revision ", made->revision, " into ",
                       request->directory(), " by ", call.caller.username));
  return grpc::Status::OK;
}

grpc::Status SystemService::GetMetrics(grpc::ServerContext* context, const v1::GetMetricsRequest*,
                                       v1::Metrics* response) {
  RENKEI_ADMIT(call, context, "SystemService.GetMetrics");
  response->set_text(metrics_.Render(read_()));
  return grpc::Status::OK;
}

}  // namespace renkei::service
