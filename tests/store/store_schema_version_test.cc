// A data directory of another schema version: an older one is migrated when
// opened, a newer or unknown one refused with a message naming both versions.
// The directory "of another release" is made by rewriting the version key of
// a directory written now (the previous releases' only format changes were
// the ones the migration redoes: the search index of versions 1 and 2).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "renkei/v1/organization.pb.h"
#include "server/records/validate.h"
#include "server/store/internal/counter_merge.h"
#include "server/store/internal/keys.h"
#include "server/store/store.h"
#include "server/store/text_index.h"
#include "tests/test_util.h"

namespace renkei::store {
namespace {

using ::renkei::testing::TempDir;
using ::testing::AllOf;
using ::testing::HasSubstr;

class SchemaVersionTest : public ::testing::Test {
 protected:
  // A data directory holding one company, written by this build.
  void SetUp() override {
    auto store = Store::Open(StoreOptions(), dir_.path());
    ASSERT_OK(store);
    v1::Organization o;
    o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
    o.set_display_name("株式会社一関精工");
    o.set_description("精密部品の切削加工");
    records::PrepareForCreate(&o);
    ASSERT_OK((*store)->Create(&o, "", Actor::System()));
    name_ = o.name();
  }

  // Rewrites the schema version the directory says it has.
  void SetVersion(const std::string& version) {
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir_.path(), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    rocksdb::ColumnFamilyOptions meta;
    meta.merge_operator = internal::NewCounterMergeOperator();
    for (const std::string& n : names) {
      descriptors.emplace_back(n,
                               n == internal::kMetaFamily ? meta : rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(
        rocksdb::DB::Open(rocksdb::DBOptions(), dir_.path(), descriptors, &handles, &raw).ok());
    std::unique_ptr<rocksdb::DB> db(raw);
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == internal::kMetaFamily) {
        ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[i], internal::kSchemaVersionKey,
                            version).ok());
      }
    }
    for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
  }

  absl::Status OpenStatus() { return Store::Open(StoreOptions(), dir_.path()).status(); }

  TempDir dir_;
  std::string name_;
};

TEST_F(SchemaVersionTest, OlderVersionIsMigratedAndSearchable) {
  SetVersion("2");
  auto store = Store::Open(StoreOptions(), dir_.path());
  ASSERT_OK(store);
  v1::Organization read;
  EXPECT_OK((*store)->Get(name_, &read));
  absl::StatusOr<ResourceName> parsed = ParseResourceName(name_);
  ASSERT_OK(parsed);
  EXPECT_OK((*store)->GetSearchDocument(*parsed));  // the search index was built again
  store->reset();
  EXPECT_OK(OpenStatus());  // written as the current version
}

TEST_F(SchemaVersionTest, NewerVersionIsRefusedNamingBoth) {
  SetVersion(absl::StrCat(internal::kSchemaVersion + 1));
  absl::Status status = OpenStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(),
              AllOf(HasSubstr(absl::StrCat("schema version ", internal::kSchemaVersion + 1)),
                    HasSubstr("newer renkei"),
                    HasSubstr(absl::StrCat("schema version ", internal::kSchemaVersion))));
}

TEST_F(SchemaVersionTest, UnknownVersionIsRefusedNamingBoth) {
  SetVersion("0");
  absl::Status status = OpenStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(),
              AllOf(HasSubstr("schema version \"0\""), HasSubstr("cannot migrate"),
                    HasSubstr(absl::StrCat("schema version ", internal::kSchemaVersion))));
}

}  // namespace
}  // namespace renkei::store
