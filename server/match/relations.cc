#include "server/match/relations.h"

#include "server/store/index.h"
#include "server/store/store.h"
#include "server/util/status_macros.h"

namespace renkei::match {
namespace {

// Every record a list request selects (a few hundred at most here).
template <typename T>
absl::Status ListAll(const store::Store& store, store::ListRequest request, std::vector<T>* out) {
  return store::ForEachRecord(store, std::move(request), T::default_instance(),
                              [out](const google::protobuf::Message& record) {
                                out->push_back(static_cast<const T&>(record));
                                return absl::OkStatus();
                              });
}

}  // namespace

absl::StatusOr<const v1::Organization*> Relations::Organization(const std::string& name) {
  auto it = organizations_.find(name);
  if (it == organizations_.end()) {
    auto record = std::make_unique<v1::Organization>();
    RENKEI_RETURN_IF_ERROR(store_.Get(name, record.get()));
    it = organizations_.emplace(name, std::move(record)).first;
  }
  return it->second.get();
}

absl::StatusOr<const v1::Person*> Relations::Person(const std::string& name) {
  auto it = people_.find(name);
  if (it == people_.end()) {
    auto record = std::make_unique<v1::Person>();
    RENKEI_RETURN_IF_ERROR(store_.Get(name, record.get()));
    it = people_.emplace(name, std::move(record)).first;
  }
  return it->second.get();
}

absl::StatusOr<const std::map<std::string, std::string>*> Relations::Networks(
    const std::string& organization) {
  auto it = networks_.find(organization);
  if (it != networks_.end()) return &it->second;
  RENKEI_ASSIGN_OR_RETURN(ResourceName name, ParseResourceName(organization, Kind::kOrganization));
  std::map<std::string, std::string> networks;
  store::ListRequest memberships;
  memberships.kind = Kind::kMembership;
  memberships.terms = {store::CurrentMembershipsOfOrganization(name.id)};
  std::vector<v1::Membership> member_of;
  RENKEI_RETURN_IF_ERROR(ListAll(store_, memberships, &member_of));
  std::vector<std::string> network_names;
  for (const v1::Membership& m : member_of) {
    network_names.push_back(m.name().substr(0, m.name().find("/memberships/")));
  }
  store::ListRequest secretariat;
  secretariat.kind = Kind::kNetwork;
  secretariat.terms = {store::NetworksWithSecretariat(name.id)};
  std::vector<v1::Network> runs;
  RENKEI_RETURN_IF_ERROR(ListAll(store_, secretariat, &runs));
  for (const v1::Network& n : runs) networks[n.name()] = n.display_name();
  for (const std::string& network : network_names) {
    if (networks.contains(network)) continue;
    v1::Network record;
    absl::Status status = store_.Get(network, &record);
    if (status.ok()) networks[network] = record.display_name();
  }
  return &networks_.emplace(organization, std::move(networks)).first->second;
}

absl::StatusOr<const std::vector<v1::Collaboration>*> Relations::Collaborations(
    const std::string& organization) {
  auto it = collaborations_.find(organization);
  if (it != collaborations_.end()) return &it->second;
  RENKEI_ASSIGN_OR_RETURN(ResourceName name, ParseResourceName(organization, Kind::kOrganization));
  store::ListRequest request;
  request.kind = Kind::kCollaboration;
  request.terms = {store::CollaborationsOfOrganization(name.id)};
  std::vector<v1::Collaboration> list;
  RENKEI_RETURN_IF_ERROR(ListAll(store_, request, &list));
  return &collaborations_.emplace(organization, std::move(list)).first->second;
}

absl::StatusOr<const std::vector<v1::Feedback>*> Relations::FeedbackOn(
    const std::string& suggestion) {
  auto it = feedback_.find(suggestion);
  if (it != feedback_.end()) return &it->second;
  RENKEI_ASSIGN_OR_RETURN(ResourceName name, ParseResourceName(suggestion));
  store::ListRequest request;
  request.kind = Kind::kFeedback;
  request.terms = {store::FeedbackOn(name)};
  std::vector<v1::Feedback> list;
  RENKEI_RETURN_IF_ERROR(ListAll(store_, request, &list));
  return &feedback_.emplace(suggestion, std::move(list)).first->second;
}

}  // namespace renkei::match
