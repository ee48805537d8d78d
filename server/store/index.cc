#include "server/store/index.h"

#include "absl/strings/str_cat.h"
#include "server/store/internal/keys.h"
#include "server/text/normalize.h"

namespace renkei::store {

using internal::IdValue;
using internal::IndexId;
using internal::IndexPrefix;

namespace {

IndexTerm Term(Kind kind, IndexId index, absl::string_view value) {
  return IndexTerm{IndexPrefix(kind, index, value), false};
}
IndexTerm TextTerm(Kind kind, IndexId index, absl::string_view text) {
  return Term(kind, index, text::NormalizeText(text));
}
IndexTerm IdTerm(Kind kind, IndexId index, uint64_t id) {
  return Term(kind, index, IdValue(id));
}
IndexTerm NumberTerm(Kind kind, IndexId index, int number) {
  return Term(kind, index, absl::StrCat(number));
}

}  // namespace

IndexTerm OrganizationsOfKind(int kind) {
  return NumberTerm(Kind::kOrganization, IndexId::kOrgKind, kind);
}
IndexTerm OrganizationsInPrefecture(absl::string_view prefecture) {
  return TextTerm(Kind::kOrganization, IndexId::kOrgPrefecture, prefecture);
}
IndexTerm OrganizationsInCity(absl::string_view city) {
  return TextTerm(Kind::kOrganization, IndexId::kOrgCity, city);
}
IndexTerm OrganizationsInDistrict(absl::string_view district) {
  return TextTerm(Kind::kOrganization, IndexId::kOrgDistrict, district);
}
IndexTerm OrganizationsWithJsic(absl::string_view code) {
  return Term(Kind::kOrganization, IndexId::kOrgJsic, code);
}
IndexTerm OrganizationsCertified(absl::string_view certification) {
  return Term(Kind::kOrganization, IndexId::kOrgCertification,
              CertificationKey(certification));
}
IndexTerm CurrentMembersOf(uint64_t network_id) {
  return IdTerm(Kind::kOrganization, IndexId::kOrgCurrentNetwork, network_id);
}

IndexTerm PeopleOf(uint64_t organization_id) {
  return IdTerm(Kind::kPerson, IndexId::kPersonOrganization, organization_id);
}
IndexTerm PeopleWithRole(int role) {
  return NumberTerm(Kind::kPerson, IndexId::kPersonRole, role);
}
IndexTerm PeopleInDepartment(absl::string_view department) {
  return TextTerm(Kind::kPerson, IndexId::kPersonDepartment, department);
}

IndexTerm SeedsOf(uint64_t institution_id) {
  return IdTerm(Kind::kSeed, IndexId::kSeedInstitution, institution_id);
}
IndexTerm SeedsOfResearcher(uint64_t person_id) {
  return IdTerm(Kind::kSeed, IndexId::kSeedResearcher, person_id);
}
IndexTerm SeedsInField(absl::string_view field) {
  return TextTerm(Kind::kSeed, IndexId::kSeedField, field);
}
IndexTerm SeedsWithKeyword(absl::string_view keyword) {
  return TextTerm(Kind::kSeed, IndexId::kSeedKeyword, keyword);
}

IndexTerm NeedsOf(uint64_t company_id) {
  return IdTerm(Kind::kNeed, IndexId::kNeedCompany, company_id);
}
IndexTerm NeedsWithStatus(int status) {
  return NumberTerm(Kind::kNeed, IndexId::kNeedStatus, status);
}
IndexTerm NeedsWithVisibility(int visibility) {
  return NumberTerm(Kind::kNeed, IndexId::kNeedVisibility, visibility);
}

IndexTerm CollaborationsOfType(int type) {
  return NumberTerm(Kind::kCollaboration, IndexId::kCollabType, type);
}
IndexTerm CollaborationsInFiscalYear(int fiscal_year) {
  return NumberTerm(Kind::kCollaboration, IndexId::kCollabFiscalYear, fiscal_year);
}
IndexTerm CollaborationsOfOrganization(uint64_t organization_id) {
  return IdTerm(Kind::kCollaboration, IndexId::kCollabOrganization,
                organization_id);
}
IndexTerm CollaborationsOfPerson(uint64_t person_id) {
  return IdTerm(Kind::kCollaboration, IndexId::kCollabPerson, person_id);
}
IndexTerm CollaborationsFromSeed(uint64_t seed_id) {
  return IdTerm(Kind::kCollaboration, IndexId::kCollabSeed, seed_id);
}
IndexTerm CollaborationsFromNeed(uint64_t need_id) {
  return IdTerm(Kind::kCollaboration, IndexId::kCollabNeed, need_id);
}

IndexTerm NetworksWithSecretariat(uint64_t organization_id) {
  return IdTerm(Kind::kNetwork, IndexId::kNetworkSecretariat, organization_id);
}

IndexTerm FeedbackOn(const ResourceName& suggestion) {
  return Term(Kind::kFeedback, IndexId::kFeedbackSuggestion, internal::RecordKey(suggestion));
}
IndexTerm FeedbackForNeed(uint64_t need_id) {
  return IdTerm(Kind::kFeedback, IndexId::kFeedbackNeed, need_id);
}

IndexTerm UsersWithRole(int role) {
  return Term(Kind::kUser, IndexId::kUserRole, absl::StrCat(role));
}
IndexTerm UsersOf(uint64_t organization_id) {
  return IdTerm(Kind::kUser, IndexId::kUserOrganization, organization_id);
}
IndexTerm TokensOf(uint64_t user_id) {
  return IdTerm(Kind::kToken, IndexId::kTokenUser, user_id);
}

IndexTerm MembershipsOfNetwork(uint64_t network_id) {
  return IndexTerm{internal::MembershipNetworkPrefix(network_id), true};
}
IndexTerm CurrentMembershipsOfNetwork(uint64_t network_id) {
  return IdTerm(Kind::kMembership, IndexId::kMembershipCurrentByNetwork,
                network_id);
}
IndexTerm MembershipsOfOrganization(uint64_t organization_id) {
  return IdTerm(Kind::kMembership, IndexId::kMembershipByOrganization,
                organization_id);
}
IndexTerm CurrentMembershipsOfOrganization(uint64_t organization_id) {
  return IdTerm(Kind::kMembership, IndexId::kMembershipCurrentByOrganization,
                organization_id);
}

UniqueKey CorporateNumberKey(absl::string_view corporate_number) {
  return UniqueKey{internal::UniqueKey(Kind::kOrganization,
                                       internal::UniqueId::kCorporateNumber,
                                       corporate_number)};
}
UniqueKey ExternalIdKey(Kind kind, absl::string_view source,
                        absl::string_view value) {
  return UniqueKey{internal::UniqueKey(kind, internal::UniqueId::kExternalId,
                                       internal::ExternalIdValue(source, value))};
}
UniqueKey UsernameKey(absl::string_view username) {
  return UniqueKey{internal::UniqueKey(Kind::kUser, internal::UniqueId::kUsername, username)};
}
UniqueKey TokenSecretKey(absl::string_view secret_hash) {
  return UniqueKey{
      internal::UniqueKey(Kind::kToken, internal::UniqueId::kTokenSecret, secret_hash)};
}

std::string RecordCounter(Kind kind) {
  return absl::StrCat("records/", CollectionOf(kind));
}
std::string OrganizationKindCounter(int kind) {
  return absl::StrCat("organization_kind/", kind);
}
std::string CompaniesSdgsCounter(int fiscal_year) {
  return absl::StrCat("companies_sdgs/", fiscal_year);
}
std::string CompaniesBcpCounter(int fiscal_year) {
  return absl::StrCat("companies_bcp/", fiscal_year);
}
std::string ProductsDevelopedCounter(int fiscal_year) {
  return absl::StrCat("products_developed/", fiscal_year);
}
std::string TechnologiesDevelopedCounter(int fiscal_year) {
  return absl::StrCat("technologies_developed/", fiscal_year);
}
std::string OutcomesCounter(int outcome_kind, int fiscal_year) {
  return absl::StrCat("outcomes/", outcome_kind, "/", fiscal_year);
}
std::string CurrentMembersCounter(uint64_t network_id) {
  return absl::StrCat("current_members/", network_id);
}

std::string CertificationKey(absl::string_view certification) {
  std::string normalized = text::NormalizeText(certification);
  normalized = normalized.substr(0, normalized.find(':'));
  std::string key;
  for (char c : normalized) {
    if (c != '-' && c != '_' && c != '/') key.push_back(c);
  }
  return key;
}

}  // namespace renkei::store
