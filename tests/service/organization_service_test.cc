// OrganizationService through a real server on a loopback port.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class OrganizationServiceTest : public ApiTest {};

v1::Organization FullCompany() {
  v1::Organization o;
  o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  o.set_corporate_number("7000012050002");
  o.set_display_name("株式会社一関精工");
  o.set_kana("イチノセキセイコウ");
  o.add_aliases("一関精工");
  o.mutable_address()->set_postal_code("021-0902");
  o.mutable_address()->set_prefecture("岩手県");
  o.mutable_address()->set_city("一関市");
  o.mutable_address()->set_district("一関");
  o.mutable_address()->set_street("萩荘字高梨南方1-2");
  auto* plant = o.add_sites();
  plant->set_display_name("千厩工場");
  plant->set_kind(v1::SITE_KIND_PLANT);
  plant->mutable_address()->set_city("一関市");
  plant->mutable_address()->set_district("千厩");
  plant->set_phone("0191(52)1234");
  plant->set_manager("佐藤 誠");
  o.add_jsic_codes("2694");
  o.set_employees(48);
  o.set_capital_yen(20'000'000);
  *o.mutable_founded() = MakeDate(1972, 4);
  auto* product = o.add_products();
  product->set_display_name("精密治具");
  *product->mutable_developed_on() = MakeDate(2025, 6, 1);
  o.add_certifications()->set_display_name("ISO 9001:2015");
  o.mutable_sdgs()->set_declared(true);
  *o.mutable_sdgs()->mutable_declared_on() = MakeDate(2023, 1, 10);
  o.mutable_bcp()->set_status(v1::BCP_STATUS_ESTABLISHED);
  o.mutable_contact()->set_phone("0191-23-4567");
  o.mutable_contact()->set_url("https://example.jp/ichiseiko");
  o.set_representative("千葉 一郎");
  auto* id = o.add_external_ids();
  id->set_source("ichinoseki-cci/member-no");
  id->set_value("1024");
  (*o.mutable_field_sources())["address.street"].set_source("商工会議所名簿2025.csv");
  return o;
}

TEST_F(OrganizationServiceTest, CreateThenGetByNameCorporateNumberAndExternalId) {
  const v1::Organization created = CreateOrganization(FullCompany());
  EXPECT_EQ(created.name(), "organizations/1");
  EXPECT_EQ(GetOrganization("organizations/1").SerializeAsString(), created.SerializeAsString());

  v1::GetOrganizationRequest by_number;
  by_number.set_corporate_number("7000012050002");
  v1::Organization found;
  ASSERT_OK(organizations_->GetOrganization(Context().get(), by_number, &found));
  EXPECT_EQ(found.name(), "organizations/1");

  v1::GetOrganizationRequest by_id;
  by_id.mutable_external_id()->set_source("ichinoseki-cci/member-no");
  by_id.mutable_external_id()->set_value("1024");
  ASSERT_OK(organizations_->GetOrganization(Context().get(), by_id, &found));
  EXPECT_EQ(found.display_name(), "株式会社一関精工");

  by_id.mutable_external_id()->set_value("9999");
  EXPECT_EQ(organizations_->GetOrganization(Context().get(), by_id, &found).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetOrganizationStatus("organizations/2").error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(OrganizationServiceTest, GetNeedsExactlyOneKey) {
  v1::GetOrganizationRequest request;
  request.set_name("organizations/1");
  request.set_corporate_number("7000012050002");
  v1::Organization found;
  grpc::Status status = organizations_->GetOrganization(Context().get(), request, &found);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  request.Clear();
  EXPECT_EQ(organizations_->GetOrganization(Context().get(), request, &found).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(OrganizationServiceTest, DuplicateCorporateNumberNamesTheExistingRecord) {
  CreateOrganization(FullCompany());
  v1::Organization again = FullCompany();
  again.clear_external_ids();
  v1::CreateOrganizationRequest request;
  *request.mutable_organization() = again;
  v1::Organization created;
  grpc::Status status = organizations_->CreateOrganization(Context().get(), request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("organizations/1"));
  EXPECT_THAT(FieldViolations(status),
              ElementsAre(std::pair<std::string, std::string>(
                  "organization.corporate_number", "is already held by organizations/1")));
}

TEST_F(OrganizationServiceTest, ListFiltersByEveryIndexedField) {
  v1::Organization full = CreateOrganization(FullCompany());
  CreateCompany("株式会社大東電子", "大東");
  v1::Organization kosen;
  kosen.set_kind(v1::ORGANIZATION_KIND_ACADEMIC);
  kosen.set_display_name("一関工業高等専門学校");
  kosen.mutable_address()->set_district("一関");
  kosen = CreateOrganization(kosen);
  v1::Network network = CreateNetwork("いわて半導体関連産業集積促進協議会");
  AddMember(network.name(), "organizations/2");

  auto names = [&](auto fill) {
    v1::ListOrganizationsRequest request;
    fill(request);
    return ListOrganizationNames(request);
  };
  EXPECT_THAT(names([](auto& r) { r.set_kind(v1::ORGANIZATION_KIND_ACADEMIC); }),
              ElementsAre("organizations/3"));
  EXPECT_THAT(names([](auto& r) { r.set_district("一関"); }),
              ElementsAre("organizations/1", "organizations/3"));
  // A plant's district counts: organizations/1 has its 千厩工場 there.
  EXPECT_THAT(names([](auto& r) { r.set_district("千厩"); }), ElementsAre("organizations/1"));
  EXPECT_THAT(names([](auto& r) { r.set_city("一関市"); }),
              ElementsAre("organizations/1", "organizations/2"));
  EXPECT_THAT(names([](auto& r) { r.set_prefecture("岩手県"); }),
              ElementsAre("organizations/1", "organizations/2"));
  EXPECT_THAT(names([](auto& r) { r.set_jsic_code("26"); }), ElementsAre("organizations/1"));
  EXPECT_THAT(names([](auto& r) { r.set_certification("ＩＳＯ９００１"); }),
              ElementsAre("organizations/1"));
  EXPECT_THAT(names([&](auto& r) { r.set_network(network.name()); }),
              ElementsAre("organizations/2"));
  EXPECT_THAT(names([](auto& r) { r.set_name_prefix("一関"); }),
              ElementsAre("organizations/1", "organizations/3"));
  EXPECT_THAT(names([](auto& r) { r.set_name_contains("電子"); }), ElementsAre("organizations/2"));
  EXPECT_THAT(names([](auto& r) {
                r.set_kind(v1::ORGANIZATION_KIND_COMPANY);
                r.set_district("一関");
              }),
              ElementsAre("organizations/1"));
  EXPECT_THAT(names([](auto& r) { r.set_district("藤沢"); }), IsEmpty());
}

TEST_F(OrganizationServiceTest, ListPagesAndBindsTokensToFilters) {
  for (int i = 0; i < 7; ++i) CreateCompany("株式会社テスト" + std::to_string(i));
  v1::ListOrganizationsRequest request;
  request.set_page_size(3);
  v1::ListOrganizationsResponse first;
  ASSERT_OK(organizations_->ListOrganizations(Context().get(), request, &first));
  EXPECT_EQ(first.organizations_size(), 3);
  ASSERT_FALSE(first.next_page_token().empty());
  EXPECT_EQ(ListOrganizationNames(request).size(), 7u);

  request.set_page_token(first.next_page_token());
  request.set_district("大東");
  v1::ListOrganizationsResponse refused;
  grpc::Status status = organizations_->ListOrganizations(Context().get(), request, &refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "page_token");

  request.Clear();
  request.set_page_size(-1);
  status = organizations_->ListOrganizations(Context().get(), request, &refused);
  EXPECT_EQ(FieldViolations(status)[0].first, "page_size");
  request.set_page_size(100000);  // more than 1000 is served as 1000
  ASSERT_OK(organizations_->ListOrganizations(Context().get(), request, &refused));
  EXPECT_EQ(refused.organizations_size(), 7);
}

TEST_F(OrganizationServiceTest, UpdateWithMaskAndEtag) {
  const v1::Organization created = CreateOrganization(FullCompany());
  v1::UpdateOrganizationRequest request;
  request.mutable_organization()->set_name(created.name());
  request.mutable_organization()->set_etag(created.etag());
  request.mutable_organization()->set_employees(52);
  request.mutable_organization()->mutable_address()->set_district("花泉");
  request.mutable_update_mask()->add_paths("employees");
  request.mutable_update_mask()->add_paths("address.district");
  v1::Organization updated;
  ASSERT_OK(organizations_->UpdateOrganization(Context().get(), request, &updated));
  EXPECT_EQ(updated.employees(), 52);
  EXPECT_EQ(updated.address().district(), "花泉");
  EXPECT_EQ(updated.address().street(), "萩荘字高梨南方1-2");
  EXPECT_EQ(updated.display_name(), "株式会社一関精工");
  EXPECT_NE(updated.etag(), created.etag());
  EXPECT_EQ(updated.create_time().seconds(), created.create_time().seconds());

  // The old etag is stale now: ABORTED, and nothing changes.
  const int64_t revision = Revision();
  request.mutable_organization()->set_employees(99);
  grpc::Status stale = organizations_->UpdateOrganization(Context().get(), request, &updated);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(GetOrganization(created.name()).employees(), 52);
  EXPECT_EQ(Revision(), revision);
  // The district index moved with the record.
  v1::ListOrganizationsRequest by_district;
  by_district.set_district("花泉");
  EXPECT_THAT(ListOrganizationNames(by_district), ElementsAre(created.name()));
  by_district.set_district("一関");
  EXPECT_THAT(ListOrganizationNames(by_district), IsEmpty());
}

TEST_F(OrganizationServiceTest, UpdateRefusesBadMasksAndInvalidResults) {
  const v1::Organization created = CreateOrganization(FullCompany());
  const int64_t revision = Revision();
  v1::UpdateOrganizationRequest request;
  request.mutable_organization()->set_name(created.name());
  request.mutable_update_mask()->add_paths("etag");
  v1::Organization updated;
  grpc::Status status = organizations_->UpdateOrganization(Context().get(), request, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "update_mask.paths[0]");
  // Clearing a required field through the mask is refused by validation.
  request.mutable_update_mask()->set_paths(0, "display_name");
  status = organizations_->UpdateOrganization(Context().get(), request, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "organization.display_name");
  request.mutable_organization()->set_name("organizations/77");
  request.mutable_organization()->set_display_name("x");
  EXPECT_EQ(organizations_->UpdateOrganization(Context().get(), request, &updated).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Revision(), revision);
}

TEST_F(OrganizationServiceTest, DeleteIsRefusedWhileReferredToUnlessCascade) {
  const v1::Organization kosen = CreateCompany("一関工業高等専門学校");
  const v1::Person researcher = CreateResearcher(kosen.name(), "佐藤 一郎");
  const v1::Seed seed = CreateSeed(kosen.name(), "画像処理による外観検査の自動化");
  v1::DeleteOrganizationRequest request;
  request.set_name(kosen.name());
  v1::DeleteResponse response;
  grpc::Status status = organizations_->DeleteOrganization(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(PreconditionSubjects(status),
              ::testing::UnorderedElementsAre(researcher.name(), seed.name()));
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr(seed.name()));
  EXPECT_OK(GetOrganizationStatus(kosen.name()));

  request.set_cascade(true);
  ASSERT_OK(organizations_->DeleteOrganization(Context().get(), request, &response));
  EXPECT_THAT(response.deleted(),
              ::testing::UnorderedElementsAre(kosen.name(), researcher.name(), seed.name()));
  EXPECT_EQ(GetOrganizationStatus(kosen.name()).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::GetSeedRequest get_seed;
  get_seed.set_name(seed.name());
  v1::Seed gone;
  EXPECT_EQ(seeds_->GetSeed(Context().get(), get_seed, &gone).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(OrganizationServiceTest, DeleteChecksKindAndEtag) {
  const v1::Organization created = CreateCompany("株式会社一関精工");
  v1::DeleteOrganizationRequest request;
  request.set_name("people/1");
  v1::DeleteResponse response;
  grpc::Status status = organizations_->DeleteOrganization(Context().get(), request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "name");
  request.set_name(created.name());
  request.set_etag("not-the-etag");
  EXPECT_EQ(organizations_->DeleteOrganization(Context().get(), request, &response).error_code(),
            grpc::StatusCode::ABORTED);
  request.set_etag(created.etag());
  ASSERT_OK(organizations_->DeleteOrganization(Context().get(), request, &response));
  EXPECT_THAT(response.deleted(), ElementsAre(created.name()));
  EXPECT_GT(response.revision(), 0);
}

TEST_F(OrganizationServiceTest, RequestIdIsIdempotentAcrossARestart) {
  const v1::Organization first = CreateOrganization(FullCompany(), "import-2025-04/row-17");
  const v1::Organization again = CreateOrganization(FullCompany(), "import-2025-04/row-17");
  EXPECT_EQ(again.name(), first.name());
  EXPECT_EQ(again.etag(), first.etag());
  Restart();
  const v1::Organization after_restart =
      CreateOrganization(FullCompany(), "import-2025-04/row-17");
  EXPECT_EQ(after_restart.name(), first.name());
  EXPECT_EQ(ListOrganizationNames(v1::ListOrganizationsRequest()).size(), 1u);
}

TEST_F(OrganizationServiceTest, RestartKeepsEveryRecord) {
  for (int i = 0; i < 20; ++i) CreateCompany("株式会社テスト" + std::to_string(i));
  const v1::Organization before = GetOrganization("organizations/7");
  Restart();
  EXPECT_EQ(GetOrganization("organizations/7").SerializeAsString(), before.SerializeAsString());
  EXPECT_EQ(ListOrganizationNames(v1::ListOrganizationsRequest()).size(), 20u);
  EXPECT_EQ(CreateCompany("株式会社あと").name(), "organizations/21");
}

}  // namespace
}  // namespace renkei::testing
