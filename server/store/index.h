// The vocabulary of the store's secondary indexes, unique keys and counters,
// for callers that build List filters and look records up. The store writes
// every entry itself, in the same WriteBatch as the record (schema.cc);
// these functions only name them. Text values are normalized here
// (server/text) exactly as when written, so callers pass text as users type it.
#ifndef RENKEI_SERVER_STORE_INDEX_H_
#define RENKEI_SERVER_STORE_INDEX_H_

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"

#include "server/names/resource_name.h"

namespace renkei::store {

// One List filter: the records that an index lists under one value, in record
// key (id) order. Build with the functions below.
struct IndexTerm {
  std::string prefix;       // key prefix in its column family
  bool in_records = false;  // a prefix of the records family itself
};

IndexTerm OrganizationsOfKind(int kind);
IndexTerm OrganizationsInPrefecture(absl::string_view prefecture);
IndexTerm OrganizationsInCity(absl::string_view city);
IndexTerm OrganizationsInDistrict(absl::string_view district);
// Organizations with `code` or a code below it (2 to 4 digits).
IndexTerm OrganizationsWithJsic(absl::string_view code);
IndexTerm OrganizationsCertified(absl::string_view certification);
// Organizations with a membership of the network that has no end date.
IndexTerm CurrentMembersOf(uint64_t network_id);

IndexTerm PeopleOf(uint64_t organization_id);
IndexTerm PeopleWithRole(int role);
IndexTerm PeopleInDepartment(absl::string_view department);

IndexTerm SeedsOf(uint64_t institution_id);
IndexTerm SeedsOfResearcher(uint64_t person_id);
IndexTerm SeedsInField(absl::string_view field);
IndexTerm SeedsWithKeyword(absl::string_view keyword);

IndexTerm NeedsOf(uint64_t company_id);
IndexTerm NeedsWithStatus(int status);
IndexTerm NeedsWithVisibility(int visibility);

IndexTerm CollaborationsOfType(int type);
IndexTerm CollaborationsInFiscalYear(int fiscal_year);
IndexTerm CollaborationsOfOrganization(uint64_t organization_id);
IndexTerm CollaborationsOfPerson(uint64_t person_id);
IndexTerm CollaborationsFromSeed(uint64_t seed_id);
IndexTerm CollaborationsFromNeed(uint64_t need_id);

IndexTerm NetworksWithSecretariat(uint64_t organization_id);

IndexTerm FeedbackOn(const ResourceName& suggestion);
IndexTerm FeedbackForNeed(uint64_t need_id);

IndexTerm UsersWithRole(int role);
IndexTerm UsersOf(uint64_t organization_id);  // acting for the organization
IndexTerm TokensOf(uint64_t user_id);

IndexTerm MembershipsOfNetwork(uint64_t network_id);
IndexTerm CurrentMembershipsOfNetwork(uint64_t network_id);
IndexTerm MembershipsOfOrganization(uint64_t organization_id);
IndexTerm CurrentMembershipsOfOrganization(uint64_t organization_id);

// A key that at most one record of its kind holds.
struct UniqueKey {
  std::string key;
};
UniqueKey CorporateNumberKey(absl::string_view corporate_number);
UniqueKey ExternalIdKey(Kind kind, absl::string_view source,
                        absl::string_view value);
UniqueKey UsernameKey(absl::string_view username);
// `secret_hash`: the hex SHA-256 of a token.
UniqueKey TokenSecretKey(absl::string_view secret_hash);

// Counters the store keeps up to date in every write.
std::string RecordCounter(Kind kind);
std::string OrganizationKindCounter(int kind);
// Companies whose SDGs declaration / established BCP dates from the 年度
// (0: declared or established without a date).
std::string CompaniesSdgsCounter(int fiscal_year);
std::string CompaniesBcpCounter(int fiscal_year);
// Products / technologies of organizations developed in the 年度.
std::string ProductsDevelopedCounter(int fiscal_year);
std::string TechnologiesDevelopedCounter(int fiscal_year);
// Collaboration outcomes of a kind (renkei.v1.OutcomeKind) achieved in the 年度.
std::string OutcomesCounter(int outcome_kind, int fiscal_year);
std::string CurrentMembersCounter(uint64_t network_id);

// The normalized form certifications are indexed by: "ＩＳＯ 9001:2015" and
// "ISO9001" both give "iso9001".
std::string CertificationKey(absl::string_view certification);

}  // namespace renkei::store

#endif  // RENKEI_SERVER_STORE_INDEX_H_
