#include "server/records/update_mask.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "google/protobuf/field_mask.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "server/util/errors.h"

namespace renkei::records {
namespace {

v1::Organization Stored() {
  v1::Organization o;
  o.set_name("organizations/3");
  o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  o.set_display_name("株式会社一関精工");
  o.set_employees(45);
  o.mutable_address()->set_city("一関市");
  o.mutable_address()->set_district("千厩");
  o.add_aliases("一関精工");
  o.add_aliases("イチセイ");
  return o;
}

google::protobuf::FieldMask Mask(std::initializer_list<const char*> paths) {
  google::protobuf::FieldMask mask;
  for (const char* path : paths) mask.add_paths(path);
  return mask;
}

TEST(ApplyUpdateMaskTest, ReplacesOnlyTheNamedFields) {
  v1::Organization record = Stored();
  v1::Organization patch;
  patch.set_employees(50);
  patch.set_display_name("ignored: not in the mask");
  ASSERT_TRUE(ApplyUpdateMask(patch, Mask({"employees"}), &record).ok());
  EXPECT_EQ(record.employees(), 50);
  EXPECT_EQ(record.display_name(), "株式会社一関精工");
}

TEST(ApplyUpdateMaskTest, NestedPathKeepsSiblings) {
  v1::Organization record = Stored();
  v1::Organization patch;
  patch.mutable_address()->set_district("大東");
  ASSERT_TRUE(ApplyUpdateMask(patch, Mask({"address.district"}), &record).ok());
  EXPECT_EQ(record.address().district(), "大東");
  EXPECT_EQ(record.address().city(), "一関市");
}

TEST(ApplyUpdateMaskTest, ListsAreReplacedAndUnsetFieldsCleared) {
  v1::Organization record = Stored();
  v1::Organization patch;
  patch.add_aliases("一関精工所");
  ASSERT_TRUE(ApplyUpdateMask(patch, Mask({"aliases", "address"}), &record).ok());
  EXPECT_THAT(record.aliases(), ::testing::ElementsAre("一関精工所"));
  EXPECT_FALSE(record.has_address());
}

TEST(ApplyUpdateMaskTest, EmptyMaskMeansTheFieldsSet) {
  v1::Organization record = Stored();
  v1::Organization patch;
  patch.set_name("organizations/3");
  patch.set_etag("17");
  patch.set_representative("千葉 一郎");
  ASSERT_TRUE(ApplyUpdateMask(patch, Mask({}), &record).ok());
  EXPECT_EQ(record.representative(), "千葉 一郎");
  EXPECT_EQ(record.employees(), 45);
  EXPECT_EQ(record.etag(), "");  // output only: not copied
}

TEST(ApplyUpdateMaskTest, RefusesUnknownRepeatedAndOutputOnlyPaths) {
  v1::Organization record = Stored();
  const v1::Organization before = record;
  absl::Status status = ApplyUpdateMask(
      v1::Organization(), Mask({"employes", "sites.address", "create_time", "name"}), &record);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const auto& v : FieldViolationsOf(status)) fields.push_back(v.field);
  EXPECT_THAT(fields, ::testing::ElementsAre("update_mask.paths[0]", "update_mask.paths[1]",
                                             "update_mask.paths[2]", "update_mask.paths[3]"));
  EXPECT_EQ(record.SerializeAsString(), before.SerializeAsString());
}

TEST(ApplyUpdateMaskTest, MembershipOrganizationCannotChange) {
  v1::Membership record;
  record.set_organization("organizations/1");
  v1::Membership patch;
  patch.set_organization("organizations/2");
  EXPECT_FALSE(ApplyUpdateMask(patch, Mask({"organization"}), &record).ok());
  EXPECT_EQ(record.organization(), "organizations/1");
}

}  // namespace
}  // namespace renkei::records
