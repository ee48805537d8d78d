// A gRPC server interceptor that counts and times every call into Metrics,
// and writes one log line (key=value) for a call that fails or is slow:
//   rpc method=/renkei.v1.OrganizationService/GetOrganization code=NOT_FOUND
//       duration_ms=1.2 caller=sato interface=json peer=ipv4:127.0.0.1:50412
//       message="organizations/7 not found"
// The factory is thread-safe; `metrics` must outlive the server.
#ifndef RENKEI_SERVER_METRICS_RPC_INTERCEPTOR_H_
#define RENKEI_SERVER_METRICS_RPC_INTERCEPTOR_H_

#include <grpcpp/support/server_interceptor.h>

#include <memory>

#include "absl/time/time.h"

namespace renkei::metrics {

class Metrics;

// Calls that take longer than `slow` are logged even when they succeed.
// WatchChanges and Import streams are timed but never logged as slow.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewRpcInterceptorFactory(
    Metrics* metrics, absl::Duration slow);

}  // namespace renkei::metrics

#endif  // RENKEI_SERVER_METRICS_RPC_INTERCEPTOR_H_
