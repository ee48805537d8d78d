// Helpers shared by the tests: status matchers, temporary directories and a
// real renkei server on an ephemeral loopback port.
#ifndef RENKEI_TESTS_TEST_UTIL_H_
#define RENKEI_TESTS_TEST_UTIL_H_

#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/rpc/error_details.pb.h"
#include "server/server.h"

namespace renkei::testing {

// EXPECT_THAT(status, IsOk()) for absl::Status, absl::StatusOr and grpc::Status.
MATCHER(IsOk, "is OK") {
  if constexpr (std::is_same_v<std::decay_t<arg_type>, grpc::Status>) {
    *result_listener << "code " << arg.error_code() << ": " << arg.error_message();
    return arg.ok();
  } else if constexpr (std::is_same_v<std::decay_t<arg_type>, absl::Status>) {
    *result_listener << arg.ToString();
    return arg.ok();
  } else {
    *result_listener << arg.status().ToString();
    return arg.ok();
  }
}

#define ASSERT_OK(expr) ASSERT_THAT((expr), ::renkei::testing::IsOk())
#define EXPECT_OK(expr) EXPECT_THAT((expr), ::renkei::testing::IsOk())

// A fresh directory under $TEST_TMPDIR or /tmp, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The field violations (field → description) a gRPC status carries.
std::vector<std::pair<std::string, std::string>> FieldViolations(const grpc::Status& status);
// The precondition-failure subjects a gRPC status carries.
std::vector<std::string> PreconditionSubjects(const grpc::Status& status);

// A renkei server with its own data directory, listening on 127.0.0.1 on a
// port the kernel picks, and a TCP channel to it.
class TestServer {
 public:
  explicit TestServer(bool load_demo = false);
  ~TestServer();

  // Stops the server (clean shutdown) and starts it again on the same data.
  void Restart();
  void Stop();

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  int port() const { return port_; }
  const std::string& data_dir() const { return dir_.path(); }
  RenkeiServer& server() { return *server_; }

 private:
  void Start();

  TempDir dir_;
  bool load_demo_;
  std::unique_ptr<RenkeiServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  int port_ = 0;
};

// A client context with a 30 s deadline.
std::unique_ptr<grpc::ClientContext> Context();

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_TEST_UTIL_H_
