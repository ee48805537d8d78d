// Which permission each RPC needs: one table for every method of every
// renkei service, enforced by the one gate every handler passes
// (server/service/gate.h). A method without a row is refused, and the server
// will not start while a service it serves has a method without a row
// (MethodsWithoutRule), so a new RPC cannot skip the rules. Thread-safe.
#ifndef RENKEI_SERVER_ACCESS_POLICY_H_
#define RENKEI_SERVER_ACCESS_POLICY_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "server/access/roles.h"

namespace renkei::access {

struct Rule {
  // What the caller must hold. Ignored when `open`.
  Permission permission = Permission::kSelf;
  // Callable without a credential (signing in).
  bool open = false;
};

// The rule of the method "renkei.v1.NeedService.GetNeed"; nullopt when the
// table has none.
std::optional<Rule> RuleFor(absl::string_view method);

// The full names of the methods of `services` ("renkei.v1.NeedService", as in
// the generated descriptor pool) that have no rule.
std::vector<std::string> MethodsWithoutRule(const std::vector<std::string>& services);

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_POLICY_H_
