#include "server/service/organization_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status OrganizationService::GetOrganization(grpc::ServerContext*,
                                                  const v1::GetOrganizationRequest* request,
                                                  v1::Organization* response) {
  RecordKey key{Kind::kOrganization, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr,
                request->corporate_number()};
  return GetRecord(store_, key, response);
}

grpc::Status OrganizationService::ListOrganizations(
    grpc::ServerContext*, const v1::ListOrganizationsRequest* request,
    v1::ListOrganizationsResponse* response) {
  absl::StatusOr<int> page_size = PageSize(request->page_size());
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  store::ListRequest list;
  list.kind = Kind::kOrganization;
  list.page_size = *page_size;
  list.page_token = request->page_token();
  list.name_prefix = request->name_prefix();
  list.name_contains = request->name_contains();
  if (request->kind() != 0) {
    absl::Status valid = CheckEnumFilter(v1::OrganizationKind_IsValid(request->kind()),
                                         request->kind(), "kind");
    if (!valid.ok()) return ToGrpcStatus(valid);
    list.terms.push_back(store::OrganizationsOfKind(request->kind()));
  }
  if (!request->prefecture().empty()) {
    list.terms.push_back(store::OrganizationsInPrefecture(request->prefecture()));
  }
  if (!request->city().empty()) {
    list.terms.push_back(store::OrganizationsInCity(request->city()));
  }
  if (!request->district().empty()) {
    list.terms.push_back(store::OrganizationsInDistrict(request->district()));
  }
  if (!request->jsic_code().empty()) {
    const std::string& code = request->jsic_code();
    if (code.size() < 2 || code.size() > 4 ||
        code.find_first_not_of("0123456789") != std::string::npos) {
      return ToGrpcStatus(InvalidFieldError("jsic_code", "must be 2 to 4 digits"));
    }
    list.terms.push_back(store::OrganizationsWithJsic(code));
  }
  if (!request->certification().empty()) {
    list.terms.push_back(store::OrganizationsCertified(request->certification()));
  }
  if (!request->network().empty()) {
    absl::StatusOr<uint64_t> id = FilterId(request->network(), Kind::kNetwork, "network");
    if (!id.ok()) return ToGrpcStatus(id.status());
    list.terms.push_back(store::CurrentMembersOf(*id));
  }
  return ListRecords(store_, list, response->mutable_organizations(),
                     response->mutable_next_page_token());
}

grpc::Status OrganizationService::CreateOrganization(
    grpc::ServerContext*, const v1::CreateOrganizationRequest* request,
    v1::Organization* response) {
  return CreateRecord(store_, request->organization(), request->request_id(),
                      "organization", response);
}

grpc::Status OrganizationService::UpdateOrganization(
    grpc::ServerContext*, const v1::UpdateOrganizationRequest* request,
    v1::Organization* response) {
  return UpdateRecord(store_, request->organization(), request->update_mask(),
                      "organization", response);
}

grpc::Status OrganizationService::DeleteOrganization(
    grpc::ServerContext*, const v1::DeleteOrganizationRequest* request,
    v1::DeleteResponse* response) {
  return DeleteRecord(store_, Kind::kOrganization, request->name(), request->etag(), request->cascade(),
                      response);
}

}  // namespace renkei::service
