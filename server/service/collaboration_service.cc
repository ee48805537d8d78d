#include "server/service/collaboration_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status CollaborationService::GetCollaboration(grpc::ServerContext*, const v1::GetCollaborationRequest* request,
                           v1::Collaboration* response) {
  RecordKey key{Kind::kCollaboration, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, key, response);
}

grpc::Status CollaborationService::ListCollaborations(grpc::ServerContext*, const v1::ListCollaborationsRequest* request,
                             v1::ListCollaborationsResponse* response) {
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kCollaboration, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, *list, response->mutable_collaborations(),
                     response->mutable_next_page_token());
}

grpc::Status CollaborationService::CreateCollaboration(grpc::ServerContext*, const v1::CreateCollaborationRequest* request,
                              v1::Collaboration* response) {
  return CreateRecord(store_, request->collaboration(), request->request_id(), "collaboration",
                      response);
}

grpc::Status CollaborationService::UpdateCollaboration(grpc::ServerContext*, const v1::UpdateCollaborationRequest* request,
                              v1::Collaboration* response) {
  return UpdateRecord(store_, request->collaboration(), request->update_mask(), "collaboration",
                      response);
}

grpc::Status CollaborationService::DeleteCollaboration(grpc::ServerContext*, const v1::DeleteCollaborationRequest* request,
                              v1::DeleteResponse* response) {
  return DeleteRecord(store_, Kind::kCollaboration, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
