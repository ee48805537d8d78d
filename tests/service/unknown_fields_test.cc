// Fields a client sends that this version does not know are dropped on every
// write (create, update, nested messages), however large or badly encoded:
// nothing of them is stored, returned or put in the change feed.
#include <grpcpp/grpcpp.h>

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "google/protobuf/unknown_field_set.h"
#include "tests/service/api_fixture.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

bool HasUnknown(const google::protobuf::Message& message) {
  return !message.GetReflection()->GetUnknownFields(message).empty();
}

class UnknownFieldsTest : public ApiTest {
 protected:
  static void AddUnknown(google::protobuf::Message* message, const std::string& value) {
    message->GetReflection()->MutableUnknownFields(message)->AddLengthDelimited(9999, value);
  }
};

TEST_F(UnknownFieldsTest, CreateDropsUnknownFieldsAtEveryDepth) {
  v1::Organization organization;
  organization.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  organization.set_display_name("株式会社未知");
  AddUnknown(&organization, std::string(3 << 20, 'u'));  // past every field limit
  AddUnknown(organization.add_products(), "\xff\xfe not UTF-8");
  organization.mutable_products(0)->set_display_name("部品");
  const v1::Organization created = CreateOrganization(organization);
  EXPECT_FALSE(HasUnknown(created));
  const v1::Organization read = GetOrganization(created.name());
  EXPECT_FALSE(HasUnknown(read));
  ASSERT_EQ(read.products_size(), 1);
  EXPECT_FALSE(HasUnknown(read.products(0)));
  EXPECT_LT(read.ByteSizeLong(), 1000u);

  v1::WatchChangesRequest watch;
  watch.set_since_revision(base_revision_);
  watch.set_stop_at_head(true);
  auto context = Context();
  auto reader = changes_->WatchChanges(context.get(), watch);
  v1::Change change;
  ASSERT_TRUE(reader->Read(&change));
  EXPECT_FALSE(HasUnknown(change.organization()));
  EXPECT_LT(change.ByteSizeLong(), 2000u);
  while (reader->Read(&change)) {
  }
  EXPECT_OK(reader->Finish());
}

TEST_F(UnknownFieldsTest, UpdateDropsUnknownFields) {
  const v1::Organization created = CreateCompany("株式会社更新未知");
  v1::UpdateOrganizationRequest request;
  request.mutable_organization()->set_name(created.name());
  request.mutable_organization()->set_employees(12);
  AddUnknown(request.mutable_organization(), std::string(100000, 'u'));
  request.mutable_update_mask()->add_paths("employees");
  v1::Organization updated;
  ASSERT_OK(organizations_->UpdateOrganization(Context().get(), request, &updated));
  EXPECT_FALSE(HasUnknown(updated));

  // Replacing the whole record (no mask) drops them too.
  request.clear_update_mask();
  *request.mutable_organization() = updated;
  AddUnknown(request.mutable_organization(), "\xc3\x28");
  ASSERT_OK(organizations_->UpdateOrganization(Context().get(), request, &updated));
  EXPECT_FALSE(HasUnknown(GetOrganization(created.name())));
}

}  // namespace
}  // namespace renkei::testing
