// Resource names of renkei records (google.aip.dev/122) and the kinds of
// record they name.
//
//   organizations/{id}  people/{id}  seeds/{id}  needs/{id}
//   collaborations/{id}  networks/{id}  networks/{id}/memberships/{org id}
//   feedback/{id}  users/{id}  tokens/{id}
//
// Ids are positive decimal integers without leading zeros. A membership is
// named by its network and the id of its member organization.
#ifndef RENKEI_SERVER_NAMES_RESOURCE_NAME_H_
#define RENKEI_SERVER_NAMES_RESOURCE_NAME_H_

#include <cstdint>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace renkei {

// The kinds of record. The numeric values are part of the on-disk key format
// (docs/store_format.md): never renumber.
enum class Kind : uint8_t {
  kOrganization = 1,
  kPerson = 2,
  kSeed = 3,
  kNeed = 4,
  kCollaboration = 5,
  kNetwork = 6,
  kMembership = 7,
  kFeedback = 8,
  kUser = 9,   // users and service accounts (access.proto)
  kToken = 10,  // their tokens and login sessions
};
inline constexpr Kind kAllKinds[] = {
    Kind::kOrganization, Kind::kPerson,     Kind::kSeed,     Kind::kNeed,
    Kind::kCollaboration, Kind::kNetwork, Kind::kMembership, Kind::kFeedback,
    Kind::kUser,         Kind::kToken};
// One more than the largest Kind value: the size of an array indexed by kind.
inline constexpr size_t kKindSlots = 11;

// "organizations", "people", … "memberships".
absl::string_view CollectionOf(Kind kind);
std::optional<Kind> KindOfCollection(absl::string_view collection);
// The singular noun used in messages: "organization", "person" …
absl::string_view NounOf(Kind kind);

struct ResourceName {
  Kind kind = Kind::kOrganization;
  uint64_t id = 0;        // for a membership: the network id
  uint64_t member_id = 0;  // for a membership: the organization id, else 0

  std::string ToString() const;
  bool operator==(const ResourceName&) const = default;
};

// Parses any resource name. INVALID_ARGUMENT with a readable reason (no field
// path; callers add it) when malformed.
absl::StatusOr<ResourceName> ParseResourceName(absl::string_view name);
// Parses a name that must be of `kind`.
absl::StatusOr<ResourceName> ParseResourceName(absl::string_view name,
                                               Kind kind);

std::string OrganizationName(uint64_t id);
std::string NetworkName(uint64_t id);
std::string MembershipName(uint64_t network_id, uint64_t organization_id);

}  // namespace renkei

#endif  // RENKEI_SERVER_NAMES_RESOURCE_NAME_H_
