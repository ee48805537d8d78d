// A spawned server killed with SIGKILL in the middle of a stream of writes
// loses no acknowledged write, and comes back with records, indexes,
// counters and change log agreeing.
#include <grpcpp/grpcpp.h>
#include <signal.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "renkei/v1/change.grpc.pb.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "renkei/v1/system.grpc.pb.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

TEST(CrashRecoveryTest, SigkillDuringWritesLosesNoAcknowledgedWrite) {
  TempDir dir;
  std::set<std::string> acknowledged;  // names the server confirmed
  std::mutex mu;
  for (int round = 0; round < 2; ++round) {
    ServerProcess server(dir.path());
    ASSERT_TRUE(server.Start()) << server.log();
    auto channel = server.AdminChannel();
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] {
        auto stub = v1::OrganizationService::NewStub(channel);
        for (int i = 0; !stop; ++i) {
          v1::CreateOrganizationRequest request;
          request.mutable_organization()->set_kind(v1::ORGANIZATION_KIND_COMPANY);
          request.mutable_organization()->set_display_name(
              "株式会社書込" + std::to_string(round) + "-" + std::to_string(w) + "-" +
              std::to_string(i));
          request.mutable_organization()->mutable_address()->set_district("千厩");
          v1::Organization created;
          grpc::ClientContext context;
          context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
          if (stub->CreateOrganization(&context, request, &created).ok()) {
            std::lock_guard<std::mutex> lock(mu);
            acknowledged.insert(created.name());
          }
        }
      });
    }
    // Let writes flow, then kill the server without warning.
    for (int waited = 0; waited < 200; ++waited) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      std::lock_guard<std::mutex> lock(mu);
      if (acknowledged.size() >= 300u * (round + 1)) break;
    }
    server.Stop(SIGKILL);
    stop = true;
    for (auto& t : writers) t.join();
  }
  ASSERT_GT(acknowledged.size(), 100u);

  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  auto channel = server.AdminChannel();
  auto organizations = v1::OrganizationService::NewStub(channel);
  for (const std::string& name : acknowledged) {
    v1::GetOrganizationRequest request;
    request.set_name(name);
    v1::Organization read;
    ASSERT_OK(organizations->GetOrganization(Context().get(), request, &read)) << name;
    EXPECT_THAT(read.display_name(), ::testing::StartsWith("株式会社書込"));
  }
  // Everything on file (acknowledged or caught in flight) is whole: the
  // index, the counter and the change log agree with the records.
  std::set<std::string> listed_all, listed_by_district;
  for (bool by_district : {false, true}) {
    v1::ListOrganizationsRequest request;
    request.set_page_size(1000);
    if (by_district) request.set_district("千厩");
    while (true) {
      v1::ListOrganizationsResponse response;
      ASSERT_OK(organizations->ListOrganizations(Context().get(), request, &response));
      for (const auto& o : response.organizations()) {
        (by_district ? listed_by_district : listed_all).insert(o.name());
      }
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
  }
  EXPECT_EQ(listed_all, listed_by_district);
  EXPECT_TRUE(std::includes(listed_all.begin(), listed_all.end(), acknowledged.begin(),
                            acknowledged.end()));
  auto system = v1::SystemService::NewStub(channel);
  v1::ServerInfo info;
  ASSERT_OK(system->GetServerInfo(Context().get(), v1::GetServerInfoRequest(), &info));
  EXPECT_EQ(info.record_counts().at("organizations"), static_cast<int64_t>(listed_all.size()));
  // The first administrator's user and token, then one change per organization.
  EXPECT_EQ(info.revision(), static_cast<int64_t>(listed_all.size()) + 2);
  auto changes = v1::ChangeService::NewStub(channel);
  v1::WatchChangesRequest watch;
  watch.set_stop_at_head(true);
  auto context = Context();
  auto reader = changes->WatchChanges(context.get(), watch);
  std::set<std::string> logged;
  int64_t expected_revision = 1;
  v1::Change change;
  while (reader->Read(&change)) {
    EXPECT_EQ(change.revision(), expected_revision++);
    if (change.has_organization()) logged.insert(change.name());
  }
  EXPECT_OK(reader->Finish());
  EXPECT_EQ(logged, listed_all);
}

}  // namespace
}  // namespace renkei::testing
