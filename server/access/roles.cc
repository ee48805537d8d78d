#include "server/access/roles.h"

namespace renkei::access {
namespace {

struct PermissionRow {
  Permission permission;
  absl::string_view name;
  // admin, coordinator, importer, company, reader; anonymous with the
  // public catalogue open.
  bool admin, coordinator, importer, company, reader, catalogue;
};

// The role table (docs/access.md shows the same).
constexpr PermissionRow kTable[] = {
    // permission                        name                   adm coo imp com rea cat
    {Permission::kOrganizationsRead, "organizations.read", 1, 1, 1, 1, 1, 1},
    {Permission::kOrganizationsWrite, "organizations.write", 1, 1, 0, 1, 0, 0},
    {Permission::kOrganizationsDelete, "organizations.delete", 1, 1, 0, 0, 0, 0},
    {Permission::kPeopleRead, "people.read", 1, 1, 0, 1, 1, 1},
    {Permission::kPeopleWrite, "people.write", 1, 1, 0, 1, 0, 0},
    {Permission::kPeopleDelete, "people.delete", 1, 1, 0, 1, 0, 0},
    {Permission::kSeedsRead, "seeds.read", 1, 1, 0, 1, 1, 1},
    {Permission::kSeedsWrite, "seeds.write", 1, 1, 0, 0, 0, 0},
    {Permission::kNeedsRead, "needs.read", 1, 1, 0, 1, 1, 0},
    {Permission::kNeedsWrite, "needs.write", 1, 1, 0, 1, 0, 0},
    {Permission::kCollaborationsRead, "collaborations.read", 1, 1, 0, 1, 1, 0},
    {Permission::kCollaborationsWrite, "collaborations.write", 1, 1, 0, 0, 0, 0},
    {Permission::kNetworksRead, "networks.read", 1, 1, 1, 1, 1, 0},
    {Permission::kNetworksWrite, "networks.write", 1, 1, 0, 0, 0, 0},
    {Permission::kChangesWatch, "changes.watch", 1, 1, 0, 1, 1, 0},
    {Permission::kIndicatorsRead, "indicators.read", 1, 1, 0, 0, 1, 0},
    {Permission::kMatchSeeds, "match.seeds", 1, 1, 0, 1, 1, 0},
    {Permission::kMatchCompanies, "match.companies", 1, 1, 0, 0, 1, 0},
    {Permission::kMatchPartners, "match.partners", 1, 1, 0, 1, 1, 0},
    {Permission::kFeedbackRead, "feedback.read", 1, 1, 0, 0, 0, 0},
    {Permission::kFeedbackWrite, "feedback.write", 1, 1, 0, 0, 0, 0},
    {Permission::kThesaurusReload, "thesaurus.reload", 1, 1, 0, 0, 0, 0},
    {Permission::kImport, "import", 1, 1, 1, 0, 0, 0},
    {Permission::kServerInfo, "server.info", 1, 1, 1, 1, 1, 0},
    {Permission::kServerMetrics, "server.metrics", 1, 0, 0, 0, 1, 0},
    {Permission::kBackup, "server.backup", 1, 0, 0, 0, 0, 0},
    {Permission::kSelf, "self", 1, 1, 1, 1, 1, 0},
    {Permission::kUsers, "users.admin", 1, 0, 0, 0, 0, 0},
    {Permission::kAudit, "audit.read", 1, 0, 0, 0, 0, 0},
};

const PermissionRow& RowOf(Permission permission) {
  for (const PermissionRow& row : kTable) {
    if (row.permission == permission) return row;
  }
  return kTable[0];  // unreachable: every permission has a row
}

}  // namespace

absl::string_view PermissionName(Permission permission) { return RowOf(permission).name; }

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAnonymous: return "anonymous";
    case Role::kAdmin: return "admin";
    case Role::kCoordinator: return "coordinator";
    case Role::kImporter: return "importer";
    case Role::kCompany: return "company";
    case Role::kReader: return "reader";
  }
  return "anonymous";
}

std::optional<Role> RoleOfProto(int value) {
  if (value < 1 || value > 5) return std::nullopt;
  return static_cast<Role>(value);
}

bool Grants(Role role, Permission permission, bool public_catalogue) {
  const PermissionRow& row = RowOf(permission);
  switch (role) {
    case Role::kAdmin: return row.admin;
    case Role::kCoordinator: return row.coordinator;
    case Role::kImporter: return row.importer;
    case Role::kCompany: return row.company;
    case Role::kReader: return row.reader;
    case Role::kAnonymous: return public_catalogue && row.catalogue;
  }
  return false;
}

std::vector<Permission> AllPermissions() {
  std::vector<Permission> all;
  for (const PermissionRow& row : kTable) all.push_back(row.permission);
  return all;
}

}  // namespace renkei::access
