#include "server/service/need_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status NeedService::GetNeed(grpc::ServerContext*, const v1::GetNeedRequest* request,
                           v1::Need* response) {
  RecordKey key{Kind::kNeed, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, key, response);
}

grpc::Status NeedService::ListNeeds(grpc::ServerContext*, const v1::ListNeedsRequest* request,
                             v1::ListNeedsResponse* response) {
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kNeed, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, *list, response->mutable_needs(),
                     response->mutable_next_page_token());
}

grpc::Status NeedService::CreateNeed(grpc::ServerContext*, const v1::CreateNeedRequest* request,
                              v1::Need* response) {
  return CreateRecord(store_, request->need(), request->request_id(), "need",
                      response);
}

grpc::Status NeedService::UpdateNeed(grpc::ServerContext*, const v1::UpdateNeedRequest* request,
                              v1::Need* response) {
  return UpdateRecord(store_, request->need(), request->update_mask(), "need",
                      response);
}

grpc::Status NeedService::DeleteNeed(grpc::ServerContext*, const v1::DeleteNeedRequest* request,
                              v1::DeleteResponse* response) {
  return DeleteRecord(store_, Kind::kNeed, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
