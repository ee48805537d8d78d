// renkei.v1.OrganizationService over the store. Every call passes the gate first.
// Thread-safe; `store` and `gate` must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_ORGANIZATION_SERVICE_H_
#define RENKEI_SERVER_SERVICE_ORGANIZATION_SERVICE_H_

#include "renkei/v1/organization.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class OrganizationService final : public v1::OrganizationService::Service {
 public:
  OrganizationService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status GetOrganization(grpc::ServerContext* context,
                               const v1::GetOrganizationRequest* request,
                               v1::Organization* response) override;
  grpc::Status ListOrganizations(grpc::ServerContext* context,
                                 const v1::ListOrganizationsRequest* request,
                                 v1::ListOrganizationsResponse* response) override;
  grpc::Status CreateOrganization(grpc::ServerContext* context,
                                  const v1::CreateOrganizationRequest* request,
                                  v1::Organization* response) override;
  grpc::Status UpdateOrganization(grpc::ServerContext* context,
                                  const v1::UpdateOrganizationRequest* request,
                                  v1::Organization* response) override;
  grpc::Status DeleteOrganization(grpc::ServerContext* context,
                                  const v1::DeleteOrganizationRequest* request,
                                  v1::DeleteResponse* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_ORGANIZATION_SERVICE_H_
