// Which records a caller may see, which parts of them, and which it may
// change: the rules within a permission (roles.h), per record kind
// (docs/access.md). Every path that hands records out (Get, List, Search,
// Suggest, the change feed, the JSON API and pages over them) filters
// through MayRead and Redact; every write passes CheckWrite. Thread-safe.
#ifndef RENKEI_SERVER_ACCESS_RULES_H_
#define RENKEI_SERVER_ACCESS_RULES_H_

#include "absl/status/status.h"
#include "server/access/caller.h"
#include "server/names/resource_name.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::access {

// Whether `caller` may see every record of `kind` (then no record need be
// read to filter a list of them).
bool SeesAll(const Caller& caller, Kind kind);

// Whether `caller` may see `record` (one of the record messages) at all.
bool MayRead(const Caller& caller, const google::protobuf::Message& record);

// Clears the parts of a record `caller` may see that it may not: a person's
// contact details, secrets.
void Redact(const Caller& caller, google::protobuf::Message* record);

// Whether `caller` may make the write that turns `before` into `after`
// (`before` null: a create; `after` null: a delete), within the permission
// its role holds: a company only writes its own organizations, their people
// and their needs. PERMISSION_DENIED saying why.
absl::Status CheckWrite(const Caller& caller, const google::protobuf::Message* before,
                        const google::protobuf::Message* after);

// The PERMISSION_DENIED status for `caller` lacking `permission`.
absl::Status Denied(const Caller& caller, Permission permission, absl::string_view why = "");

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_RULES_H_
