// renkei.v1.CollaborationService over the store. Every call passes the gate first. Thread-safe;
// `store` and `gate` must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_COLLABORATION_SERVICE_H_
#define RENKEI_SERVER_SERVICE_COLLABORATION_SERVICE_H_

#include "renkei/v1/collaboration.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class CollaborationService final : public v1::CollaborationService::Service {
 public:
  CollaborationService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status GetCollaboration(grpc::ServerContext* context, const v1::GetCollaborationRequest* request,
                      v1::Collaboration* response) override;
  grpc::Status ListCollaborations(grpc::ServerContext* context, const v1::ListCollaborationsRequest* request,
                        v1::ListCollaborationsResponse* response) override;
  grpc::Status CreateCollaboration(grpc::ServerContext* context,
                         const v1::CreateCollaborationRequest* request, v1::Collaboration* response) override;
  grpc::Status UpdateCollaboration(grpc::ServerContext* context,
                         const v1::UpdateCollaborationRequest* request, v1::Collaboration* response) override;
  grpc::Status DeleteCollaboration(grpc::ServerContext* context,
                         const v1::DeleteCollaborationRequest* request,
                         v1::DeleteResponse* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_COLLABORATION_SERVICE_H_
