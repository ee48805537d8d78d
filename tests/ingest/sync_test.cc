#include "server/ingest/sync.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"

namespace renkei::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

TEST(YearlessNameTest, YearsAndDatesFoldToOneMark) {
  EXPECT_EQ(YearlessName("会員名簿2026.csv"), "会員名簿#.csv");
  EXPECT_EQ(YearlessName("会員名簿2027.csv"), "会員名簿#.csv");
  EXPECT_EQ(YearlessName("会員名簿_R8.csv"), "会員名簿_#.csv");
  EXPECT_EQ(YearlessName("会員名簿_令和8年度.csv"), "会員名簿_#.csv");
  EXPECT_EQ(YearlessName("会員名簿 2026-04-01.csv"), "会員名簿#.csv");
  EXPECT_EQ(YearlessName("会員名簿2026年4月.csv"), "会員名簿#.csv");
  EXPECT_EQ(YearlessName("会員名簿.csv"), "会員名簿.csv");
  // Letters that are not an era stay: members.csv is not m#.
  EXPECT_EQ(YearlessName("members.csv"), "members.csv");
}

class SyncTest : public ::testing::Test {
 protected:
  // Organization `id` was a current member from `list`.
  void Member(uint64_t id, const std::string& list = "会員名簿.csv", bool ended = false) {
    v1::Membership& m = memberships_[id];
    m.set_name(absl::StrCat("networks/1/memberships/", id));
    m.set_source_list(list);
    if (ended) m.mutable_until()->set_year(2020);
  }
  SyncDecision Decide() {
    facts_.network = "networks/1";
    facts_.list = "会員名簿.csv";
    facts_.memberships = &memberships_;
    facts_.listed = &listed_;
    facts_.maybe_listed = &maybe_listed_;
    return DecideSync(facts_);
  }

  SyncFacts facts_;
  absl::flat_hash_map<uint64_t, v1::Membership> memberships_;
  std::set<uint64_t> listed_, maybe_listed_;
};

TEST_F(SyncTest, EndsWhatTheListNoLongerHas) {
  for (uint64_t id = 1; id <= 6; ++id) Member(id);
  Member(7, "other.csv");
  Member(8, "会員名簿.csv", /*ended=*/true);
  listed_ = {1, 2, 3, 4};
  maybe_listed_ = {5};
  facts_.rows = 5;
  facts_.held_before = 6;
  const SyncDecision d = Decide();
  ASSERT_THAT(d.to_end, SizeIs(1));
  EXPECT_EQ(d.to_end[0]->name(), "networks/1/memberships/6");
  EXPECT_FALSE(d.skipped);
  EXPECT_THAT(d.message, HasSubstr("ended 1 of the 6 current memberships"));
}

TEST_F(SyncTest, EndsNothingFromAListWithoutRows) {
  Member(1);
  const SyncDecision d = Decide();
  EXPECT_THAT(d.to_end, IsEmpty());
  EXPECT_TRUE(d.skipped);
  EXPECT_THAT(d.message, HasSubstr("no data rows"));
}

TEST_F(SyncTest, EndsNothingWhenARejectedRowNamesNoOne) {
  Member(1);
  Member(2);
  listed_ = {1};
  facts_.rows = 2;
  facts_.unknown_rejected_rows = {2};
  const SyncDecision d = Decide();
  EXPECT_THAT(d.to_end, IsEmpty());
  EXPECT_TRUE(d.skipped);
  EXPECT_THAT(d.message, HasSubstr("row 2 could not be read"));
}

TEST_F(SyncTest, HoldsBackMoreThanAThirdUnlessConfirmed) {
  for (uint64_t id = 1; id <= 3; ++id) Member(id);
  listed_ = {1};
  facts_.rows = 1;
  facts_.held_before = 3;
  SyncDecision d = Decide();
  EXPECT_THAT(d.to_end, IsEmpty());
  EXPECT_THAT(d.held_back, SizeIs(2));
  EXPECT_THAT(d.message, HasSubstr("--yes"));
  facts_.confirmed = true;
  d = Decide();
  EXPECT_THAT(d.to_end, SizeIs(2));
}

TEST_F(SyncTest, ListsRenamedForAnotherYear) {
  Member(1, "会員名簿2026.csv");
  Member(2, "会員名簿2026.csv");
  Member(3, "役員名簿2026.csv");
  std::vector<RenamedList> renamed = ListsRenamedFrom("会員名簿2027.csv", memberships_);
  ASSERT_THAT(renamed, SizeIs(1));
  EXPECT_EQ(renamed[0].name, "会員名簿2026.csv");
  EXPECT_EQ(renamed[0].members, 2);
  EXPECT_THAT(ListsRenamedFrom("会員名簿2026.csv", memberships_), IsEmpty());
  EXPECT_THAT(ListsRenamedFrom("名簿.csv", memberships_), IsEmpty());
}

}  // namespace
}  // namespace renkei::ingest
