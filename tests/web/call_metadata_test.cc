#include "server/web/internal/call_metadata.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace renkei::web {
namespace {

using ::testing::Contains;
using ::testing::Not;
using ::testing::Pair;

HttpRequest Request(std::string peer, HttpHeaders headers) {
  HttpRequest request;
  request.method = "GET";
  request.target = "/v1/system:ping";
  request.peer = std::move(peer);
  request.headers = std::move(headers);
  return request;
}

TEST(CallMetadataTest, ForwardsAuthorizationAndSaysWhereTheCallCameFrom) {
  absl::StatusOr<CallMetadata> metadata =
      CallMetadataOf(Request("127.0.0.1:5000", {{"authorization", "Bearer abc"}}));
  ASSERT_OK(metadata);
  EXPECT_THAT(*metadata, Contains(Pair("authorization", "Bearer abc")));
  EXPECT_THAT(*metadata, Contains(Pair("x-renkei-interface", "json")));
  EXPECT_THAT(*metadata, Contains(Pair("x-renkei-peer", "127.0.0.1:5000")));
}

TEST(CallMetadataTest, NoAuthorizationHeaderNoAuthorizationMetadata) {
  absl::StatusOr<CallMetadata> metadata = CallMetadataOf(Request("127.0.0.1:5000", {}));
  ASSERT_OK(metadata);
  EXPECT_THAT(*metadata, Not(Contains(Pair("authorization", ::testing::_))));
}

TEST(CallMetadataTest, ForwardedForIsTrustedOnlyFromAProxyOnLoopback) {
  absl::StatusOr<CallMetadata> proxied =
      CallMetadataOf(Request("127.0.0.1:40000", {{"x-forwarded-for", "10.9.9.9, 203.0.113.7"}}));
  ASSERT_OK(proxied);
  EXPECT_THAT(*proxied, Contains(Pair("x-renkei-peer", "203.0.113.7")));
  absl::StatusOr<CallMetadata> v6 =
      CallMetadataOf(Request("[::1]:40000", {{"x-forwarded-for", "203.0.113.8"}}));
  ASSERT_OK(v6);
  EXPECT_THAT(*v6, Contains(Pair("x-renkei-peer", "203.0.113.8")));
  absl::StatusOr<CallMetadata> direct =
      CallMetadataOf(Request("198.51.100.4:40000", {{"x-forwarded-for", "203.0.113.7"}}));
  ASSERT_OK(direct);
  EXPECT_THAT(*direct, Contains(Pair("x-renkei-peer", "198.51.100.4:40000")));
}

TEST(CallMetadataTest, HeaderThatMetadataCannotCarryIsRefused) {
  const absl::StatusOr<CallMetadata> metadata =
      CallMetadataOf(Request("127.0.0.1:1", {{"authorization", "Bearer \xe3\x81\x82"}}));
  EXPECT_EQ(metadata.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace renkei::web
