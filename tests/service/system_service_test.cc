// SystemService: Ping and server information.
#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

class SystemServiceTest : public ApiTest {};

TEST_F(SystemServiceTest, ServerInfoCountsRecords) {
  CreateCompany("株式会社一関精工");
  const v1::Organization b = CreateCompany("株式会社大東電子");
  v1::DeleteOrganizationRequest remove;
  remove.set_name(b.name());
  v1::DeleteResponse deleted;
  ASSERT_OK(organizations_->DeleteOrganization(Context().get(), remove, &deleted));
  v1::ServerInfo info;
  ASSERT_OK(system_->GetServerInfo(Context().get(), v1::GetServerInfoRequest(), &info));
  EXPECT_EQ(info.record_counts().at("organizations"), 1);
  EXPECT_EQ(info.record_counts().at("seeds"), 0);
  EXPECT_EQ(info.revision(), base_revision_ + 3);
  EXPECT_FALSE(info.version().empty());
  EXPECT_FALSE(info.sync_writes());
  v1::PingResponse pong;
  EXPECT_OK(system_->Ping(Context().get(), v1::PingRequest(), &pong));
}

}  // namespace
}  // namespace renkei::testing
