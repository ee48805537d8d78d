// The one gate every RPC handler passes first: who is calling (the bearer
// token in the `authorization` metadata, or nobody), and whether its role
// holds the permission the method needs (server/access/policy.h). A missing
// or bad credential is UNAUTHENTICATED; a role without the permission is
// PERMISSION_DENIED naming it; both are recorded in the audit trail, and
// nothing is written. What a caller may see and change within a permission
// is checked by the record operations through the rules
// (server/access/rules.h), with the Call the gate returns.
//
// The JSON API and the pages call the services over an in-process channel
// whose calls carry ProxyMetadata(), a secret of this process: only such
// calls may say, in the metadata `x-renkei-interface` and `x-renkei-peer`,
// through which interface and from which address their user came. Thread-safe.
#ifndef RENKEI_SERVER_SERVICE_GATE_H_
#define RENKEI_SERVER_SERVICE_GATE_H_

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/access/caller.h"
#include "server/util/call_metadata.h"

namespace renkei::access {
class AuditTrail;
class Authenticator;
}  // namespace renkei::access

namespace renkei::service {

class Gate;

// An admitted call.
struct Call {
  access::Caller caller;
  std::string method;  // "renkei.v1.NeedService.GetNeed"
  const Gate* gate = nullptr;

  // Records `denial` (PERMISSION_DENIED from the rules) about `record` in
  // the audit trail and returns it as the call's status.
  grpc::Status Deny(const absl::Status& denial, absl::string_view record) const;
};

class Gate {
 public:
  // `public_catalogue`: anonymous callers may read the public catalogue.
  Gate(const access::Authenticator* authenticator, access::AuditTrail* audit,
       bool public_catalogue);

  // The call, if its caller may call `method`; else the status to answer.
  absl::StatusOr<Call> Admit(const grpc::ServerContext& context, absl::string_view method) const;

  bool public_catalogue() const { return public_catalogue_; }
  // The metadata that makes the gate take a call's `x-renkei-interface` and
  // `x-renkei-peer`: for the server's own HTTP side only, never sent out.
  renkei::Metadata ProxyMetadata() const;
  access::AuditTrail& audit() const { return audit_; }

 private:
  // The caller the metadata of `context` names (anonymous without a token).
  absl::StatusOr<access::Caller> Identify(const grpc::ServerContext& context) const;

  const access::Authenticator& authenticator_;
  access::AuditTrail& audit_;
  const bool public_catalogue_;
  const std::string proxy_secret_;  // random, for this process only
};

}  // namespace renkei::service

// Declares `call` (a service::Call) for the method "renkei.v1.<method>", or
// returns the gate's refusal from the enclosing handler. Every handler of a
// renkei service starts with it.
#define RENKEI_ADMIT(call, context, method)                                              \
  ::absl::StatusOr<::renkei::service::Call> call##_admitted =                           \
      gate_.Admit(*(context), "renkei.v1." method);                                     \
  if (!call##_admitted.ok()) return ::renkei::service::ToGrpcStatus(call##_admitted.status()); \
  [[maybe_unused]] const ::renkei::service::Call& call = *call##_admitted

#endif  // RENKEI_SERVER_SERVICE_GATE_H_
