// renkei.v1.SeedService over the store. Every call passes the gate first. Thread-safe;
// `store` and `gate` must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_SEED_SERVICE_H_
#define RENKEI_SERVER_SERVICE_SEED_SERVICE_H_

#include "renkei/v1/seed.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class SeedService final : public v1::SeedService::Service {
 public:
  SeedService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status GetSeed(grpc::ServerContext* context, const v1::GetSeedRequest* request,
                      v1::Seed* response) override;
  grpc::Status ListSeeds(grpc::ServerContext* context, const v1::ListSeedsRequest* request,
                        v1::ListSeedsResponse* response) override;
  grpc::Status CreateSeed(grpc::ServerContext* context,
                         const v1::CreateSeedRequest* request, v1::Seed* response) override;
  grpc::Status UpdateSeed(grpc::ServerContext* context,
                         const v1::UpdateSeedRequest* request, v1::Seed* response) override;
  grpc::Status DeleteSeed(grpc::ServerContext* context,
                         const v1::DeleteSeedRequest* request,
                         v1::DeleteResponse* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_SEED_SERVICE_H_
