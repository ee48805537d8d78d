#include "tests/service/api_fixture.h"

namespace renkei::testing {

void ApiTest::Connect() {
  auto channel = server_.channel();
  organizations_ = v1::OrganizationService::NewStub(channel);
  people_ = v1::PersonService::NewStub(channel);
  seeds_ = v1::SeedService::NewStub(channel);
  needs_ = v1::NeedService::NewStub(channel);
  collaborations_ = v1::CollaborationService::NewStub(channel);
  networks_ = v1::NetworkService::NewStub(channel);
  changes_ = v1::ChangeService::NewStub(channel);
  indicators_ = v1::IndicatorService::NewStub(channel);
  system_ = v1::SystemService::NewStub(channel);
}

v1::Organization ApiTest::CreateOrganization(const v1::Organization& organization,
                                             const std::string& request_id) {
  v1::CreateOrganizationRequest request;
  *request.mutable_organization() = organization;
  request.set_request_id(request_id);
  v1::Organization created;
  EXPECT_OK(organizations_->CreateOrganization(Context().get(), request, &created));
  return created;
}

v1::Organization ApiTest::CreateCompany(const std::string& display_name,
                                        const std::string& district) {
  v1::Organization o;
  o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  o.set_display_name(display_name);
  o.mutable_address()->set_prefecture("岩手県");
  o.mutable_address()->set_city("一関市");
  o.mutable_address()->set_district(district);
  return CreateOrganization(o);
}

v1::Person ApiTest::CreateResearcher(const std::string& organization,
                                     const std::string& display_name) {
  v1::CreatePersonRequest request;
  request.mutable_person()->set_role(v1::PERSON_ROLE_RESEARCHER);
  request.mutable_person()->set_display_name(display_name);
  request.mutable_person()->set_organization(organization);
  v1::Person created;
  EXPECT_OK(people_->CreatePerson(Context().get(), request, &created));
  return created;
}

v1::Seed ApiTest::CreateSeed(const std::string& institution, const std::string& title) {
  v1::CreateSeedRequest request;
  request.mutable_seed()->set_institution(institution);
  request.mutable_seed()->set_title(title);
  v1::Seed created;
  EXPECT_OK(seeds_->CreateSeed(Context().get(), request, &created));
  return created;
}

v1::Need ApiTest::CreateNeed(const std::string& company, const std::string& title) {
  v1::CreateNeedRequest request;
  request.mutable_need()->set_company(company);
  request.mutable_need()->set_title(title);
  v1::Need created;
  EXPECT_OK(needs_->CreateNeed(Context().get(), request, &created));
  return created;
}

v1::Network ApiTest::CreateNetwork(const std::string& display_name) {
  v1::CreateNetworkRequest request;
  request.mutable_network()->set_display_name(display_name);
  v1::Network created;
  EXPECT_OK(networks_->CreateNetwork(Context().get(), request, &created));
  return created;
}

v1::Membership ApiTest::AddMember(const std::string& network, const std::string& organization) {
  v1::CreateMembershipRequest request;
  request.set_parent(network);
  request.mutable_membership()->set_organization(organization);
  v1::Membership created;
  EXPECT_OK(networks_->CreateMembership(Context().get(), request, &created));
  return created;
}

v1::Organization ApiTest::GetOrganization(const std::string& name) {
  v1::GetOrganizationRequest request;
  request.set_name(name);
  v1::Organization organization;
  EXPECT_OK(organizations_->GetOrganization(Context().get(), request, &organization));
  return organization;
}

grpc::Status ApiTest::GetOrganizationStatus(const std::string& name) {
  v1::GetOrganizationRequest request;
  request.set_name(name);
  v1::Organization organization;
  return organizations_->GetOrganization(Context().get(), request, &organization);
}

std::vector<std::string> ApiTest::ListOrganizationNames(v1::ListOrganizationsRequest request) {
  std::vector<std::string> names;
  for (int pages = 0; pages < 10000; ++pages) {
    v1::ListOrganizationsResponse response;
    grpc::Status status = organizations_->ListOrganizations(Context().get(), request, &response);
    EXPECT_OK(status);
    if (!status.ok()) break;
    for (const auto& o : response.organizations()) names.push_back(o.name());
    if (response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return names;
}

int64_t ApiTest::Revision() {
  v1::ServerInfo info;
  EXPECT_OK(system_->GetServerInfo(Context().get(), v1::GetServerInfoRequest(), &info));
  return info.revision();
}

v1::Date MakeDate(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

}  // namespace renkei::testing
