#include "server/service/system_service.h"

#include <string>

#include "server/names/resource_name.h"
#include "server/store/index.h"
#include "server/store/store.h"

namespace renkei::service {

grpc::Status SystemService::Ping(grpc::ServerContext*, const v1::PingRequest*,
                                 v1::PingResponse*) {
  return grpc::Status::OK;
}

grpc::Status SystemService::GetServerInfo(grpc::ServerContext*,
                                          const v1::GetServerInfoRequest*,
                                          v1::ServerInfo* response) {
  response->set_version(RENKEI_VERSION);
  response->set_revision(store_.revision());
  for (Kind kind : kAllKinds) {
    (*response->mutable_record_counts())[std::string(CollectionOf(kind))] =
        store_.Counter(store::RecordCounter(kind));
  }
  response->set_sync_writes(store_.sync_writes());
  return grpc::Status::OK;
}

}  // namespace renkei::service
