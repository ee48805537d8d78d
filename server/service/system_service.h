// renkei.v1.SystemService: Ping (the cheapest call, the gRPC floor of the
// benchmarks), server information, backups (store/backup.h) and metrics
// (metrics/metrics.h). Thread-safe; what it is given must outlive it.
#ifndef RENKEI_SERVER_SERVICE_SYSTEM_SERVICE_H_
#define RENKEI_SERVER_SERVICE_SYSTEM_SERVICE_H_

#include <functional>

#include "renkei/v1/system.grpc.pb.h"
#include "server/metrics/metrics.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class SystemService final : public v1::SystemService::Service {
 public:
  // `read` gives the values the metrics show as gauges when asked.
  SystemService(store::Store* store, const Gate* gate, metrics::Metrics* metrics,
                std::function<metrics::Readings()> read)
      : store_(*store), gate_(*gate), metrics_(*metrics), read_(std::move(read)) {}

  grpc::Status Ping(grpc::ServerContext* context, const v1::PingRequest* request,
                    v1::PingResponse* response) override;
  grpc::Status GetServerInfo(grpc::ServerContext* context,
                             const v1::GetServerInfoRequest* request,
                             v1::ServerInfo* response) override;
  grpc::Status Backup(grpc::ServerContext* context, const v1::BackupRequest* request,
                      v1::BackupInfo* response) override;
  grpc::Status GetMetrics(grpc::ServerContext* context, const v1::GetMetricsRequest* request,
                          v1::Metrics* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
  metrics::Metrics& metrics_;
  const std::function<metrics::Readings()> read_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_SYSTEM_SERVICE_H_
