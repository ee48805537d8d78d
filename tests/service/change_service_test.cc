// The change feed: commit order, resume, collection filter, live follow.
#include <thread>

#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

using ::testing::ElementsAre;

class ChangeServiceTest : public ApiTest {
 protected:
  std::vector<v1::Change> ReadToHead(int64_t since, std::vector<std::string> collections = {}) {
    v1::WatchChangesRequest request;
    request.set_since_revision(since);
    request.set_stop_at_head(true);
    for (const auto& c : collections) request.add_collections(c);
    auto context = Context();
    auto reader = changes_->WatchChanges(context.get(), request);
    std::vector<v1::Change> out;
    v1::Change change;
    while (reader->Read(&change)) out.push_back(change);
    EXPECT_OK(reader->Finish());
    return out;
  }
};

TEST_F(ChangeServiceTest, EveryMutationInCommitOrderAndResumable) {
  const v1::Organization a = CreateCompany("株式会社一関精工");
  const v1::Person p = CreateResearcher(a.name(), "佐藤 一郎");
  v1::UpdateOrganizationRequest update;
  update.mutable_organization()->set_name(a.name());
  update.mutable_organization()->set_employees(30);
  update.mutable_update_mask()->add_paths("employees");
  v1::Organization updated;
  ASSERT_OK(organizations_->UpdateOrganization(Context().get(), update, &updated));
  v1::DeleteOrganizationRequest remove;
  remove.set_name(a.name());
  remove.set_cascade(true);
  v1::DeleteResponse deleted;
  ASSERT_OK(organizations_->DeleteOrganization(Context().get(), remove, &deleted));

  std::vector<v1::Change> all = ReadToHead(base_revision_);
  ASSERT_EQ(all.size(), 5u);
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].revision(), base_revision_ + int64_t(i + 1));
  }
  EXPECT_EQ(all[0].kind(), v1::CHANGE_KIND_CREATED);
  EXPECT_EQ(all[0].organization().display_name(), "株式会社一関精工");
  EXPECT_EQ(all[1].person().name(), p.name());
  EXPECT_EQ(all[2].kind(), v1::CHANGE_KIND_UPDATED);
  EXPECT_EQ(all[2].organization().employees(), 30);
  // The cascade: the organization, then the person it owned.
  EXPECT_EQ(all[3].kind(), v1::CHANGE_KIND_DELETED);
  EXPECT_EQ(all[3].name(), a.name());
  EXPECT_EQ(all[4].name(), p.name());
  EXPECT_EQ(all[4].person().display_name(), "佐藤 一郎");  // the state before

  std::vector<v1::Change> resumed = ReadToHead(base_revision_ + 3);
  ASSERT_EQ(resumed.size(), 2u);
  EXPECT_EQ(resumed[0].revision(), base_revision_ + 4);
  std::vector<v1::Change> people = ReadToHead(0, {"people"});
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].name(), p.name());

  // The log survives a restart.
  Restart();
  EXPECT_EQ(ReadToHead(base_revision_).size(), 5u);
}

TEST_F(ChangeServiceTest, FollowsNewChangesAsTheyCommit) {
  v1::WatchChangesRequest request;
  request.set_since_revision(base_revision_);
  grpc::ClientContext context;
  auto reader = changes_->WatchChanges(&context, request);
  std::thread writer([&] {
    for (int i = 0; i < 3; ++i) CreateCompany("株式会社追従" + std::to_string(i));
  });
  std::vector<std::string> seen;
  v1::Change change;
  while (seen.size() < 3 && reader->Read(&change)) seen.push_back(change.name());
  writer.join();
  context.TryCancel();
  reader->Finish();
  EXPECT_THAT(seen, ElementsAre("organizations/1", "organizations/2", "organizations/3"));
}

TEST_F(ChangeServiceTest, RejectsUnknownCollectionsAndNegativeRevisions) {
  v1::WatchChangesRequest request;
  request.add_collections("companies");
  auto context = Context();
  auto reader = changes_->WatchChanges(context.get(), request);
  v1::Change change;
  EXPECT_FALSE(reader->Read(&change));
  grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "collections[0]");
  request.Clear();
  request.set_since_revision(-1);
  auto context2 = Context();
  auto reader2 = changes_->WatchChanges(context2.get(), request);
  EXPECT_FALSE(reader2->Read(&change));
  EXPECT_EQ(reader2->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace renkei::testing
