// WatchChanges streams are limited: at most so many at once (and per
// caller), and a client that reads nothing is cancelled after the stall
// timeout instead of pinning a thread and memory; its place is free again.
#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "renkei/v1/change.grpc.pb.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "tests/test_server.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

class ChangeStreamsTest : public ::testing::Test {
 protected:
  void StartServer(int max_streams) {
    server_ = std::make_unique<TestServer>([max_streams](ServerOptions& options) {
      options.max_change_streams = max_streams;
      options.change_stream_stall_timeout = absl::Seconds(1);
    });
    changes_ = v1::ChangeService::NewStub(server_->channel());
    organizations_ = v1::OrganizationService::NewStub(server_->channel());
  }

  struct Stream {
    std::unique_ptr<grpc::ClientContext> context = std::make_unique<grpc::ClientContext>();
    std::unique_ptr<grpc::ClientReader<v1::Change>> reader;
  };

  // Opens a stream following every change, and waits until the server has
  // taken it (or refused it).
  Stream Open() {
    Stream stream;
    v1::WatchChangesRequest request;
    stream.reader = changes_->WatchChanges(stream.context.get(), request);
    stream.reader->WaitForInitialMetadata();
    return stream;
  }

  static grpc::Status Finish(Stream& stream) {
    v1::Change change;
    while (stream.reader->Read(&change)) {
    }
    return stream.reader->Finish();
  }

  void CreateLarge(int count) {
    for (int i = 0; i < count; ++i) {
      v1::CreateOrganizationRequest request;
      v1::Organization* organization = request.mutable_organization();
      organization->set_kind(v1::ORGANIZATION_KIND_COMPANY);
      organization->set_display_name("株式会社大量" + std::to_string(i));
      for (int p = 0; p < 100; ++p) {
        v1::Offering* product = organization->add_products();
        product->set_display_name("製品" + std::to_string(p));
        product->set_description(std::string(1900, 'x'));
      }
      v1::Organization created;
      ASSERT_OK(organizations_->CreateOrganization(Context().get(), request, &created));
    }
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<v1::ChangeService::Stub> changes_;
  std::unique_ptr<v1::OrganizationService::Stub> organizations_;
};

TEST_F(ChangeStreamsTest, StreamsBeyondTheLimitAreRefused) {
  StartServer(3);
  std::vector<Stream> open;
  for (int i = 0; i < 3; ++i) open.push_back(Open());
  Stream refused = Open();
  const grpc::Status status = Finish(refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("3 change streams are open"));

  open[0].context->TryCancel();
  Finish(open[0]);
  // Its place is free once the server has seen it go.
  grpc::Status again;
  for (int attempt = 0; attempt < 50; ++attempt) {
    Stream next = Open();
    next.context->TryCancel();
    again = Finish(next);
    if (again.error_code() != grpc::StatusCode::RESOURCE_EXHAUSTED) break;
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_EQ(again.error_code(), grpc::StatusCode::CANCELLED) << again.error_message();
}

TEST_F(ChangeStreamsTest, OneCallerMayOpenSixteen) {
  StartServer(100);
  std::vector<Stream> open;
  for (int i = 0; i < 16; ++i) open.push_back(Open());
  Stream refused = Open();
  const grpc::Status status = Finish(refused);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(status.error_message(), HasSubstr("this caller has 16 change streams open"));
}

TEST_F(ChangeStreamsTest, AClientThatReadsNothingIsCancelledAndFreesItsPlace) {
  StartServer(1);
  Stream idle = Open();  // never reads
  // About 20 MB of changes: far more than the transport buffers hold.
  CreateLarge(100);
  // The stalled stream is cancelled after about a second; then another
  // stream may take the only place.
  grpc::Status status;
  for (int attempt = 0; attempt < 100; ++attempt) {
    v1::WatchChangesRequest request;
    request.set_stop_at_head(true);
    request.set_since_revision(1 << 30);
    grpc::ClientContext context;
    auto reader = changes_->WatchChanges(&context, request);
    v1::Change change;
    while (reader->Read(&change)) {
    }
    status = reader->Finish();
    if (status.ok()) break;
    EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_OK(status);
  EXPECT_EQ(Finish(idle).error_code(), grpc::StatusCode::CANCELLED);
}

}  // namespace
}  // namespace renkei::testing
