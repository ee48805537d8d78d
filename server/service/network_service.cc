#include "server/service/network_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

void NetworkService::AddMemberCount(v1::Network* network) const {
  absl::StatusOr<ResourceName> name = ParseResourceName(network->name(), Kind::kNetwork);
  if (name.ok()) {
    network->set_member_count(store_.Counter(store::CurrentMembersCounter(name->id)));
  }
}

grpc::Status NetworkService::GetNetwork(grpc::ServerContext* context,
                                        const v1::GetNetworkRequest* request,
                                        v1::Network* response) {
  RENKEI_ADMIT(call, context, "NetworkService.GetNetwork");
  RecordKey key{Kind::kNetwork, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  grpc::Status status = GetRecord(store_, call, key, response);
  if (status.ok()) AddMemberCount(response);
  return status;
}

grpc::Status NetworkService::ListNetworks(grpc::ServerContext* context,
                                          const v1::ListNetworksRequest* request,
                                          v1::ListNetworksResponse* response) {
  RENKEI_ADMIT(call, context, "NetworkService.ListNetworks");
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kNetwork, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  grpc::Status status = ListRecords(store_, call, *list, response->mutable_networks(),
                                    response->mutable_next_page_token());
  for (v1::Network& network : *response->mutable_networks()) AddMemberCount(&network);
  return status;
}

grpc::Status NetworkService::CreateNetwork(grpc::ServerContext* context,
                                           const v1::CreateNetworkRequest* request,
                                           v1::Network* response) {
  RENKEI_ADMIT(call, context, "NetworkService.CreateNetwork");
  grpc::Status status = CreateRecord(store_, call, request->network(), request->request_id(),
                                     "network", response);
  if (status.ok()) AddMemberCount(response);
  return status;
}

grpc::Status NetworkService::UpdateNetwork(grpc::ServerContext* context,
                                           const v1::UpdateNetworkRequest* request,
                                           v1::Network* response) {
  RENKEI_ADMIT(call, context, "NetworkService.UpdateNetwork");
  grpc::Status status = UpdateRecord(store_, call, request->network(), request->update_mask(),
                                     "network", response);
  if (status.ok()) AddMemberCount(response);
  return status;
}

grpc::Status NetworkService::DeleteNetwork(grpc::ServerContext* context,
                                           const v1::DeleteNetworkRequest* request,
                                           v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "NetworkService.DeleteNetwork");
  return DeleteRecord(store_, call, Kind::kNetwork, request->name(), request->etag(),
                      request->cascade(), response);
}

grpc::Status NetworkService::CreateMembership(grpc::ServerContext* context,
                                              const v1::CreateMembershipRequest* request,
                                              v1::Membership* response) {
  RENKEI_ADMIT(call, context, "NetworkService.CreateMembership");
  absl::StatusOr<uint64_t> network = FilterId(request->parent(), Kind::kNetwork, "parent");
  if (!network.ok()) return ToGrpcStatus(network.status());
  v1::Network parent;
  absl::Status found = store_.Get(request->parent(), &parent);
  if (!found.ok()) return ToGrpcStatus(found);
  v1::Membership membership = request->membership();
  records::PrepareForCreate(&membership);
  absl::Status status = records::ValidateRequestId(request->request_id());
  if (!status.ok()) return ToGrpcStatus(status);
  status = records::ValidateRecord(membership);
  if (status.ok()) {
    absl::Status allowed = access::CheckWrite(call.caller, nullptr, &membership);
    if (!allowed.ok()) return call.Deny(allowed, request->parent());
    // Validation has checked the form of `organization`.
    const uint64_t organization =
        ParseResourceName(membership.organization(), Kind::kOrganization)->id;
    membership.set_name(MembershipName(*network, organization));
    status = store_.Create(&membership, request->request_id(), call.caller.ToActor());
  }
  if (!status.ok()) return ToGrpcStatus(WithFieldPrefix(status, "membership"));
  *response = std::move(membership);
  return grpc::Status::OK;
}

grpc::Status NetworkService::GetMembership(grpc::ServerContext* context,
                                           const v1::GetMembershipRequest* request,
                                           v1::Membership* response) {
  RENKEI_ADMIT(call, context, "NetworkService.GetMembership");
  RecordKey key{Kind::kMembership, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, call, key, response);
}

grpc::Status NetworkService::ListMemberships(grpc::ServerContext* context,
                                             const v1::ListMembershipsRequest* request,
                                             v1::ListMembershipsResponse* response) {
  RENKEI_ADMIT(call, context, "NetworkService.ListMemberships");
  absl::StatusOr<int> page_size = PageSize(request->page_size());
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  absl::StatusOr<uint64_t> network = FilterId(request->parent(), Kind::kNetwork, "parent");
  if (!network.ok()) return ToGrpcStatus(network.status());
  store::ListRequest list;
  list.kind = Kind::kMembership;
  list.page_size = *page_size;
  list.page_token = request->page_token();
  list.terms.push_back(request->current_only() ? store::CurrentMembershipsOfNetwork(*network)
                                               : store::MembershipsOfNetwork(*network));
  return ListRecords(store_, call, list, response->mutable_memberships(),
                     response->mutable_next_page_token());
}

grpc::Status NetworkService::ListOrganizationMemberships(
    grpc::ServerContext* context, const v1::ListOrganizationMembershipsRequest* request,
    v1::ListMembershipsResponse* response) {
  RENKEI_ADMIT(call, context, "NetworkService.ListOrganizationMemberships");
  absl::StatusOr<int> page_size = PageSize(request->page_size());
  if (!page_size.ok()) return ToGrpcStatus(page_size.status());
  absl::StatusOr<uint64_t> organization =
      FilterId(request->organization(), Kind::kOrganization, "organization");
  if (!organization.ok()) return ToGrpcStatus(organization.status());
  store::ListRequest list;
  list.kind = Kind::kMembership;
  list.page_size = *page_size;
  list.page_token = request->page_token();
  list.terms.push_back(request->current_only()
                           ? store::CurrentMembershipsOfOrganization(*organization)
                           : store::MembershipsOfOrganization(*organization));
  return ListRecords(store_, call, list, response->mutable_memberships(),
                     response->mutable_next_page_token());
}

grpc::Status NetworkService::UpdateMembership(grpc::ServerContext* context,
                                              const v1::UpdateMembershipRequest* request,
                                              v1::Membership* response) {
  RENKEI_ADMIT(call, context, "NetworkService.UpdateMembership");
  return UpdateRecord(store_, call, request->membership(), request->update_mask(), "membership",
                      response);
}

grpc::Status NetworkService::DeleteMembership(grpc::ServerContext* context,
                                              const v1::DeleteMembershipRequest* request,
                                              v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "NetworkService.DeleteMembership");
  return DeleteRecord(store_, call, Kind::kMembership, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
