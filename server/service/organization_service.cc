#include "server/service/organization_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status OrganizationService::GetOrganization(grpc::ServerContext* context,
                                                  const v1::GetOrganizationRequest* request,
                                                  v1::Organization* response) {
  RENKEI_ADMIT(call, context, "OrganizationService.GetOrganization");
  RecordKey key{Kind::kOrganization, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr,
                request->corporate_number()};
  return GetRecord(store_, call, key, response);
}

grpc::Status OrganizationService::ListOrganizations(
    grpc::ServerContext* context, const v1::ListOrganizationsRequest* request,
    v1::ListOrganizationsResponse* response) {
  RENKEI_ADMIT(call, context, "OrganizationService.ListOrganizations");
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kOrganization, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, call, *list, response->mutable_organizations(),
                     response->mutable_next_page_token());
}

grpc::Status OrganizationService::CreateOrganization(
    grpc::ServerContext* context, const v1::CreateOrganizationRequest* request,
    v1::Organization* response) {
  RENKEI_ADMIT(call, context, "OrganizationService.CreateOrganization");
  return CreateRecord(store_, call, request->organization(), request->request_id(),
                      "organization", response);
}

grpc::Status OrganizationService::UpdateOrganization(
    grpc::ServerContext* context, const v1::UpdateOrganizationRequest* request,
    v1::Organization* response) {
  RENKEI_ADMIT(call, context, "OrganizationService.UpdateOrganization");
  return UpdateRecord(store_, call, request->organization(), request->update_mask(),
                      "organization", response);
}

grpc::Status OrganizationService::DeleteOrganization(
    grpc::ServerContext* context, const v1::DeleteOrganizationRequest* request,
    v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "OrganizationService.DeleteOrganization");
  return DeleteRecord(store_, call, Kind::kOrganization, request->name(), request->etag(), request->cascade(),
                      response);
}

}  // namespace renkei::service
