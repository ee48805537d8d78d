// Who makes a write to the store: kept in each change-log entry it commits,
// which makes the change log the audit trail of changes (docs/access.md).
#ifndef RENKEI_SERVER_STORE_ACTOR_H_
#define RENKEI_SERVER_STORE_ACTOR_H_

#include <string>

namespace renkei::store {

struct Actor {
  std::string principal;  // `users/{id}`, "system", or empty (anonymous)
  std::string username;
  std::string interface;  // grpc, web, json, import, system
  std::string peer;       // the caller's address

  // The server itself: demo data, migrations, tools and tests.
  static Actor System() { return Actor{"system", "", "system", ""}; }
};

}  // namespace renkei::store

#endif  // RENKEI_SERVER_STORE_ACTOR_H_
