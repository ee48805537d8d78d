#include "server/service/indicator_service.h"

#include "server/indicators/indicators.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"

namespace renkei::service {

grpc::Status IndicatorService::GetIndicators(grpc::ServerContext* context,
                                             const v1::GetIndicatorsRequest* request,
                                             v1::Indicators* response) {
  // Its figures count collaborations and memberships: only roles that may
  // read every one of them hold the permission (docs/access.md).
  RENKEI_ADMIT(call, context, "IndicatorService.GetIndicators");
  absl::StatusOr<v1::Indicators> indicators =
      indicators::ComputeIndicators(store_, request->fiscal_year());
  if (!indicators.ok()) return ToGrpcStatus(indicators.status());
  *response = std::move(*indicators);
  return grpc::Status::OK;
}

}  // namespace renkei::service
