#include "server/access/policy.h"

#include "absl/strings/str_cat.h"
#include "absl/container/flat_hash_map.h"
#include "google/protobuf/descriptor.h"

namespace renkei::access {
namespace {

using P = Permission;

struct Row {
  absl::string_view method;  // without the "renkei.v1." package
  Rule rule;
};

constexpr Rule Needs(Permission permission) { return Rule{permission, false}; }

constexpr Row kRows[] = {
    {"OrganizationService.GetOrganization", Needs(P::kOrganizationsRead)},
    {"OrganizationService.ListOrganizations", Needs(P::kOrganizationsRead)},
    {"OrganizationService.CreateOrganization", Needs(P::kOrganizationsWrite)},
    {"OrganizationService.UpdateOrganization", Needs(P::kOrganizationsWrite)},
    {"OrganizationService.DeleteOrganization", Needs(P::kOrganizationsDelete)},
    {"PersonService.GetPerson", Needs(P::kPeopleRead)},
    {"PersonService.ListPeople", Needs(P::kPeopleRead)},
    {"PersonService.CreatePerson", Needs(P::kPeopleWrite)},
    {"PersonService.UpdatePerson", Needs(P::kPeopleWrite)},
    {"PersonService.DeletePerson", Needs(P::kPeopleDelete)},
    {"SeedService.GetSeed", Needs(P::kSeedsRead)},
    {"SeedService.ListSeeds", Needs(P::kSeedsRead)},
    {"SeedService.CreateSeed", Needs(P::kSeedsWrite)},
    {"SeedService.UpdateSeed", Needs(P::kSeedsWrite)},
    {"SeedService.DeleteSeed", Needs(P::kSeedsWrite)},
    {"NeedService.GetNeed", Needs(P::kNeedsRead)},
    {"NeedService.ListNeeds", Needs(P::kNeedsRead)},
    {"NeedService.CreateNeed", Needs(P::kNeedsWrite)},
    {"NeedService.UpdateNeed", Needs(P::kNeedsWrite)},
    {"NeedService.DeleteNeed", Needs(P::kNeedsWrite)},
    {"CollaborationService.GetCollaboration", Needs(P::kCollaborationsRead)},
    {"CollaborationService.ListCollaborations", Needs(P::kCollaborationsRead)},
    {"CollaborationService.CreateCollaboration", Needs(P::kCollaborationsWrite)},
    {"CollaborationService.UpdateCollaboration", Needs(P::kCollaborationsWrite)},
    {"CollaborationService.DeleteCollaboration", Needs(P::kCollaborationsWrite)},
    {"NetworkService.GetNetwork", Needs(P::kNetworksRead)},
    {"NetworkService.ListNetworks", Needs(P::kNetworksRead)},
    {"NetworkService.CreateNetwork", Needs(P::kNetworksWrite)},
    {"NetworkService.UpdateNetwork", Needs(P::kNetworksWrite)},
    {"NetworkService.DeleteNetwork", Needs(P::kNetworksWrite)},
    {"NetworkService.CreateMembership", Needs(P::kNetworksWrite)},
    {"NetworkService.GetMembership", Needs(P::kNetworksRead)},
    {"NetworkService.ListMemberships", Needs(P::kNetworksRead)},
    {"NetworkService.ListOrganizationMemberships", Needs(P::kNetworksRead)},
    {"NetworkService.UpdateMembership", Needs(P::kNetworksWrite)},
    {"NetworkService.DeleteMembership", Needs(P::kNetworksWrite)},
    {"ChangeService.WatchChanges", Needs(P::kChangesWatch)},
    {"IndicatorService.GetIndicators", Needs(P::kIndicatorsRead)},
    {"SystemService.Ping", Needs(P::kServerInfo)},
    {"SystemService.GetServerInfo", Needs(P::kServerInfo)},
    {"SystemService.Backup", Needs(P::kBackup)},
    {"SystemService.GetMetrics", Needs(P::kServerMetrics)},
    {"SearchService.SearchOrganizations", Needs(P::kOrganizationsRead)},
    {"SearchService.SearchPeople", Needs(P::kPeopleRead)},
    {"SearchService.SearchSeeds", Needs(P::kSeedsRead)},
    {"SearchService.SearchNeeds", Needs(P::kNeedsRead)},
    {"MatchService.SuggestForNeed", Needs(P::kMatchSeeds)},
    {"MatchService.SuggestForText", Needs(P::kMatchSeeds)},
    {"MatchService.SuggestForSeed", Needs(P::kMatchCompanies)},
    {"MatchService.SuggestPartners", Needs(P::kMatchPartners)},
    {"MatchService.RecordFeedback", Needs(P::kFeedbackWrite)},
    {"MatchService.ListFeedback", Needs(P::kFeedbackRead)},
    {"MatchService.UpdateFeedback", Needs(P::kFeedbackWrite)},
    {"MatchService.DeleteFeedback", Needs(P::kFeedbackWrite)},
    {"MatchService.ReloadThesaurus", Needs(P::kThesaurusReload)},
    {"ImportService.Import", Needs(P::kImport)},
    {"ImportService.ImportFile", Needs(P::kImport)},
    {"AccessService.Login", Rule{P::kSelf, true}},
    {"AccessService.Logout", Needs(P::kSelf)},
    {"AccessService.WhoAmI", Needs(P::kSelf)},
    {"AccessService.ChangePassword", Needs(P::kSelf)},
    {"AdminService.CreateUser", Needs(P::kUsers)},
    {"AdminService.GetUser", Needs(P::kUsers)},
    {"AdminService.ListUsers", Needs(P::kUsers)},
    {"AdminService.UpdateUser", Needs(P::kUsers)},
    {"AdminService.SetPassword", Needs(P::kUsers)},
    {"AdminService.CreateToken", Needs(P::kUsers)},
    {"AdminService.ListTokens", Needs(P::kUsers)},
    {"AdminService.RevokeToken", Needs(P::kUsers)},
    {"AdminService.ListAuditEvents", Needs(P::kAudit)},
};

constexpr absl::string_view kPackage = "renkei.v1.";

}  // namespace

std::optional<Rule> RuleFor(absl::string_view method) {
  static const auto* const rules = [] {
    auto* map = new absl::flat_hash_map<std::string, Rule>();
    for (const Row& row : kRows) map->emplace(absl::StrCat(kPackage, row.method), row.rule);
    return map;
  }();
  auto it = rules->find(method);
  if (it == rules->end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MethodsWithoutRule(const std::vector<std::string>& services) {
  std::vector<std::string> missing;
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const std::string& name : services) {
    const google::protobuf::ServiceDescriptor* service = pool->FindServiceByName(name);
    if (service == nullptr) {
      missing.push_back(absl::StrCat(name, " (no such service)"));
      continue;
    }
    for (int m = 0; m < service->method_count(); ++m) {
      const std::string& method = service->method(m)->full_name();
      if (!RuleFor(method).has_value()) missing.push_back(method);
    }
  }
  return missing;
}

}  // namespace renkei::access
