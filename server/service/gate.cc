#include "server/service/gate.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/access/audit.h"
#include "server/access/authenticator.h"
#include "server/access/credentials.h"
#include "server/access/policy.h"
#include "server/access/rules.h"
#include "server/service/grpc_status.h"
#include "server/util/caller_note.h"

namespace renkei::service {
namespace {

// The value of metadata `key`, or empty.
std::string MetadataValue(const grpc::ServerContext& context, absl::string_view key) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find(grpc::string_ref(key.data(), key.size()));
  if (it == metadata.end()) return "";
  return std::string(it->second.data(), it->second.size());
}

// Constant-time comparison: how long it takes does not tell how much of a
// guessed secret was right.
bool SameSecret(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

}  // namespace

grpc::Status Call::Deny(const absl::Status& denial, absl::string_view record) const {
  gate->audit().Record("permission_denied", caller, method, record, denial.message());
  return ToGrpcStatus(denial);
}

Gate::Gate(const access::Authenticator* authenticator, access::AuditTrail* audit,
           bool public_catalogue)
    : authenticator_(*authenticator),
      audit_(*audit),
      public_catalogue_(public_catalogue),
      proxy_secret_(access::NewTokenSecret()) {}

renkei::Metadata Gate::ProxyMetadata() const { return {{"x-renkei-proxy", proxy_secret_}}; }

absl::StatusOr<access::Caller> Gate::Identify(const grpc::ServerContext& context) const {
  access::Caller anonymous;
  anonymous.peer = context.peer();
  if (SameSecret(MetadataValue(context, "x-renkei-proxy"), proxy_secret_)) {
    const std::string interface = MetadataValue(context, "x-renkei-interface");
    const std::string peer = MetadataValue(context, "x-renkei-peer");
    anonymous.interface = interface.empty() ? "system" : interface;
    if (!peer.empty()) anonymous.peer = peer;
  }
  const std::string authorization = MetadataValue(context, "authorization");
  if (authorization.empty()) return anonymous;
  absl::string_view secret = authorization;
  if (!absl::StartsWithIgnoreCase(secret, "bearer ")) {
    audit_.Record("unauthenticated", anonymous, "", "", "authorization is not a bearer token");
    return absl::UnauthenticatedError(
        "the authorization metadata must be \"Bearer <token>\"");
  }
  secret = absl::StripAsciiWhitespace(secret.substr(7));
  absl::StatusOr<access::Caller> caller = authenticator_.Authenticate(secret, absl::Now());
  if (!caller.ok()) {
    audit_.Record("unauthenticated", anonymous, "", "", caller.status().message());
    return caller.status();
  }
  caller->interface = anonymous.interface;
  caller->peer = anonymous.peer;
  return caller;
}

absl::StatusOr<Call> Gate::Admit(const grpc::ServerContext& context,
                                 absl::string_view method) const {
  absl::StatusOr<access::Caller> caller = Identify(context);
  if (!caller.ok()) return caller.status();
  std::optional<access::Rule> rule = access::RuleFor(method);
  NoteCaller({caller->username.empty() ? caller->user : caller->username, caller->interface,
              caller->peer});
  Call call{std::move(*caller), std::string(method), this};
  if (!rule.has_value()) {
    audit_.Record("permission_denied", call.caller, method, "", "no access rule");
    return absl::PermissionDeniedError(absl::StrCat(method, " has no access rule"));
  }
  if (rule->open || access::Grants(call.caller.role, rule->permission, public_catalogue_)) {
    return call;
  }
  if (call.caller.is_anonymous()) {
    audit_.Record("unauthenticated", call.caller, method, "", "no credential");
    return absl::UnauthenticatedError(absl::StrCat(
        "sign in first: ", method, " needs permission ",
        access::PermissionName(rule->permission),
        " (give a token: authorization: Bearer <token>, renkei --token-file or renkei login)"));
  }
  const absl::Status denied = access::Denied(call.caller, rule->permission);
  audit_.Record("permission_denied", call.caller, method, "", denied.message());
  return denied;
}

}  // namespace renkei::service
