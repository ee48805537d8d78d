#include "server/ingest/profile_cache.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "renkei/v1/organization.pb.h"
#include "server/records/validate.h"
#include "server/resolve/reading.h"
#include "server/resolve/resolver.h"
#include "server/store/store.h"
#include "tests/test_util.h"

namespace renkei::ingest {
namespace {

class ProfileCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = store::Store::Open(store::StoreOptions(), dir_.path());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(*store);
    auto reader = resolve::Reader::Create();
    ASSERT_TRUE(reader.ok()) << reader.status();
    reader_ = std::move(*reader);
  }

  uint64_t Create(const std::string& name) {
    v1::Organization organization;
    organization.set_kind(v1::ORGANIZATION_KIND_COMPANY);
    organization.set_display_name(name);
    records::PrepareForCreate(&organization);
    EXPECT_TRUE(store_->Create(&organization, "", store::Actor::System()).ok());
    return std::stoull(organization.name().substr(std::string("organizations/").size()));
  }

  // A resolver filled by `cache`, as an import starts with.
  std::unique_ptr<resolve::Resolver> Filled(ProfileCache& cache) {
    auto resolver = std::make_unique<resolve::Resolver>(resolve::Resolver::Options{});
    EXPECT_TRUE(cache.Fill(resolver.get()).ok());
    return resolver;
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<resolve::Reader> reader_;
};

TEST_F(ProfileCacheTest, FollowsCreatesUpdatesAndDeletesBetweenImports) {
  const uint64_t seiko = Create("株式会社一関精工");
  const uint64_t denshi = Create("株式会社平泉電子");
  ProfileCache cache(store_.get(), reader_.get());
  std::unique_ptr<resolve::Resolver> first = Filled(cache);
  EXPECT_EQ(first->size(), 2u);
  ASSERT_NE(first->Find(seiko), nullptr);
  EXPECT_EQ(first->Find(seiko)->display_name, "株式会社一関精工");

  // What happens between two imports (the API, another import).
  v1::Organization updated;
  ASSERT_TRUE(store_
                  ->Update(absl::StrCat("organizations/", seiko), "",
                           [](google::protobuf::Message* m) {
                             static_cast<v1::Organization*>(m)->set_display_name(
                                 "株式会社アイテックス一関");
                             return absl::OkStatus();
                           },
                           &updated, store::Actor::System())
                  .ok());
  ASSERT_TRUE(
      store_->Delete(absl::StrCat("organizations/", denshi), "", false, store::Actor::System())
          .ok());
  const uint64_t kibi = Create("株式会社厳美電子");

  std::unique_ptr<resolve::Resolver> second = Filled(cache);
  EXPECT_EQ(second->size(), 2u);
  ASSERT_NE(second->Find(seiko), nullptr);
  EXPECT_EQ(second->Find(seiko)->display_name, "株式会社アイテックス一関");
  EXPECT_EQ(second->Find(denshi), nullptr);
  ASSERT_NE(second->Find(kibi), nullptr);
  // The same as profiling everything again.
  EXPECT_EQ(second->Find(kibi)->name_keys, resolve::ProfileOf(
      [&] {
        v1::Organization o;
        o.set_display_name("株式会社厳美電子");
        return o;
      }(),
      reader_.get()).name_keys);
  // A row resolves against the new name.
  v1::Organization row;
  row.set_display_name("アイテックス一関(株)");
  const resolve::Decision decision = second->Resolve(resolve::ProfileOf(row, reader_.get()));
  ASSERT_FALSE(decision.candidates.empty());
  EXPECT_EQ(decision.candidates[0].id, seiko);
}

}  // namespace
}  // namespace renkei::ingest
