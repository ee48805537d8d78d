#include "cli/fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/organization.pb.h"

namespace renkei::cli {
namespace {

TEST(FieldsTest, SetsScalarsNestedFieldsAndEnumsByShortName) {
  v1::Organization o;
  ASSERT_TRUE(SetField(&o, "kind", "company").ok());
  ASSERT_TRUE(SetField(&o, "address.district", "千厩").ok());
  ASSERT_TRUE(SetField(&o, "employees", "48").ok());
  ASSERT_TRUE(SetField(&o, "jsic_codes", "1821").ok());
  ASSERT_TRUE(SetField(&o, "jsic_codes", "2899").ok());
  ASSERT_TRUE(SetField(&o, "founded", "1972-04").ok());
  ASSERT_TRUE(SetField(&o, "external_ids", "ichinoseki-cci/member-no=1024").ok());
  EXPECT_EQ(o.kind(), v1::ORGANIZATION_KIND_COMPANY);
  EXPECT_EQ(o.address().district(), "千厩");
  EXPECT_EQ(o.employees(), 48);
  EXPECT_THAT(o.jsic_codes(), ::testing::ElementsAre("1821", "2899"));
  EXPECT_EQ(o.founded().year(), 1972);
  EXPECT_EQ(o.founded().month(), 4);
  EXPECT_EQ(o.external_ids(0).value(), "1024");
  ASSERT_TRUE(SetField(&o, "kind", "PUBLIC-RESEARCH").ok());
  EXPECT_EQ(o.kind(), v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
}

TEST(FieldsTest, BadValuesSayWhy) {
  v1::Organization o;
  absl::Status status = SetField(&o, "kind", "factory");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("company"));
  EXPECT_FALSE(SetField(&o, "employees", "many").ok());
  EXPECT_FALSE(SetField(&o, "founded", "昭和47年").ok());
  EXPECT_FALSE(SetField(&o, "external_ids", "1024").ok());
  EXPECT_EQ(o.external_ids_size(), 0);
  EXPECT_FALSE(SetField(&o, "no_such_field", "x").ok());
}

TEST(FieldsTest, ParticipantsTakeAnOrganizationAndARole) {
  v1::Collaboration x;
  ASSERT_TRUE(SetField(&x, "participants", "2:lead").ok());
  ASSERT_TRUE(SetField(&x, "participants", "organizations/14").ok());
  EXPECT_EQ(x.participants(0).organization(), "organizations/2");
  EXPECT_EQ(x.participants(0).role(), v1::PARTICIPANT_ROLE_LEAD);
  EXPECT_EQ(x.participants(1).organization(), "organizations/14");
}

TEST(FieldsTest, FieldTextForCells) {
  v1::Collaboration x;
  x.set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  x.add_participants()->set_organization("organizations/1");
  x.add_participants()->set_organization("organizations/7");
  x.mutable_start_date()->set_year(2025);
  x.mutable_start_date()->set_month(4);
  x.mutable_start_date()->set_day(1);
  EXPECT_EQ(FieldText(x, "type"), "joint_research");
  EXPECT_EQ(FieldText(x, "participants.organization"), "organizations/1, organizations/7");
  EXPECT_EQ(FieldText(x, "start_date"), "2025-04-01");
  EXPECT_EQ(FieldText(x, "case_count"), "");  // zero: unset
  EXPECT_EQ(FieldText(x, "seed"), "");
}

TEST(FieldsTest, ReferencesAcceptBareIds) {
  EXPECT_EQ(*NormalizeReference("7", "organizations"), "organizations/7");
  EXPECT_EQ(*NormalizeReference("organizations/7", "organizations"), "organizations/7");
  EXPECT_FALSE(NormalizeReference("people/7", "organizations").ok());
  EXPECT_FALSE(NormalizeReference("07", "organizations").ok());
  EXPECT_FALSE(NormalizeReference("-1", "organizations").ok());
}

}  // namespace
}  // namespace renkei::cli
