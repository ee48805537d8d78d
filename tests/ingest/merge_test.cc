#include "server/ingest/merge.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace renkei::ingest {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

Origin From(const std::string& source, int64_t row, bool authoritative = false) {
  Origin origin;
  origin.source = source;
  origin.row = row;
  origin.authoritative = authoritative;
  return origin;
}

RowFacts Facts(const std::string& name, const std::string& phone = "") {
  RowFacts facts;
  facts.organization.set_display_name(name);
  facts.organization.mutable_contact()->set_phone(phone);
  return facts;
}

TEST(MergeTest, NewOrganizationWritesOutTheNameAndKeepsSources) {
  std::set<std::string> claimed;
  const v1::Organization o = NewOrganization(Facts("(株)一関精工", "0191-24-1111"),
                                             From("list.csv", 3), &claimed);
  EXPECT_EQ(o.display_name(), "株式会社一関精工");
  EXPECT_EQ(o.kind(), v1::ORGANIZATION_KIND_COMPANY);
  EXPECT_THAT(o.aliases(), IsEmpty());
  EXPECT_EQ(o.field_sources().at("contact.phone").source(), "list.csv");
  EXPECT_EQ(o.field_sources().at("contact.phone").row(), 3);
  EXPECT_THAT(claimed, Contains("contact.phone"));
}

TEST(MergeTest, FieldAnotherSourceSetIsKept) {
  v1::Organization o = NewOrganization(Facts("株式会社一関精工", "0191-24-1111"), From("a.csv", 1));
  std::set<std::string> claimed;
  RowFacts facts = Facts("一関精工(株)", "0191-24-2222");
  facts.organization.mutable_contact()->set_fax("0191-24-3333");
  const auto changed = Merge(facts, From("b.csv", 5), &claimed, &o);
  EXPECT_THAT(changed, ElementsAre("contact.fax"));
  EXPECT_EQ(o.contact().phone(), "0191-24-1111");
  EXPECT_EQ(o.field_sources().at("contact.fax").source(), "b.csv");
}

TEST(MergeTest, SameSourceReplacesOnceAnImport) {
  v1::Organization o = NewOrganization(Facts("株式会社一関精工", "0191-24-1111"), From("a.csv", 1));
  std::set<std::string> claimed;
  EXPECT_THAT(Merge(Facts("一関精工", "0191-24-2222"), From("a.csv", 1), &claimed, &o),
              ElementsAre("contact.phone"));
  // A second row of the same import does not undo the first.
  EXPECT_THAT(Merge(Facts("一関精工", "0191-24-3333"), From("a.csv", 9), &claimed, &o), IsEmpty());
  EXPECT_EQ(o.contact().phone(), "0191-24-2222");
}

TEST(MergeTest, OtherSpellingBecomesAnAlias) {
  v1::Organization o = NewOrganization(Facts("株式会社一関精工"), From("a.csv", 1));
  std::set<std::string> claimed;
  EXPECT_THAT(Merge(Facts("㈱一関精工"), From("b.csv", 1), &claimed, &o), IsEmpty());
  EXPECT_THAT(Merge(Facts("ｲﾁﾉｾｷｾｲｺｳ"), From("b.csv", 2), &claimed, &o), ElementsAre("aliases"));
  EXPECT_THAT(o.aliases(), ElementsAre("イチノセキセイコウ"));
}

TEST(MergeTest, RegistryReplacesNameKeepingTheOldAsFormer) {
  v1::Organization o = NewOrganization(Facts("株式会社一関精工"), From("a.csv", 1));
  o.set_kana("イチセキ");
  (*o.mutable_field_sources())["kana"].set_source("a.csv");
  RowFacts facts = Facts("株式会社イチセキ精密");
  facts.organization.set_kana("イチセキセイミツ");
  std::set<std::string> claimed;
  const auto changed = Merge(facts, From("nta.csv", 1, /*authoritative=*/true), &claimed, &o);
  EXPECT_THAT(changed, ElementsAre("display_name", "kana"));
  EXPECT_EQ(o.display_name(), "株式会社イチセキ精密");
  EXPECT_THAT(o.former_names(), ElementsAre("株式会社一関精工"));
  EXPECT_EQ(o.kana(), "イチセキセイミツ");
}

TEST(MergeTest, SiteRowAddsThenUpdatesTheSite) {
  v1::Organization o = NewOrganization(Facts("株式会社一関精工", "0191-24-1111"), From("a.csv", 1));
  RowFacts plant = Facts("株式会社一関精工");
  plant.has_site = true;
  plant.site.set_display_name("花泉工場");
  plant.site.set_phone("0191-82-4106");
  std::set<std::string> claimed;
  EXPECT_THAT(Merge(plant, From("b.csv", 2), &claimed, &o), ElementsAre("sites[花泉工場]"));
  ASSERT_EQ(o.sites_size(), 1);
  EXPECT_EQ(o.field_sources().at("sites.花泉工場").row(), 2);
  EXPECT_EQ(o.contact().phone(), "0191-24-1111");
  plant.site.set_manager("千葉 一郎");
  std::set<std::string> next_import;
  EXPECT_THAT(Merge(plant, From("c.csv", 1), &next_import, &o),
              ElementsAre("sites[花泉工場].manager"));
  EXPECT_EQ(o.sites(0).manager(), "千葉 一郎");
  EXPECT_EQ(o.field_sources().at("sites.花泉工場.manager").source(), "c.csv");
}

}  // namespace
}  // namespace renkei::ingest
