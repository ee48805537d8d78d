// renkei.v1.IndicatorService. Thread-safe; `store` must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_INDICATOR_SERVICE_H_
#define RENKEI_SERVER_SERVICE_INDICATOR_SERVICE_H_

#include "renkei/v1/indicator.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class IndicatorService final : public v1::IndicatorService::Service {
 public:
  explicit IndicatorService(store::Store* store) : store_(*store) {}

  grpc::Status GetIndicators(grpc::ServerContext* context,
                             const v1::GetIndicatorsRequest* request,
                             v1::Indicators* response) override;

 private:
  store::Store& store_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_INDICATOR_SERVICE_H_
