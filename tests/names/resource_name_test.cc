#include "server/names/resource_name.h"

#include <gtest/gtest.h>

namespace renkei {
namespace {

TEST(ResourceNameTest, ParsesEveryCollection) {
  auto org = ParseResourceName("organizations/7");
  ASSERT_TRUE(org.ok());
  EXPECT_EQ(org->kind, Kind::kOrganization);
  EXPECT_EQ(org->id, 7u);
  auto person = ParseResourceName("people/12", Kind::kPerson);
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->ToString(), "people/12");
  auto membership = ParseResourceName("networks/5/memberships/123");
  ASSERT_TRUE(membership.ok());
  EXPECT_EQ(membership->kind, Kind::kMembership);
  EXPECT_EQ(membership->id, 5u);
  EXPECT_EQ(membership->member_id, 123u);
  EXPECT_EQ(membership->ToString(), "networks/5/memberships/123");
}

TEST(ResourceNameTest, RejectsMalformedNames) {
  for (const char* bad : {"", "organizations", "organizations/", "organizations/0",
                          "organizations/007", "organizations/-1", "organizations/1x",
                          "companies/1", "networks/1/memberships", "memberships/3",
                          "organizations/1/", "organizations/99999999999999999999"}) {
    EXPECT_FALSE(ParseResourceName(bad).ok()) << bad;
  }
}

TEST(ResourceNameTest, WrongKindIsRejectedWithTheExpectedForm) {
  auto parsed = ParseResourceName("people/3", Kind::kOrganization);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("organizations/{id}"), absl::string_view::npos);
}

TEST(ResourceNameTest, CollectionsRoundTrip) {
  for (Kind kind : kAllKinds) {
    EXPECT_EQ(KindOfCollection(CollectionOf(kind)), kind);
  }
  EXPECT_FALSE(KindOfCollection("companies").has_value());
}

}  // namespace
}  // namespace renkei
