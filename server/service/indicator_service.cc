#include "server/service/indicator_service.h"

#include "server/indicators/indicators.h"
#include "server/service/grpc_status.h"

namespace renkei::service {

grpc::Status IndicatorService::GetIndicators(grpc::ServerContext*,
                                             const v1::GetIndicatorsRequest* request,
                                             v1::Indicators* response) {
  absl::StatusOr<v1::Indicators> indicators =
      indicators::ComputeIndicators(store_, request->fiscal_year());
  if (!indicators.ok()) return ToGrpcStatus(indicators.status());
  *response = std::move(*indicators);
  return grpc::Status::OK;
}

}  // namespace renkei::service
