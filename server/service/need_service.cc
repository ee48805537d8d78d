#include "server/service/need_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status NeedService::GetNeed(grpc::ServerContext* context, const v1::GetNeedRequest* request,
                           v1::Need* response) {
  RENKEI_ADMIT(call, context, "NeedService.GetNeed");
  RecordKey key{Kind::kNeed, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, call, key, response);
}

grpc::Status NeedService::ListNeeds(grpc::ServerContext* context, const v1::ListNeedsRequest* request,
                             v1::ListNeedsResponse* response) {
  RENKEI_ADMIT(call, context, "NeedService.ListNeeds");
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kNeed, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, call, *list, response->mutable_needs(),
                     response->mutable_next_page_token());
}

grpc::Status NeedService::CreateNeed(grpc::ServerContext* context, const v1::CreateNeedRequest* request,
                              v1::Need* response) {
  RENKEI_ADMIT(call, context, "NeedService.CreateNeed");
  return CreateRecord(store_, call, request->need(), request->request_id(), "need",
                      response);
}

grpc::Status NeedService::UpdateNeed(grpc::ServerContext* context, const v1::UpdateNeedRequest* request,
                              v1::Need* response) {
  RENKEI_ADMIT(call, context, "NeedService.UpdateNeed");
  return UpdateRecord(store_, call, request->need(), request->update_mask(), "need",
                      response);
}

grpc::Status NeedService::DeleteNeed(grpc::ServerContext* context, const v1::DeleteNeedRequest* request,
                              v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "NeedService.DeleteNeed");
  return DeleteRecord(store_, call, Kind::kNeed, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
