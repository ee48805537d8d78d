#include "server/access/throttle.h"

#include <algorithm>

#include "absl/strings/strip.h"

namespace renkei::access {
namespace {

constexpr int kFreeFailures = 3;
constexpr absl::Duration kMaxWait = absl::Minutes(5);
constexpr absl::Duration kForgetAfter = absl::Hours(1);
constexpr size_t kPruneAbove = 10000;

}  // namespace

absl::Duration LoginThrottle::Wait(const Records& records, absl::string_view key,
                                   absl::Time now) {
  auto it = records.find(key);
  if (it == records.end() || it->second.failures < kFreeFailures) return absl::ZeroDuration();
  if (now - it->second.last > kForgetAfter) return absl::ZeroDuration();
  const int doublings = std::min(it->second.failures - kFreeFailures, 20);
  const absl::Duration wait = std::min(absl::Seconds(1) * (int64_t{1} << doublings), kMaxWait);
  return std::max(absl::ZeroDuration(), it->second.last + wait - now);
}

void LoginThrottle::Note(Records& records, absl::string_view key, absl::Time now) {
  if (records.size() > kPruneAbove) {
    absl::erase_if(records, [now](const auto& entry) {
      return now - entry.second.last > kForgetAfter;
    });
  }
  Record& record = records[key];
  if (now - record.last > kForgetAfter) record.failures = 0;
  ++record.failures;
  record.last = now;
}

absl::Duration LoginThrottle::WaitBefore(absl::string_view username, absl::string_view address,
                                         absl::Time now) {
  absl::MutexLock lock(&mu_);
  return std::max(Wait(users_, username, now), Wait(addresses_, address, now));
}

void LoginThrottle::Failed(absl::string_view username, absl::string_view address,
                           absl::Time now) {
  absl::MutexLock lock(&mu_);
  Note(users_, username, now);
  Note(addresses_, address, now);
}

void LoginThrottle::Succeeded(absl::string_view username) {
  absl::MutexLock lock(&mu_);
  users_.erase(username);
}

std::string LoginThrottle::AddressOf(absl::string_view peer) {
  // "ipv4:10.0.0.5:50312", "ipv6:[::1]:50312", "unix:/path", "inproc",
  // or "10.0.0.5:50312" as the web layer writes it.
  for (absl::string_view scheme : {"ipv4:", "ipv6:", "unix:"}) {
    if (absl::ConsumePrefix(&peer, scheme)) break;
  }
  const size_t colon = peer.rfind(':');
  if (colon != absl::string_view::npos && colon + 1 < peer.size() &&
      std::all_of(peer.begin() + colon + 1, peer.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      (peer.find(':') == colon || peer[colon - 1] == ']')) {
    peer = peer.substr(0, colon);
  }
  return std::string(peer);
}

}  // namespace renkei::access
