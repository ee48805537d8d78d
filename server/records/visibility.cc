#include "server/records/visibility.h"

#include "renkei/v1/need.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"

namespace renkei::records {
namespace {

v1::Visibility Or(v1::Visibility set, v1::Visibility fallback) {
  return set == v1::VISIBILITY_UNSPECIFIED ? fallback : set;
}

v1::Visibility DefaultProfile(const v1::Person& person) {
  return person.role() == v1::PERSON_ROLE_RESEARCHER ||
                 person.role() == v1::PERSON_ROLE_COORDINATOR
             ? v1::VISIBILITY_PUBLIC
             : v1::VISIBILITY_COORDINATORS;
}

}  // namespace

bool IsPublic(const v1::Need& need) {
  return Or(need.visibility(), v1::VISIBILITY_COORDINATORS) == v1::VISIBILITY_PUBLIC;
}

bool IsPublic(const v1::Seed& seed) {
  return Or(seed.visibility(), v1::VISIBILITY_PUBLIC) == v1::VISIBILITY_PUBLIC;
}

bool ProfileIsPublic(const v1::Person& person) {
  return Or(person.visibility(), DefaultProfile(person)) == v1::VISIBILITY_PUBLIC;
}

bool ContactIsPublic(const v1::Person& person) {
  return Or(person.contact_visibility(), v1::VISIBILITY_COORDINATORS) == v1::VISIBILITY_PUBLIC;
}

void SetDefaultVisibility(google::protobuf::Message* record) {
  if (auto* need = dynamic_cast<v1::Need*>(record)) {
    need->set_visibility(Or(need->visibility(), v1::VISIBILITY_COORDINATORS));
  } else if (auto* seed = dynamic_cast<v1::Seed*>(record)) {
    seed->set_visibility(Or(seed->visibility(), v1::VISIBILITY_PUBLIC));
  } else if (auto* person = dynamic_cast<v1::Person*>(record)) {
    person->set_visibility(Or(person->visibility(), DefaultProfile(*person)));
    person->set_contact_visibility(
        Or(person->contact_visibility(), v1::VISIBILITY_COORDINATORS));
  }
}

}  // namespace renkei::records
