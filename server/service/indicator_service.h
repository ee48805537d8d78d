// renkei.v1.IndicatorService. Thread-safe; `store` must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_INDICATOR_SERVICE_H_
#define RENKEI_SERVER_SERVICE_INDICATOR_SERVICE_H_

#include "renkei/v1/indicator.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class IndicatorService final : public v1::IndicatorService::Service {
 public:
  IndicatorService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status GetIndicators(grpc::ServerContext* context,
                             const v1::GetIndicatorsRequest* request,
                             v1::Indicators* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_INDICATOR_SERVICE_H_
