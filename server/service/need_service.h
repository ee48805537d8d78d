// renkei.v1.NeedService over the store. Every call passes the gate first. Thread-safe;
// `store` and `gate` must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_NEED_SERVICE_H_
#define RENKEI_SERVER_SERVICE_NEED_SERVICE_H_

#include "renkei/v1/need.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class NeedService final : public v1::NeedService::Service {
 public:
  NeedService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status GetNeed(grpc::ServerContext* context, const v1::GetNeedRequest* request,
                      v1::Need* response) override;
  grpc::Status ListNeeds(grpc::ServerContext* context, const v1::ListNeedsRequest* request,
                        v1::ListNeedsResponse* response) override;
  grpc::Status CreateNeed(grpc::ServerContext* context,
                         const v1::CreateNeedRequest* request, v1::Need* response) override;
  grpc::Status UpdateNeed(grpc::ServerContext* context,
                         const v1::UpdateNeedRequest* request, v1::Need* response) override;
  grpc::Status DeleteNeed(grpc::ServerContext* context,
                         const v1::DeleteNeedRequest* request,
                         v1::DeleteResponse* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_NEED_SERVICE_H_
