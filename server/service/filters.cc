#include "server/service/filters.h"

#include <functional>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "server/util/errors.h"

namespace renkei::service {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// How one request field becomes an index term.
struct Filter {
  Kind kind;
  const char* field;
  enum Type { kText, kReference, kEnum, kNumber } type;
  Kind references = Kind::kOrganization;  // for kReference
  std::function<store::IndexTerm(const std::string&)> text;
  std::function<store::IndexTerm(uint64_t)> id;
  std::function<store::IndexTerm(int)> number;
};

Filter Text(Kind kind, const char* field, store::IndexTerm (*term)(absl::string_view)) {
  Filter f{kind, field, Filter::kText, Kind::kOrganization, {}, {}, {}};
  f.text = [term](const std::string& value) { return term(value); };
  return f;
}
Filter Ref(Kind kind, const char* field, Kind references, store::IndexTerm (*term)(uint64_t)) {
  Filter f{kind, field, Filter::kReference, references, {}, {}, {}};
  f.id = term;
  return f;
}
Filter Enum(Kind kind, const char* field, store::IndexTerm (*term)(int)) {
  Filter f{kind, field, Filter::kEnum, Kind::kOrganization, {}, {}, {}};
  f.number = term;
  return f;
}
Filter Year(Kind kind, const char* field, store::IndexTerm (*term)(int)) {
  Filter f{kind, field, Filter::kNumber, Kind::kOrganization, {}, {}, {}};
  f.number = term;
  return f;
}

const std::vector<Filter>& Filters() {
  static const auto* filters = new std::vector<Filter>{
      Enum(Kind::kOrganization, "kind", store::OrganizationsOfKind),
      Text(Kind::kOrganization, "prefecture", store::OrganizationsInPrefecture),
      Text(Kind::kOrganization, "city", store::OrganizationsInCity),
      Text(Kind::kOrganization, "district", store::OrganizationsInDistrict),
      Text(Kind::kOrganization, "jsic_code", store::OrganizationsWithJsic),
      Text(Kind::kOrganization, "certification", store::OrganizationsCertified),
      Ref(Kind::kOrganization, "network", Kind::kNetwork, store::CurrentMembersOf),
      Ref(Kind::kPerson, "organization", Kind::kOrganization, store::PeopleOf),
      Enum(Kind::kPerson, "role", store::PeopleWithRole),
      Text(Kind::kPerson, "department", store::PeopleInDepartment),
      Ref(Kind::kSeed, "institution", Kind::kOrganization, store::SeedsOf),
      Ref(Kind::kSeed, "researcher", Kind::kPerson, store::SeedsOfResearcher),
      Text(Kind::kSeed, "field", store::SeedsInField),
      Text(Kind::kSeed, "keyword", store::SeedsWithKeyword),
      Ref(Kind::kNeed, "company", Kind::kOrganization, store::NeedsOf),
      Enum(Kind::kNeed, "status", store::NeedsWithStatus),
      Enum(Kind::kNeed, "visibility", store::NeedsWithVisibility),
      Enum(Kind::kCollaboration, "type", store::CollaborationsOfType),
      Year(Kind::kCollaboration, "fiscal_year", store::CollaborationsInFiscalYear),
      Ref(Kind::kCollaboration, "organization", Kind::kOrganization,
          store::CollaborationsOfOrganization),
      Ref(Kind::kCollaboration, "person", Kind::kPerson, store::CollaborationsOfPerson),
      Ref(Kind::kCollaboration, "seed", Kind::kSeed, store::CollaborationsFromSeed),
      Ref(Kind::kCollaboration, "need", Kind::kNeed, store::CollaborationsFromNeed),
      Ref(Kind::kNetwork, "secretariat", Kind::kOrganization, store::NetworksWithSecretariat),
      Ref(Kind::kFeedback, "need", Kind::kNeed, store::FeedbackForNeed),
  };
  return *filters;
}

}  // namespace

absl::StatusOr<std::vector<store::IndexTerm>> FilterTerms(Kind kind, const Message& request) {
  std::vector<store::IndexTerm> terms;
  const auto* descriptor = request.GetDescriptor();
  const auto* reflection = request.GetReflection();
  for (const Filter& filter : Filters()) {
    if (filter.kind != kind) continue;
    const FieldDescriptor* field = descriptor->FindFieldByName(filter.field);
    if (field == nullptr) continue;
    switch (filter.type) {
      case Filter::kText: {
        const std::string value = reflection->GetString(request, field);
        if (value.empty()) break;
        if (std::string(filter.field) == "jsic_code" &&
            (value.size() < 2 || value.size() > 4 ||
             value.find_first_not_of("0123456789") != std::string::npos)) {
          return InvalidFieldError(filter.field, "must be 2 to 4 digits");
        }
        terms.push_back(filter.text(value));
        break;
      }
      case Filter::kReference: {
        const std::string value = reflection->GetString(request, field);
        if (value.empty()) break;
        absl::StatusOr<ResourceName> name = ParseResourceName(value, filter.references);
        if (!name.ok()) return InvalidFieldError(filter.field, std::string(name.status().message()));
        terms.push_back(filter.id(name->id));
        break;
      }
      case Filter::kEnum: {
        const int value = reflection->GetEnumValue(request, field);
        if (value == 0) break;
        if (field->enum_type()->FindValueByNumber(value) == nullptr) {
          return InvalidFieldError(filter.field, absl::StrCat(value, " is not a value of ",
                                                              field->enum_type()->name()));
        }
        terms.push_back(filter.number(value));
        break;
      }
      case Filter::kNumber: {
        const int value = reflection->GetInt32(request, field);
        if (value == 0) break;
        if (value < 1800 || value > 2200) {
          return InvalidFieldError(filter.field, "must be a year 1800..2200");
        }
        terms.push_back(filter.number(value));
        break;
      }
    }
  }
  return terms;
}

}  // namespace renkei::service
