// absl::Status → grpc::Status at the edge of the server. The codes line up by
// name; field violations and precondition failures carried as payloads
// (server/util/errors.h) become google.rpc.Status details, which clients read
// from the grpc-status-details-bin trailer.
#ifndef RENKEI_SERVER_SERVICE_GRPC_STATUS_H_
#define RENKEI_SERVER_SERVICE_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace renkei::service {

grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_GRPC_STATUS_H_
