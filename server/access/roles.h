// Roles and the permissions each holds: the role table of docs/access.md.
// Which permission each RPC needs is policy.h; which records a caller may
// see and change within a permission is rules.h. Thread-safe.
#ifndef RENKEI_SERVER_ACCESS_ROLES_H_
#define RENKEI_SERVER_ACCESS_ROLES_H_

#include <optional>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::access {

// The values of renkei.v1.Role, plus the caller without a credential.
enum class Role {
  kAnonymous = 0,
  kAdmin = 1,
  kCoordinator = 2,
  kImporter = 3,
  kCompany = 4,
  kReader = 5,
};

enum class Permission {
  kOrganizationsRead,
  kOrganizationsWrite,  // a company: its own organizations only (rules.h)
  kOrganizationsDelete,
  kPeopleRead,
  kPeopleWrite,  // a company: people of its own organizations
  kPeopleDelete,
  kSeedsRead,
  kSeedsWrite,
  kNeedsRead,
  kNeedsWrite,  // a company: its own needs
  kCollaborationsRead,
  kCollaborationsWrite,
  kNetworksRead,  // networks and memberships
  kNetworksWrite,
  kChangesWatch,
  kIndicatorsRead,
  kMatchSeeds,      // seeds for a need (a company: its own) or a problem
  kMatchCompanies,  // companies for a seed
  kMatchPartners,   // partners of an organization (a company: its own)
  kFeedbackRead,
  kFeedbackWrite,
  kThesaurusReload,
  kImport,
  kServerInfo,
  kServerMetrics,  // GET /metrics, GetMetrics
  kBackup,         // back the database up
  kSelf,   // who am I, sign out, change one's own password
  kUsers,  // users and tokens
  kAudit,
};

// "needs.read" …: how denials and docs/access.md name a permission.
absl::string_view PermissionName(Permission permission);
absl::string_view RoleName(Role role);  // "coordinator", "anonymous" …
// The role of a renkei.v1.Role value; nullopt for UNSPECIFIED or unknown.
std::optional<Role> RoleOfProto(int value);

// Whether `role` holds `permission`. Anonymous callers hold the catalogue's
// read permissions only when the server opens it (`public_catalogue`).
bool Grants(Role role, Permission permission, bool public_catalogue);

// Every permission, in declaration order.
std::vector<Permission> AllPermissions();

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_ROLES_H_
