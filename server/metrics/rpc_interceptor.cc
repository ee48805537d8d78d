#include "server/metrics/rpc_interceptor.h"

#include <grpcpp/server_context.h>

#include <iterator>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "server/metrics/metrics.h"
#include "server/util/caller_note.h"
#include "server/util/log.h"
#include "server/util/quote.h"

namespace renkei::metrics {
namespace {

using grpc::experimental::InterceptionHookPoints;

constexpr const char* kCodeNames[] = {
    "OK",          "CANCELLED",         "UNKNOWN",           "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED", "NOT_FOUND",   "ALREADY_EXISTS",    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",  "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL",        "UNAVAILABLE",       "DATA_LOSS",
    "UNAUTHENTICATED"};

std::string CodeName(grpc::StatusCode code) {
  const int value = static_cast<int>(code);
  if (value >= 0 && value < static_cast<int>(std::size(kCodeNames))) return kCodeNames[value];
  return absl::StrCat(value);
}

std::string OrDash(std::string value) { return value.empty() ? "-" : value; }

class RpcInterceptor final : public grpc::experimental::Interceptor {
 public:
  RpcInterceptor(grpc::experimental::ServerRpcInfo* info, Metrics* metrics, absl::Duration slow)
      : info_(info),
        metrics_(metrics),
        slow_(info->type() == grpc::experimental::ServerRpcInfo::Type::UNARY
                  ? slow
                  : absl::InfiniteDuration()),
        start_(absl::Now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Finished(methods->GetSendStatus());
    }
    methods->Proceed();
  }

 private:
  void Finished(const grpc::Status& status) {
    const absl::Duration duration = absl::Now() - start_;
    const std::string code = CodeName(status.error_code());
    metrics_->RecordCall(info_->method(), code, duration);
    CallerNote caller = TakeCallerNote();
    if (status.ok() && duration < slow_) return;
    LogInfo(absl::StrFormat(
        "rpc method=%s code=%s duration_ms=%.1f caller=%s interface=%s peer=%s message=%s",
        info_->method(), code, absl::ToDoubleMilliseconds(duration), OrDash(caller.user),
        OrDash(caller.interface), OrDash(info_->server_context()->peer()),
        Quote(status.error_message())));
  }

  grpc::experimental::ServerRpcInfo* const info_;
  Metrics* const metrics_;
  const absl::Duration slow_;
  const absl::Time start_;
};

class Factory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  Factory(Metrics* metrics, absl::Duration slow) : metrics_(metrics), slow_(slow) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    TakeCallerNote();  // a note left on this thread belongs to no call now
    return new RpcInterceptor(info, metrics_, slow_);  // gRPC owns it
  }

 private:
  Metrics* const metrics_;
  const absl::Duration slow_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> NewRpcInterceptorFactory(
    Metrics* metrics, absl::Duration slow) {
  return std::make_unique<Factory>(metrics, slow);
}

}  // namespace renkei::metrics
