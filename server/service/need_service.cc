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
  absl::StatusOr<int> page_size = PageSize(request->page_size());
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  store::ListRequest list;
  list.kind = Kind::kNeed;
  list.page_size = *page_size;
  list.page_token = request->page_token();
  list.name_prefix = request->name_prefix();
  list.name_contains = request->name_contains();
  if (!request->company().empty()) {
    absl::StatusOr<uint64_t> id = FilterId(request->company(), Kind::kOrganization, "company");
    if (!id.ok()) return ToGrpcStatus(id.status());
    list.terms.push_back(store::NeedsOf(*id));
  }
  if (request->status() != 0) {
    absl::Status valid = CheckEnumFilter(v1::NeedStatus_IsValid(request->status()),
                                         request->status(), "status");
    if (!valid.ok()) return ToGrpcStatus(valid);
    list.terms.push_back(store::NeedsWithStatus(request->status()));
  }
  if (request->visibility() != 0) {
    absl::Status valid = CheckEnumFilter(v1::Visibility_IsValid(request->visibility()),
                                         request->visibility(), "visibility");
    if (!valid.ok()) return ToGrpcStatus(valid);
    list.terms.push_back(store::NeedsWithVisibility(request->visibility()));
  }
  return ListRecords(store_, list, response->mutable_needs(),
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
