// Who is calling: the identity the gate (server/service/gate.h) found for a
// call, handed to the rules (rules.h) and, as an Actor, to the store.
#ifndef RENKEI_SERVER_ACCESS_CALLER_H_
#define RENKEI_SERVER_ACCESS_CALLER_H_

#include <algorithm>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "server/access/roles.h"
#include "server/store/actor.h"

namespace renkei::access {

struct Caller {
  Role role = Role::kAnonymous;
  std::string user;  // `users/{id}`; "system" for the server itself; empty when anonymous
  std::string username;
  std::string display_name;
  // `organizations/{id}` a company user acts for, sorted.
  std::vector<std::string> organizations;
  std::string token;  // `tokens/{id}` of the credential used
  absl::Time expire_time = absl::InfiniteFuture();
  // How the call came in (grpc, web, json, import, system) and from where.
  std::string interface = "grpc";
  std::string peer;

  bool is_anonymous() const { return role == Role::kAnonymous; }
  // Administrators and coordinators see and change every record.
  bool is_staff() const { return role == Role::kAdmin || role == Role::kCoordinator; }
  // Whether a company user acts for `organization` (`organizations/{id}`).
  bool ActsFor(const std::string& organization) const {
    return std::binary_search(organizations.begin(), organizations.end(), organization);
  }
  store::Actor ToActor() const { return store::Actor{user, username, interface, peer}; }

  // The server itself (demo data, the first administrator).
  static Caller System() {
    Caller caller;
    caller.role = Role::kAdmin;
    caller.user = "system";
    caller.interface = "system";
    return caller;
  }
};

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_CALLER_H_
