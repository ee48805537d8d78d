// The spawned server on a disk that fills up (a small tmpfs): writes fail
// with RESOURCE_EXHAUSTED while reads go on, the process never aborts,
// writes resume once space is freed, a start on a full disk opens read-only,
// and nothing acknowledged is lost.
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "renkei/v1/organization.grpc.pb.h"
#include "tests/server_process.h"
#include "tests/small_disk.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

constexpr uint64_t kDiskBytes = uint64_t{48} << 20;

class DiskFullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why_not;
    disk_ = SmallDisk::Mount(kDiskBytes, &why_not);
    if (disk_ == nullptr) GTEST_SKIP() << "no small disk for this test: " << why_not;
    data_dir_ = disk_->path() + "/data";
  }

  std::unique_ptr<ServerProcess> Start(const std::string& min_free_mb) {
    auto server = std::make_unique<ServerProcess>(
        data_dir_, std::vector<std::string>{"--min_free_disk_mb=" + min_free_mb});
    EXPECT_TRUE(server->Start()) << server->log();
    stub_ = v1::OrganizationService::NewStub(server->AdminChannel());
    return server;
  }

  // Creates a company with a long description; its name, or the error.
  grpc::Status Create(std::string* name) {
    v1::CreateOrganizationRequest request;
    v1::Organization* organization = request.mutable_organization();
    organization->set_kind(v1::ORGANIZATION_KIND_COMPANY);
    organization->set_display_name("株式会社満杯" + std::to_string(++created_));
    organization->set_description(std::string(19000, 'x'));
    v1::Organization created;
    grpc::Status status = stub_->CreateOrganization(Context().get(), request, &created);
    if (status.ok()) *name = created.name();
    return status;
  }

  grpc::Status Get(const std::string& name) {
    v1::GetOrganizationRequest request;
    request.set_name(name);
    v1::Organization read;
    return stub_->GetOrganization(Context().get(), request, &read);
  }

  std::unique_ptr<SmallDisk> disk_;
  std::string data_dir_;
  std::unique_ptr<v1::OrganizationService::Stub> stub_;
  int created_ = 0;
};

TEST_F(DiskFullTest, WritesRefusedBelowTheReserveResumeOnceSpaceIsFreed) {
  auto server = Start("8");
  std::string first;
  ASSERT_OK(Create(&first));

  disk_->Fill();
  std::string ignored;
  const grpc::Status refused = Create(&ignored);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << refused.error_message();
  EXPECT_THAT(refused.error_message(), HasSubstr("the disk is full"));
  EXPECT_OK(Get(first));

  disk_->Free();
  std::string second;
  EXPECT_OK(Create(&second));
  EXPECT_OK(Get(second));
  EXPECT_EQ(server->Stop(SIGTERM), 0) << server->log();
}

TEST_F(DiskFullTest, RocksDbWriteFailureKeepsReadsAndRestartOpensReadOnly) {
  std::vector<std::string> acknowledged;
  {
    auto server = Start("0");  // no reserve: RocksDB itself meets the full disk
    std::string name;
    ASSERT_OK(Create(&name));
    acknowledged.push_back(name);
    disk_->Fill();
    grpc::Status failed;
    for (int i = 0; i < 2000 && failed.ok(); ++i) {
      failed = Create(&name);
      if (failed.ok()) acknowledged.push_back(name);
    }
    ASSERT_EQ(failed.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << failed.error_message();
    // Still serving reads, and refusing writes, without aborting.
    for (const std::string& each : acknowledged) EXPECT_OK(Get(each)) << each;
    EXPECT_EQ(Create(&name).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    const int stopped = server->Stop(SIGTERM);
    EXPECT_TRUE(WIFEXITED(stopped)) << "ended by signal " << WTERMSIG(stopped) << "\n"
                                    << server->log();
  }
  // Closing gave back what RocksDB had set aside for its log: fill that too.
  disk_->Fill();
  {
    auto server = Start("0");  // the disk still full
    EXPECT_THAT(server->log(), HasSubstr("read-only"));
    for (const std::string& each : acknowledged) EXPECT_OK(Get(each)) << each;
    std::string name;
    const grpc::Status refused = Create(&name);
    EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_THAT(refused.error_message(), HasSubstr("read-only"));
    server->Stop(SIGTERM);
  }
  disk_->Free();
  auto server = Start("0");
  for (const std::string& each : acknowledged) EXPECT_OK(Get(each)) << each;
  std::string name;
  EXPECT_OK(Create(&name));
}

}  // namespace
}  // namespace renkei::testing
