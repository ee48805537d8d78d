#include "server/util/call_metadata.h"

#include <grpcpp/support/interceptor.h>

namespace renkei {
namespace {

class AddingInterceptor final : public grpc::experimental::Interceptor {
 public:
  explicit AddingInterceptor(const Metadata& metadata) : metadata_(metadata) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            grpc::experimental::InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      std::multimap<std::string, std::string>* sent = methods->GetSendInitialMetadata();
      for (const auto& [key, value] : metadata_) sent->emplace(key, value);
    }
    methods->Proceed();
  }

 private:
  const Metadata& metadata_;
};

class AddingFactory final : public grpc::experimental::ClientInterceptorFactoryInterface {
 public:
  explicit AddingFactory(Metadata metadata) : metadata_(std::move(metadata)) {}

  grpc::experimental::Interceptor* CreateClientInterceptor(
      grpc::experimental::ClientRpcInfo*) override {
    return new AddingInterceptor(metadata_);
  }

 private:
  const Metadata metadata_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface> AddMetadata(
    Metadata metadata) {
  return std::make_unique<AddingFactory>(std::move(metadata));
}

Metadata BearerMetadata(const std::string& token) {
  return {{"authorization", "Bearer " + token}};
}

}  // namespace renkei
