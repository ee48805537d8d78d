// A record over the size limit (1 MiB encoded) is refused by the store
// itself, whatever path it came by, before any indexing work.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "renkei/v1/organization.pb.h"
#include "server/records/validate.h"
#include "server/store/store.h"
#include "tests/test_util.h"

namespace renkei::store {
namespace {

// A company of about `bytes` bytes, in a field the search index skips.
v1::Organization Company(int i, size_t bytes) {
  v1::Organization o;
  o.set_kind(v1::ORGANIZATION_KIND_COMPANY);
  o.set_display_name("株式会社記録" + std::to_string(i));
  o.mutable_contact()->set_url("https://example.jp/" + std::string(bytes, 'x'));
  records::PrepareForCreate(&o);
  return o;
}

TEST(StoreRecordSizeTest, RecordOverOneMebibyteIsRefusedByTheStore) {
  testing::TempDir dir;
  auto store = Store::Open(StoreOptions(), dir.path());
  ASSERT_OK(store);
  const int64_t before = (*store)->revision();
  v1::Organization o = Company(1, (1 << 20) + 1);
  const absl::Status status = (*store)->Create(&o, "", Actor::System());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("bytes encoded"));
  EXPECT_EQ((*store)->revision(), before);
}

}  // namespace
}  // namespace renkei::store
