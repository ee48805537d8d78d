// What the records say about two sides beyond their text: the networks they
// share, the collaborations they had, where they are, and what coordinators
// said of earlier suggestions. Read through the store's indexes, cached for
// one matching request. Not thread-safe (one per request).
#ifndef RENKEI_SERVER_MATCH_RELATIONS_H_
#define RENKEI_SERVER_MATCH_RELATIONS_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/names/resource_name.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::match {

class Relations {
 public:
  explicit Relations(const store::Store* store) : store_(*store) {}

  // The record, read once per request; NOT_FOUND when gone.
  absl::StatusOr<const v1::Organization*> Organization(const std::string& name);
  absl::StatusOr<const v1::Person*> Person(const std::string& name);

  // Networks the organization belongs to now, or runs as secretariat:
  // network name → display name.
  absl::StatusOr<const std::map<std::string, std::string>*> Networks(const std::string& organization);

  // Collaborations the organization took part in.
  absl::StatusOr<const std::vector<v1::Collaboration>*> Collaborations(const std::string& organization);

  // Coordinators' feedback on a suggested seed or organization.
  absl::StatusOr<const std::vector<v1::Feedback>*> FeedbackOn(const std::string& suggestion);

 private:
  const store::Store& store_;
  std::map<std::string, std::unique_ptr<v1::Organization>> organizations_;
  std::map<std::string, std::unique_ptr<v1::Person>> people_;
  std::map<std::string, std::map<std::string, std::string>> networks_;
  std::map<std::string, std::vector<v1::Collaboration>> collaborations_;
  std::map<std::string, std::vector<v1::Feedback>> feedback_;
};

}  // namespace renkei::match

#endif  // RENKEI_SERVER_MATCH_RELATIONS_H_
