// renkei.v1.NetworkService: networks and their memberships over the store.
// Every call passes the gate first. Thread-safe; `store` and `gate` must
// outlive the service.
#ifndef RENKEI_SERVER_SERVICE_NETWORK_SERVICE_H_
#define RENKEI_SERVER_SERVICE_NETWORK_SERVICE_H_

#include "renkei/v1/network.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class NetworkService final : public v1::NetworkService::Service {
 public:
  NetworkService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status GetNetwork(grpc::ServerContext* context, const v1::GetNetworkRequest* request,
                          v1::Network* response) override;
  grpc::Status ListNetworks(grpc::ServerContext* context,
                            const v1::ListNetworksRequest* request,
                            v1::ListNetworksResponse* response) override;
  grpc::Status CreateNetwork(grpc::ServerContext* context,
                             const v1::CreateNetworkRequest* request,
                             v1::Network* response) override;
  grpc::Status UpdateNetwork(grpc::ServerContext* context,
                             const v1::UpdateNetworkRequest* request,
                             v1::Network* response) override;
  grpc::Status DeleteNetwork(grpc::ServerContext* context,
                             const v1::DeleteNetworkRequest* request,
                             v1::DeleteResponse* response) override;

  grpc::Status CreateMembership(grpc::ServerContext* context,
                                const v1::CreateMembershipRequest* request,
                                v1::Membership* response) override;
  grpc::Status GetMembership(grpc::ServerContext* context,
                             const v1::GetMembershipRequest* request,
                             v1::Membership* response) override;
  grpc::Status ListMemberships(grpc::ServerContext* context,
                               const v1::ListMembershipsRequest* request,
                               v1::ListMembershipsResponse* response) override;
  grpc::Status ListOrganizationMemberships(
      grpc::ServerContext* context, const v1::ListOrganizationMembershipsRequest* request,
      v1::ListMembershipsResponse* response) override;
  grpc::Status UpdateMembership(grpc::ServerContext* context,
                                const v1::UpdateMembershipRequest* request,
                                v1::Membership* response) override;
  grpc::Status DeleteMembership(grpc::ServerContext* context,
                                const v1::DeleteMembershipRequest* request,
                                v1::DeleteResponse* response) override;

 private:
  // Fills the output-only member_count.
  void AddMemberCount(v1::Network* network) const;

  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_NETWORK_SERVICE_H_
