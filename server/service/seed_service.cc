#include "server/service/seed_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status SeedService::GetSeed(grpc::ServerContext* context, const v1::GetSeedRequest* request,
                           v1::Seed* response) {
  RENKEI_ADMIT(call, context, "SeedService.GetSeed");
  RecordKey key{Kind::kSeed, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, call, key, response);
}

grpc::Status SeedService::ListSeeds(grpc::ServerContext* context, const v1::ListSeedsRequest* request,
                             v1::ListSeedsResponse* response) {
  RENKEI_ADMIT(call, context, "SeedService.ListSeeds");
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kSeed, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, call, *list, response->mutable_seeds(),
                     response->mutable_next_page_token());
}

grpc::Status SeedService::CreateSeed(grpc::ServerContext* context, const v1::CreateSeedRequest* request,
                              v1::Seed* response) {
  RENKEI_ADMIT(call, context, "SeedService.CreateSeed");
  return CreateRecord(store_, call, request->seed(), request->request_id(), "seed",
                      response);
}

grpc::Status SeedService::UpdateSeed(grpc::ServerContext* context, const v1::UpdateSeedRequest* request,
                              v1::Seed* response) {
  RENKEI_ADMIT(call, context, "SeedService.UpdateSeed");
  return UpdateRecord(store_, call, request->seed(), request->update_mask(), "seed",
                      response);
}

grpc::Status SeedService::DeleteSeed(grpc::ServerContext* context, const v1::DeleteSeedRequest* request,
                              v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "SeedService.DeleteSeed");
  return DeleteRecord(store_, call, Kind::kSeed, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
