// renkei.v1.SystemService: Ping (the cheapest call, the gRPC floor of the
// benchmarks) and server information. Thread-safe.
#ifndef RENKEI_SERVER_SERVICE_SYSTEM_SERVICE_H_
#define RENKEI_SERVER_SERVICE_SYSTEM_SERVICE_H_

#include "renkei/v1/system.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class SystemService final : public v1::SystemService::Service {
 public:
  SystemService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status Ping(grpc::ServerContext* context, const v1::PingRequest* request,
                    v1::PingResponse* response) override;
  grpc::Status GetServerInfo(grpc::ServerContext* context,
                             const v1::GetServerInfoRequest* request,
                             v1::ServerInfo* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_SYSTEM_SERVICE_H_
