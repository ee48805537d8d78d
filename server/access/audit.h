// The audit trail: every change (the change log, which records who made it,
// through which interface and from where) and every security event (logins,
// failed logins, token creation and revocation, permission denials), read
// together in time order by administrators (`renkei audit`). Thread-safe;
// `store` must outlive the trail.
#ifndef RENKEI_SERVER_ACCESS_AUDIT_H_
#define RENKEI_SERVER_ACCESS_AUDIT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/access/caller.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::v1 {
class ListAuditEventsRequest;
class ListAuditEventsResponse;
}  // namespace renkei::v1

namespace renkei::access {

class AuditTrail {
 public:
  explicit AuditTrail(store::Store* store);

  // Records a security event. A failure to write it is logged, not
  // returned: the call it is about is answered either way.
  void Record(absl::string_view event, const Caller& caller, absl::string_view method,
              absl::string_view record, absl::string_view detail);

  // One page of the trail, oldest first, filtered as the request asks. The
  // request's `user` must already be a `users/{id}` name (or empty).
  absl::StatusOr<v1::ListAuditEventsResponse> List(
      const v1::ListAuditEventsRequest& request) const;

 private:
  store::Store& store_;
};

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_AUDIT_H_
