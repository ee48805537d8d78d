// Slows failed logins, per user name and per address: after 3 failures in a
// row, each further attempt must wait 1 s, then 2 s, 4 s … up to 5 minutes
// since the last failure; an attempt made earlier is refused without
// checking the password. A user's record is cleared by a successful login;
// an address's only by time (an hour without failures). Memory stays bounded
// (records older than an hour are dropped when there are many). Thread-safe.
#ifndef RENKEI_SERVER_ACCESS_THROTTLE_H_
#define RENKEI_SERVER_ACCESS_THROTTLE_H_

#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace renkei::access {

class LoginThrottle {
 public:
  // How long an attempt for `username` from `address` must still wait
  // (zero: it may be made now).
  absl::Duration WaitBefore(absl::string_view username, absl::string_view address,
                            absl::Time now);
  void Failed(absl::string_view username, absl::string_view address, absl::Time now);
  void Succeeded(absl::string_view username);

  // The address part of a gRPC peer ("ipv4:10.0.0.5:50312" → "10.0.0.5").
  static std::string AddressOf(absl::string_view peer);

 private:
  struct Record {
    int failures = 0;
    absl::Time last;
  };
  using Records = absl::flat_hash_map<std::string, Record>;

  static absl::Duration Wait(const Records& records, absl::string_view key, absl::Time now);
  static void Note(Records& records, absl::string_view key, absl::Time now);

  absl::Mutex mu_;
  Records users_ ABSL_GUARDED_BY(mu_);
  Records addresses_ ABSL_GUARDED_BY(mu_);
};

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_THROTTLE_H_
