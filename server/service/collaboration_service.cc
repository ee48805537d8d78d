#include "server/service/collaboration_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status CollaborationService::GetCollaboration(grpc::ServerContext* context, const v1::GetCollaborationRequest* request,
                           v1::Collaboration* response) {
  RENKEI_ADMIT(call, context, "CollaborationService.GetCollaboration");
  RecordKey key{Kind::kCollaboration, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, call, key, response);
}

grpc::Status CollaborationService::ListCollaborations(grpc::ServerContext* context, const v1::ListCollaborationsRequest* request,
                             v1::ListCollaborationsResponse* response) {
  RENKEI_ADMIT(call, context, "CollaborationService.ListCollaborations");
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kCollaboration, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, call, *list, response->mutable_collaborations(),
                     response->mutable_next_page_token());
}

grpc::Status CollaborationService::CreateCollaboration(grpc::ServerContext* context, const v1::CreateCollaborationRequest* request,
                              v1::Collaboration* response) {
  RENKEI_ADMIT(call, context, "CollaborationService.CreateCollaboration");
  return CreateRecord(store_, call, request->collaboration(), request->request_id(), "collaboration",
                      response);
}

grpc::Status CollaborationService::UpdateCollaboration(grpc::ServerContext* context, const v1::UpdateCollaborationRequest* request,
                              v1::Collaboration* response) {
  RENKEI_ADMIT(call, context, "CollaborationService.UpdateCollaboration");
  return UpdateRecord(store_, call, request->collaboration(), request->update_mask(), "collaboration",
                      response);
}

grpc::Status CollaborationService::DeleteCollaboration(grpc::ServerContext* context, const v1::DeleteCollaborationRequest* request,
                              v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "CollaborationService.DeleteCollaboration");
  return DeleteRecord(store_, call, Kind::kCollaboration, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
