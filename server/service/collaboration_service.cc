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
  absl::StatusOr<int> page_size = PageSize(request->page_size());
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  store::ListRequest list;
  list.kind = Kind::kCollaboration;
  list.page_size = *page_size;
  list.page_token = request->page_token();
  list.name_prefix = request->name_prefix();
  list.name_contains = request->name_contains();
  if (request->type() != 0) {
    absl::Status valid = CheckEnumFilter(v1::CollaborationType_IsValid(request->type()),
                                         request->type(), "type");
    if (!valid.ok()) return ToGrpcStatus(valid);
    list.terms.push_back(store::CollaborationsOfType(request->type()));
  }
  if (request->fiscal_year() != 0) {
    if (request->fiscal_year() < 1800 || request->fiscal_year() > 2200) {
      return ToGrpcStatus(InvalidFieldError("fiscal_year", "must be a year 1800..2200"));
    }
    list.terms.push_back(store::CollaborationsInFiscalYear(request->fiscal_year()));
  }
  if (!request->organization().empty()) {
    absl::StatusOr<uint64_t> id = FilterId(request->organization(), Kind::kOrganization, "organization");
    if (!id.ok()) return ToGrpcStatus(id.status());
    list.terms.push_back(store::CollaborationsOfOrganization(*id));
  }
  if (!request->person().empty()) {
    absl::StatusOr<uint64_t> id = FilterId(request->person(), Kind::kPerson, "person");
    if (!id.ok()) return ToGrpcStatus(id.status());
    list.terms.push_back(store::CollaborationsOfPerson(*id));
  }
  if (!request->seed().empty()) {
    absl::StatusOr<uint64_t> id = FilterId(request->seed(), Kind::kSeed, "seed");
    if (!id.ok()) return ToGrpcStatus(id.status());
    list.terms.push_back(store::CollaborationsFromSeed(*id));
  }
  if (!request->need().empty()) {
    absl::StatusOr<uint64_t> id = FilterId(request->need(), Kind::kNeed, "need");
    if (!id.ok()) return ToGrpcStatus(id.status());
    list.terms.push_back(store::CollaborationsFromNeed(*id));
  }
  return ListRecords(store_, list, response->mutable_collaborations(),
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
