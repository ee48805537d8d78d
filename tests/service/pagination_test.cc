// Paging through a list while other clients insert: every record that existed
// when paging began is returned exactly once, in order.
#include <atomic>
#include <set>
#include <thread>

#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

class PaginationTest : public ApiTest {};

TEST_F(PaginationTest, NoRecordSkippedOrRepeatedUnderConcurrentInserts) {
  constexpr int kInitial = 300;
  for (int i = 0; i < kInitial; ++i) {
    CreateCompany("株式会社初期" + std::to_string(i), i % 2 == 0 ? "千厩" : "大東");
  }
  std::atomic<bool> done{false};
  std::atomic<int> inserted{0};
  std::thread writer([&] {
    auto stub = v1::OrganizationService::NewStub(server_.channel());
    while (!done) {
      v1::CreateOrganizationRequest request;
      request.mutable_organization()->set_kind(v1::ORGANIZATION_KIND_COMPANY);
      request.mutable_organization()->set_display_name("株式会社追加" +
                                                       std::to_string(inserted.load()));
      request.mutable_organization()->mutable_address()->set_district("千厩");
      v1::Organization created;
      if (stub->CreateOrganization(Context().get(), request, &created).ok()) ++inserted;
    }
  });
  for (const char* district : {"", "千厩"}) {
    v1::ListOrganizationsRequest request;
    request.set_page_size(7);
    request.set_district(district);
    std::vector<std::string> names;
    for (int pages = 0; pages < 10000; ++pages) {
      v1::ListOrganizationsResponse response;
      ASSERT_OK(organizations_->ListOrganizations(Context().get(), request, &response));
      for (const auto& o : response.organizations()) names.push_back(o.name());
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    std::set<std::string> unique(names.begin(), names.end());
    EXPECT_EQ(unique.size(), names.size()) << "a record was repeated";
    for (int id = 1; id <= kInitial; ++id) {
      if (*district != '\0' && id % 2 == 0) continue;  // id 1 is 千厩 (i = 0)
      EXPECT_TRUE(unique.contains("organizations/" + std::to_string(id)))
          << "organizations/" << id << " was skipped";
    }
    // Ascending id order across pages.
    for (size_t i = 1; i < names.size(); ++i) {
      EXPECT_LT(std::stoi(names[i - 1].substr(14)), std::stoi(names[i].substr(14)));
    }
  }
  done = true;
  writer.join();
  EXPECT_GT(inserted.load(), 0) << "the writer never got a write in";
}

}  // namespace
}  // namespace renkei::testing
