#include "server/service/system_service.h"

#include <string>

#include "server/access/rules.h"
#include "server/names/resource_name.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"
#include "server/store/index.h"
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

}  // namespace renkei::service
