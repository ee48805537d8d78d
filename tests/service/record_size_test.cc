// The size of one record is limited (docs/limits.md: 1 MiB encoded) on create
// and update, and the largest records the limit allows still reach a client
// with gRPC's default 4 MiB message limit through Get, List, Search and
// WatchChanges: pages end by bytes as well as by count.
#include <grpcpp/grpcpp.h>

#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "google/protobuf/field_mask.pb.h"
#include "renkei/v1/match.grpc.pb.h"
#include "tests/service/api_fixture.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

// A company with `products` offerings of the longest description allowed
// (2,000 characters of 3 bytes): 140 of them make about 0.8 MiB, 180 over 1 MiB.
v1::Organization LargeCompany(const std::string& display_name, int products) {
  v1::Organization organization;
  organization.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  organization.set_display_name(display_name);
  for (int i = 0; i < products; ++i) {
    v1::Offering* product = organization.add_products();
    product->set_display_name("製品" + std::to_string(i));
    std::string description;
    for (int c = 0; c < 2000; ++c) description += "鋳";
    product->set_description(description);
  }
  return organization;
}

class RecordSizeTest : public ApiTest {};

TEST_F(RecordSizeTest, CreateOverOneMebibyteIsRefusedNamingTheRecord) {
  v1::CreateOrganizationRequest request;
  *request.mutable_organization() = LargeCompany("株式会社巨大", 180);
  v1::Organization created;
  const grpc::Status status = organizations_->CreateOrganization(Context().get(), request, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("organization: is "));
  EXPECT_THAT(status.error_message(), HasSubstr("bytes encoded; a record may be at most 1048576"));
  EXPECT_EQ(Revision(), base_revision_);
}

TEST_F(RecordSizeTest, UpdateOverOneMebibyteIsRefusedAndWritesNothing) {
  const v1::Organization created = CreateOrganization(LargeCompany("株式会社成長", 140));
  const int64_t before = Revision();
  v1::UpdateOrganizationRequest request;
  *request.mutable_organization() = LargeCompany("株式会社成長", 180);
  request.mutable_organization()->set_name(created.name());
  request.mutable_update_mask()->add_paths("products");
  v1::Organization updated;
  const grpc::Status status = organizations_->UpdateOrganization(Context().get(), request, &updated);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  EXPECT_THAT(status.error_message(), HasSubstr("bytes encoded"));
  EXPECT_EQ(Revision(), before);
}

TEST_F(RecordSizeTest, LargestRecordsReachADefaultClientThroughEveryRead) {
  std::set<std::string> created;
  for (int i = 0; i < 5; ++i) {
    created.insert(CreateOrganization(LargeCompany("大型鋳造" + std::to_string(i), 140)).name());
  }
  // Five of 0.8 MiB are more than one 4 MiB message: pages end by bytes.
  v1::ListOrganizationsRequest list;
  list.set_page_size(1000);
  v1::ListOrganizationsResponse page;
  ASSERT_OK(organizations_->ListOrganizations(Context().get(), list, &page));
  EXPECT_LT(page.organizations_size(), 5);
  EXPECT_FALSE(page.next_page_token().empty());
  std::set<std::string> listed;
  for (const std::string& name : ListOrganizationNames(list)) {
    if (created.contains(name)) listed.insert(name);
  }
  EXPECT_EQ(listed, created);

  auto search = v1::SearchService::NewStub(server_.channel());
  std::set<std::string> found;
  v1::SearchOrganizationsRequest query;
  query.set_query("大型鋳造");
  query.set_page_size(100);
  for (int pages = 0; pages < 10; ++pages) {
    v1::SearchOrganizationsResponse response;
    ASSERT_OK(search->SearchOrganizations(Context().get(), query, &response));
    for (const auto& result : response.results()) found.insert(result.organization().name());
    if (response.next_page_token().empty()) break;
    query.set_page_token(response.next_page_token());
  }
  EXPECT_EQ(found, created);

  v1::WatchChangesRequest watch;
  watch.set_since_revision(base_revision_);
  watch.set_stop_at_head(true);
  auto context = Context();
  auto reader = changes_->WatchChanges(context.get(), watch);
  std::set<std::string> watched;
  v1::Change change;
  while (reader->Read(&change)) {
    EXPECT_FALSE(change.record_omitted());
    watched.insert(change.name());
  }
  ASSERT_OK(reader->Finish());
  EXPECT_EQ(watched, created);
}

}  // namespace
}  // namespace renkei::testing
