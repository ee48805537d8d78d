#include "server/access/rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/message.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/records/secrets.h"
#include "server/records/visibility.h"

namespace renkei::access {
namespace {

using google::protobuf::Message;

bool ReadsAllCatalogue(const Caller& caller) {
  return caller.is_staff() || caller.role == Role::kReader;
}

bool MayReadPerson(const Caller& caller, const v1::Person& person) {
  if (ReadsAllCatalogue(caller)) return true;
  if (caller.role == Role::kCompany && caller.ActsFor(person.organization())) return true;
  return records::ProfileIsPublic(person);
}

bool MayReadNeed(const Caller& caller, const v1::Need& need) {
  if (caller.is_staff()) return true;
  if (caller.role == Role::kCompany && caller.ActsFor(need.company())) return true;
  return caller.role != Role::kAnonymous && records::IsPublic(need);
}

bool MayReadCollaboration(const Caller& caller, const v1::Collaboration& collaboration) {
  if (ReadsAllCatalogue(caller)) return true;
  if (caller.role != Role::kCompany) return false;
  for (const v1::Participant& participant : collaboration.participants()) {
    if (caller.ActsFor(participant.organization())) return true;
  }
  return false;
}

// Who owns a record a company may write: its organization, a person's
// organization, a need's company; empty for kinds a company never writes.
std::string OwnerOf(const Message& record) {
  if (const auto* o = dynamic_cast<const v1::Organization*>(&record)) return o->name();
  if (const auto* p = dynamic_cast<const v1::Person*>(&record)) return p->organization();
  if (const auto* n = dynamic_cast<const v1::Need*>(&record)) return n->company();
  return "";
}

}  // namespace

bool SeesAll(const Caller& caller, Kind kind) {
  switch (kind) {
    case Kind::kOrganization:
    case Kind::kNetwork:
    case Kind::kMembership:
      return true;
    case Kind::kPerson:
    case Kind::kSeed:
    case Kind::kCollaboration:
      return ReadsAllCatalogue(caller);
    case Kind::kNeed:
    case Kind::kFeedback:
      return caller.is_staff();
    case Kind::kUser:
    case Kind::kToken:
      return caller.role == Role::kAdmin;
  }
  return false;
}

bool MayRead(const Caller& caller, const Message& record) {
  if (const auto* person = dynamic_cast<const v1::Person*>(&record)) {
    return MayReadPerson(caller, *person);
  }
  if (const auto* seed = dynamic_cast<const v1::Seed*>(&record)) {
    return ReadsAllCatalogue(caller) || records::IsPublic(*seed);
  }
  if (const auto* need = dynamic_cast<const v1::Need*>(&record)) {
    return MayReadNeed(caller, *need);
  }
  if (const auto* collaboration = dynamic_cast<const v1::Collaboration*>(&record)) {
    return MayReadCollaboration(caller, *collaboration);
  }
  if (dynamic_cast<const v1::Organization*>(&record) != nullptr) return true;
  const std::string type = record.GetDescriptor()->name();
  if (type == "Network" || type == "Membership") return true;
  if (type == "Feedback") return caller.is_staff();
  return caller.role == Role::kAdmin;  // users, tokens, anything else
}

void Redact(const Caller& caller, Message* record) {
  records::ClearSecrets(record);
  auto* person = dynamic_cast<v1::Person*>(record);
  if (person == nullptr || caller.is_staff() || records::ContactIsPublic(*person)) return;
  if (caller.role == Role::kCompany && caller.ActsFor(person->organization())) return;
  person->clear_contact();
}

absl::Status CheckWrite(const Caller& caller, const Message* before, const Message* after) {
  if (caller.is_staff()) return absl::OkStatus();
  const Message& record = after != nullptr ? *after : *before;
  const std::string noun = absl::AsciiStrToLower(record.GetDescriptor()->name());
  if (caller.role != Role::kCompany) {
    return absl::PermissionDeniedError(
        absl::StrCat("a ", RoleName(caller.role), " may not change records"));
  }
  if (before == nullptr && dynamic_cast<const v1::Organization*>(after) != nullptr) {
    return absl::PermissionDeniedError(
        "a company user may not create organizations; ask a coordinator");
  }
  for (const Message* state : {before, after}) {
    if (state == nullptr) continue;
    const std::string owner = OwnerOf(*state);
    if (owner.empty()) {
      return absl::PermissionDeniedError(
          absl::StrCat("a company user may not change a ", noun));
    }
    if (!caller.ActsFor(owner)) {
      return absl::PermissionDeniedError(absl::StrCat(
          "the ", noun, " belongs to ", owner,
          ", which is not an organization you act for"));
    }
  }
  return absl::OkStatus();
}

absl::Status Denied(const Caller& caller, Permission permission, absl::string_view why) {
  return absl::PermissionDeniedError(absl::StrCat(
      "permission ", PermissionName(permission), " is needed",
      caller.is_anonymous() ? " (sign in, or give a token)"
                            : absl::StrCat(" (you are ", caller.username.empty() ? caller.user
                                                                                 : caller.username,
                                           ", role ", RoleName(caller.role), ")"),
      why.empty() ? "" : ": ", why));
}

}  // namespace renkei::access
