#include "server/names/resource_name.h"

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/util/quote.h"

namespace renkei {
namespace {

struct KindInfo {
  Kind kind;
  absl::string_view collection;
  absl::string_view noun;
};

constexpr KindInfo kKinds[] = {
    {Kind::kOrganization, "organizations", "organization"},
    {Kind::kPerson, "people", "person"},
    {Kind::kSeed, "seeds", "seed"},
    {Kind::kNeed, "needs", "need"},
    {Kind::kCollaboration, "collaborations", "collaboration"},
    {Kind::kNetwork, "networks", "network"},
    {Kind::kMembership, "memberships", "membership"},
    {Kind::kFeedback, "feedback", "feedback"},
    {Kind::kUser, "users", "user"},
    {Kind::kToken, "tokens", "token"},
};

const KindInfo& InfoOf(Kind kind) {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind) return info;
  }
  return kKinds[0];  // unreachable for valid kinds
}

// Parses a canonical positive decimal id: no sign, no leading zero.
std::optional<uint64_t> ParseId(absl::string_view text) {
  if (text.empty() || text.size() > 19 || text[0] == '0') return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  uint64_t id;
  if (!absl::SimpleAtoi(text, &id) || id > (uint64_t{1} << 62)) {
    return std::nullopt;
  }
  return id;
}

absl::Status Malformed(absl::string_view name, absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat(Quote(name), " is not a resource name: ", why));
}

}  // namespace

absl::string_view CollectionOf(Kind kind) { return InfoOf(kind).collection; }
absl::string_view NounOf(Kind kind) { return InfoOf(kind).noun; }

std::optional<Kind> KindOfCollection(absl::string_view collection) {
  for (const KindInfo& info : kKinds) {
    if (info.collection == collection) return info.kind;
  }
  return std::nullopt;
}

std::string ResourceName::ToString() const {
  if (kind == Kind::kMembership) return MembershipName(id, member_id);
  return absl::StrCat(CollectionOf(kind), "/", id);
}

absl::StatusOr<ResourceName> ParseResourceName(absl::string_view name) {
  if (name.empty()) return Malformed(name, "it is empty");
  std::vector<absl::string_view> parts = absl::StrSplit(name, '/');
  if (parts.size() == 2) {
    std::optional<Kind> kind = KindOfCollection(parts[0]);
    if (!kind.has_value() || *kind == Kind::kMembership) {
      return Malformed(name, "unknown collection");
    }
    std::optional<uint64_t> id = ParseId(parts[1]);
    if (!id.has_value()) return Malformed(name, "the id is not a positive number");
    return ResourceName{*kind, *id, 0};
  }
  if (parts.size() == 4 && parts[0] == "networks" && parts[2] == "memberships") {
    std::optional<uint64_t> network = ParseId(parts[1]);
    std::optional<uint64_t> organization = ParseId(parts[3]);
    if (!network.has_value() || !organization.has_value()) {
      return Malformed(name, "the ids are not positive numbers");
    }
    return ResourceName{Kind::kMembership, *network, *organization};
  }
  return Malformed(name, "expected collection/id, e.g. organizations/12");
}

absl::StatusOr<ResourceName> ParseResourceName(absl::string_view name,
                                               Kind kind) {
  absl::StatusOr<ResourceName> parsed = ParseResourceName(name);
  if (parsed.ok() && parsed->kind != kind) {
    return absl::InvalidArgumentError(absl::StrCat(
        Quote(name), " does not name ", NounOf(kind) == "organization" ? "an " : "a ",
        NounOf(kind), " (expected ", CollectionOf(kind), "/{id})"));
  }
  if (!parsed.ok() && kind == Kind::kMembership) {
    return absl::InvalidArgumentError(absl::StrCat(
        Quote(name),
        " is not a membership name (expected networks/{id}/memberships/{organization id})"));
  }
  return parsed;
}

std::string OrganizationName(uint64_t id) {
  return absl::StrCat("organizations/", id);
}
std::string NetworkName(uint64_t id) { return absl::StrCat("networks/", id); }
std::string MembershipName(uint64_t network_id, uint64_t organization_id) {
  return absl::StrCat("networks/", network_id, "/memberships/", organization_id);
}

}  // namespace renkei
