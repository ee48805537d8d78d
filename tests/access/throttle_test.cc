#include "server/access/throttle.h"

#include "tests/test_util.h"

namespace renkei::access {
namespace {

const absl::Time kStart = absl::FromUnixSeconds(1'800'000'000);

TEST(LoginThrottleTest, ThreeFailuresAreFreeThenTheWaitDoubles) {
  LoginThrottle throttle;
  absl::Time now = kStart;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.WaitBefore("sato", "10.0.0.5", now), absl::ZeroDuration());
    throttle.Failed("sato", "10.0.0.5", now);
  }
  EXPECT_EQ(throttle.WaitBefore("sato", "10.0.0.5", now), absl::Seconds(1));
  EXPECT_EQ(throttle.WaitBefore("sato", "10.0.0.5", now + absl::Seconds(1)),
            absl::ZeroDuration());
  throttle.Failed("sato", "10.0.0.5", now + absl::Seconds(1));
  EXPECT_EQ(throttle.WaitBefore("sato", "10.0.0.5", now + absl::Seconds(1)), absl::Seconds(2));
  for (int i = 0; i < 20; ++i) throttle.Failed("sato", "10.0.0.5", now + absl::Seconds(2));
  EXPECT_EQ(throttle.WaitBefore("sato", "10.0.0.5", now + absl::Seconds(2)), absl::Minutes(5));
}

TEST(LoginThrottleTest, PerUserAndPerAddress) {
  LoginThrottle throttle;
  for (int i = 0; i < 4; ++i) throttle.Failed("sato", "10.0.0.5", kStart);
  // Another user from the same address, and the same user from elsewhere.
  EXPECT_GT(throttle.WaitBefore("suzuki", "10.0.0.5", kStart), absl::ZeroDuration());
  EXPECT_GT(throttle.WaitBefore("sato", "10.0.0.9", kStart), absl::ZeroDuration());
  EXPECT_EQ(throttle.WaitBefore("suzuki", "10.0.0.9", kStart), absl::ZeroDuration());
  // A success clears the user, not the address.
  throttle.Succeeded("sato");
  EXPECT_EQ(throttle.WaitBefore("sato", "10.0.0.9", kStart), absl::ZeroDuration());
  EXPECT_GT(throttle.WaitBefore("suzuki", "10.0.0.5", kStart), absl::ZeroDuration());
  // An hour without failures forgets.
  EXPECT_EQ(throttle.WaitBefore("suzuki", "10.0.0.5", kStart + absl::Hours(2)),
            absl::ZeroDuration());
}

TEST(LoginThrottleTest, TheAddressOfAPeer) {
  EXPECT_EQ(LoginThrottle::AddressOf("ipv4:10.0.0.5:50312"), "10.0.0.5");
  EXPECT_EQ(LoginThrottle::AddressOf("ipv6:[::1]:50312"), "[::1]");
  EXPECT_EQ(LoginThrottle::AddressOf("10.0.0.5"), "10.0.0.5");
  EXPECT_EQ(LoginThrottle::AddressOf("203.0.113.5:4312"), "203.0.113.5");
  EXPECT_EQ(LoginThrottle::AddressOf("[2001:db8::1]:4312"), "[2001:db8::1]");
}

}  // namespace
}  // namespace renkei::access
