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

// A client context with a 30 s deadline.
std::unique_ptr<grpc::ClientContext> Context();

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_TEST_UTIL_H_
