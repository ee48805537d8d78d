#include "server/records/validate.h"

#include <set>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"
#include "renkei/v1/access.pb.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/common.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/names/resource_name.h"
#include "server/records/corporate_number.h"
#include "server/records/dates.h"
#include "server/records/limits.h"
#include "server/records/visibility.h"
#include "server/text/normalize.h"
#include "server/util/errors.h"
#include "server/util/quote.h"

namespace renkei::records {
namespace {

using google::protobuf::RepeatedPtrField;

std::string Indexed(absl::string_view path, int i) {
  return absl::StrCat(path, "[", i, "]");
}
std::string Join(absl::string_view path, absl::string_view field) {
  return path.empty() ? std::string(field) : absl::StrCat(path, ".", field);
}

// Accumulates the problems of one record.
class Checker {
 public:
  enum Required { kOptional, kRequired };
  enum Lines { kSingleLine, kMultiLine };

  void Add(std::string path, std::string why) {
    violations_.Add(std::move(path), std::move(why));
  }
  absl::Status Status() const { return violations_.ToStatus(); }
  bool Names(absl::string_view path) const {
    for (const FieldViolation& v : violations_.list()) {
      if (v.field == path) return true;
    }
    return false;
  }

  // Text: required, length, no control characters (multi-line text may hold
  // line breaks and tabs).
  void Text(const std::string& path, absl::string_view value, size_t max,
            Required required = kOptional, Lines lines = kSingleLine) {
    if (value.empty()) {
      if (required == kRequired) Add(path, "is required");
      return;
    }
    const size_t length = text::CodePointCount(value);
    if (length > max) {
      Add(path, absl::StrCat("is ", length, " characters long; at most ", max,
                             " are allowed"));
      return;
    }
    if (HasForbiddenCharacter(value, lines)) {
      Add(path, lines == kMultiLine ? "contains a control character"
                                    : "contains a control character or line break");
      return;
    }
    if (lines == kSingleLine && text::NormalizeText(value).empty()) {
      Add(path, "is blank");
    }
  }

  void TextList(const std::string& path, const RepeatedPtrField<std::string>& values,
                size_t max_items, size_t max_length) {
    if (static_cast<size_t>(values.size()) > max_items) {
      Add(path, absl::StrCat("has ", values.size(), " items; at most ",
                             max_items, " are allowed"));
      return;
    }
    for (int i = 0; i < values.size(); ++i) {
      Text(Indexed(path, i), values[i], max_length, kRequired);
    }
  }

  template <typename EnumDescriptorFn>
  void Enum(const std::string& path, int value, EnumDescriptorFn descriptor,
            Required required) {
    const auto* type = descriptor();
    if (type->FindValueByNumber(value) == nullptr) {
      Add(path, absl::StrCat(value, " is not a value of ", type->name()));
    } else if (value == 0 && required == kRequired) {
      Add(path, absl::StrCat("is required (one of the ", type->name(),
                             " values other than ", type->value(0)->name(), ")"));
    }
  }

  void Count(const std::string& path, int size, size_t max) {
    if (static_cast<size_t>(size) > max) {
      Add(path, absl::StrCat("has ", size, " items; at most ", max,
                             " are allowed"));
    }
  }

  void NonNegative(const std::string& path, int64_t value, int64_t max) {
    if (value < 0) Add(path, "must not be negative");
    if (value > max) Add(path, absl::StrCat("must be at most ", max));
  }

  void Date(const std::string& path, const v1::Date& date,
            DatePrecision precision = DatePrecision::kYear) {
    std::string problem = DateProblem(date, precision);
    if (!problem.empty()) Add(path, std::move(problem));
  }

  void DateOrder(const std::string& later_path, const v1::Date& earlier,
                 const v1::Date& later, absl::string_view earlier_name) {
    if (IsSet(earlier) && IsSet(later) &&
        DateProblem(earlier, DatePrecision::kYear).empty() &&
        DateProblem(later, DatePrecision::kYear).empty() &&
        DateOrdinal(later) < DateOrdinal(earlier)) {
      Add(later_path, absl::StrCat(FormatDate(later), " is before ",
                                   earlier_name, " ", FormatDate(earlier)));
    }
  }

  // A reference field: empty (when optional) or a name of `kind`.
  void Reference(const std::string& path, absl::string_view value, Kind kind,
                 Required required) {
    if (value.empty()) {
      if (required == kRequired) Add(path, "is required");
      return;
    }
    absl::StatusOr<ResourceName> name = ParseResourceName(value, kind);
    if (!name.ok()) Add(path, std::string(name.status().message()));
  }

  void Address(const std::string& path, const v1::Address& address) {
    Text(Join(path, "postal_code"), address.postal_code(), kMaxPostalCodeLength);
    if (!address.postal_code().empty()) {
      std::string digits;
      for (char c : text::NormalizeText(address.postal_code())) {
        if (c != '-') digits.push_back(c);
      }
      if (digits.size() != 7 ||
          digits.find_first_not_of("0123456789") != std::string::npos) {
        Add(Join(path, "postal_code"), "must be 7 digits, as 021-0902");
      }
    }
    Text(Join(path, "prefecture"), address.prefecture(), kMaxAddressPartLength);
    Text(Join(path, "city"), address.city(), kMaxAddressPartLength);
    Text(Join(path, "district"), address.district(), kMaxAddressPartLength);
    Text(Join(path, "street"), address.street(), kMaxAddressPartLength);
    Text(Join(path, "building"), address.building(), kMaxAddressPartLength);
  }

  void Phone(const std::string& path, absl::string_view phone) {
    Text(path, phone, kMaxPhoneLength);
    if (phone.empty()) return;
    int digits = 0;
    for (char c : text::NormalizeText(phone)) {
      if (c >= '0' && c <= '9') {
        ++digits;
      } else if (c != '-' && c != '(' && c != ')' && c != '+') {
        Add(path, "may hold only digits, '-', '(', ')' and '+'");
        return;
      }
    }
    if (digits < 4 || digits > 15) Add(path, "must have 4 to 15 digits");
  }

  void Url(const std::string& path, absl::string_view url) {
    Text(path, url, kMaxUrlLength);
    if (!url.empty() && !absl::StartsWith(url, "http://") &&
        !absl::StartsWith(url, "https://")) {
      Add(path, "must start with http:// or https://");
    }
  }

  void Contact(const std::string& path, const v1::Contact& contact) {
    Phone(Join(path, "phone"), contact.phone());
    Phone(Join(path, "fax"), contact.fax());
    Text(Join(path, "email"), contact.email(), kMaxEmailLength);
    if (!contact.email().empty()) {
      const size_t at = contact.email().find('@');
      if (at == std::string::npos || at == 0 || at + 1 >= contact.email().size()) {
        Add(Join(path, "email"), "is not an e-mail address");
      }
    }
    Url(Join(path, "url"), contact.url());
  }

  void ExternalIds(const RepeatedPtrField<v1::ExternalId>& ids) {
    Count("external_ids", ids.size(), kMaxExternalIds);
    std::set<std::pair<std::string, std::string>> seen;
    for (int i = 0; i < ids.size(); ++i) {
      const std::string path = Indexed("external_ids", i);
      const v1::ExternalId& id = ids[i];
      if (id.source().empty()) {
        Add(Join(path, "source"), "is required");
      } else if (!IsSourceKey(id.source())) {
        Add(Join(path, "source"),
            "must be 1..64 characters of a-z 0-9 . _ / -, starting with a "
            "letter or digit (e.g. \"ichinoseki-cci/member-no\")");
      }
      Text(Join(path, "value"), id.value(), kMaxExternalIdValue, kRequired);
      if (!seen.insert({id.source(), id.value()}).second) {
        Add(path, "repeats an earlier external id");
      }
    }
  }

  void FieldSources(const google::protobuf::Message& record,
                    const google::protobuf::Map<std::string, v1::FieldSource>& sources) {
    Count("field_sources", static_cast<int>(sources.size()), kMaxFieldSources);
    for (const auto& [key, source] : sources) {
      const std::string path = absl::StrCat("field_sources[", Quote(key), "]");
      const absl::string_view top = absl::string_view(key).substr(0, key.find('.'));
      if (key.size() > kMaxFieldSourceKey) {
        Add(path, absl::StrCat("the key is ", key.size(), " bytes long; at most ",
                               kMaxFieldSourceKey, " are allowed"));
      } else if (HasForbiddenCharacter(key, kSingleLine)) {
        Add(path, "the key contains a control character or line break");
      } else if (record.GetDescriptor()->FindFieldByName(std::string(top)) == nullptr) {
        Add(path, absl::StrCat(Quote(key), " is not a field of ",
                               record.GetDescriptor()->name()));
      }
      Text(Join(path, "source"), source.source(), kMaxSourceLength, kRequired);
      if (source.row() < 0) Add(Join(path, "row"), "must not be negative");
    }
  }

 private:
  // C0 and C1 control characters (multi-line text may hold \n, \r, \t and
  // U+0085 NEL), and in single-line text the line and paragraph separators
  // U+2028 and U+2029.
  static bool HasForbiddenCharacter(absl::string_view value, Lines lines) {
    for (size_t i = 0; i < value.size(); ++i) {
      const auto u = static_cast<unsigned char>(value[i]);
      const bool line_break = u == '\n' || u == '\r' || u == '\t';
      if ((u < 0x20 && !(lines == kMultiLine && line_break)) || u == 0x7F) return true;
      const auto next = i + 1 < value.size() ? static_cast<unsigned char>(value[i + 1]) : 0;
      if (u == 0xC2 && next >= 0x80 && next <= 0x9F) {  // U+0080..U+009F
        if (!(lines == kMultiLine && next == 0x85)) return true;
      }
      if (lines == kSingleLine && u == 0xE2 && next == 0x80 && i + 2 < value.size()) {
        const auto third = static_cast<unsigned char>(value[i + 2]);
        if (third == 0xA8 || third == 0xA9) return true;  // U+2028, U+2029
      }
    }
    return false;
  }

  static bool IsSourceKey(absl::string_view s) {
    if (s.empty() || s.size() > kMaxExternalIdSource) return false;
    auto lower_or_digit = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    if (!lower_or_digit(s[0])) return false;
    for (char c : s) {
      if (!lower_or_digit(c) && c != '.' && c != '_' && c != '/' && c != '-') {
        return false;
      }
    }
    return true;
  }

  Violations violations_;
};

void CheckOfferings(Checker& c, absl::string_view path,
                    const RepeatedPtrField<v1::Offering>& items) {
  c.Count(std::string(path), items.size(), kMaxOfferings);
  for (int i = 0; i < items.size(); ++i) {
    const std::string p = Indexed(path, i);
    c.Text(Join(p, "display_name"), items[i].display_name(), kMaxNameLength,
           Checker::kRequired);
    c.Text(Join(p, "description"), items[i].description(), kMaxSummaryLength,
           Checker::kOptional, Checker::kMultiLine);
    c.Date(Join(p, "developed_on"), items[i].developed_on());
  }
}

void Check(Checker& c, const v1::Organization& o) {
  c.Enum("kind", o.kind(), v1::OrganizationKind_descriptor, Checker::kRequired);
  if (!o.corporate_number().empty()) {
    std::string problem = CorporateNumberProblem(o.corporate_number());
    if (!problem.empty()) c.Add("corporate_number", std::move(problem));
  }
  c.Text("display_name", o.display_name(), kMaxNameLength, Checker::kRequired);
  c.Text("kana", o.kana(), kMaxNameLength);
  c.TextList("aliases", o.aliases(), kMaxListItems, kMaxNameLength);
  c.TextList("former_names", o.former_names(), kMaxListItems, kMaxNameLength);
  c.TextList("industries", o.industries(), kMaxListItems, kMaxNameLength);
  c.Address("address", o.address());
  c.Count("sites", o.sites_size(), kMaxSites);
  for (int i = 0; i < o.sites_size(); ++i) {
    const std::string p = Indexed("sites", i);
    const v1::Site& site = o.sites(i);
    c.Text(Join(p, "display_name"), site.display_name(), kMaxNameLength,
           Checker::kRequired);
    c.Enum(Join(p, "kind"), site.kind(), v1::SiteKind_descriptor, Checker::kOptional);
    c.Address(Join(p, "address"), site.address());
    c.Phone(Join(p, "phone"), site.phone());
    c.Text(Join(p, "manager"), site.manager(), kMaxShortText);
    c.NonNegative(Join(p, "employees"), site.employees(), 10'000'000);
  }
  c.Count("jsic_codes", o.jsic_codes_size(), kMaxJsicCodes);
  std::set<std::string> codes;
  for (int i = 0; i < o.jsic_codes_size(); ++i) {
    const std::string& code = o.jsic_codes(i);
    if (code.size() < 2 || code.size() > 4 ||
        code.find_first_not_of("0123456789") != std::string::npos) {
      c.Add(Indexed("jsic_codes", i),
            absl::StrCat(Quote(code), " is not a JSIC code: 2 to 4 digits "
                                     "(中分類 18, 小分類 181, 細分類 1811)"));
    } else if (!codes.insert(code).second) {
      c.Add(Indexed("jsic_codes", i), "repeats an earlier code");
    }
  }
  c.NonNegative("employees", o.employees(), 10'000'000);
  c.NonNegative("capital_yen", o.capital_yen(), int64_t{1} << 60);
  c.Date("founded", o.founded());
  CheckOfferings(c, "products", o.products());
  CheckOfferings(c, "technologies", o.technologies());
  c.Count("certifications", o.certifications_size(), kMaxCertifications);
  for (int i = 0; i < o.certifications_size(); ++i) {
    const std::string p = Indexed("certifications", i);
    const v1::Certification& cert = o.certifications(i);
    c.Text(Join(p, "display_name"), cert.display_name(), kMaxShortText,
           Checker::kRequired);
    c.Text(Join(p, "scope"), cert.scope(), kMaxSummaryLength);
    c.Date(Join(p, "certified_on"), cert.certified_on());
    c.Date(Join(p, "expires_on"), cert.expires_on());
    c.DateOrder(Join(p, "expires_on"), cert.certified_on(), cert.expires_on(),
                "certified_on");
  }
  c.Count("sdgs.goals", o.sdgs().goals_size(), kMaxSdgGoals);
  std::set<int> goals;
  for (int i = 0; i < o.sdgs().goals_size() && i < static_cast<int>(kMaxSdgGoals); ++i) {
    if (o.sdgs().goals(i) < 1 || o.sdgs().goals(i) > 17) {
      c.Add(Indexed("sdgs.goals", i), "SDG numbers are 1..17");
    } else if (!goals.insert(o.sdgs().goals(i)).second) {
      c.Add(Indexed("sdgs.goals", i), "repeats an earlier goal");
    }
  }
  c.Date("sdgs.declared_on", o.sdgs().declared_on());
  if (IsSet(o.sdgs().declared_on()) && !o.sdgs().declared()) {
    c.Add("sdgs.declared", "must be true when sdgs.declared_on is set");
  }
  c.Enum("bcp.status", o.bcp().status(), v1::BcpStatus_descriptor,
         Checker::kOptional);
  c.Date("bcp.established_on", o.bcp().established_on());
  if (IsSet(o.bcp().established_on()) &&
      o.bcp().status() != v1::BCP_STATUS_ESTABLISHED) {
    c.Add("bcp.status",
          "must be BCP_STATUS_ESTABLISHED when bcp.established_on is set");
  }
  c.Contact("contact", o.contact());
  c.Text("representative", o.representative(), kMaxShortText);
  c.Text("representative_title", o.representative_title(), kMaxShortText);
  c.Text("description", o.description(), kMaxBodyLength, Checker::kOptional,
         Checker::kMultiLine);
}

void Check(Checker& c, const v1::Person& p) {
  c.Enum("role", p.role(), v1::PersonRole_descriptor, Checker::kRequired);
  c.Text("display_name", p.display_name(), kMaxShortText, Checker::kRequired);
  c.Text("kana", p.kana(), kMaxShortText);
  c.Reference("organization", p.organization(), Kind::kOrganization,
              Checker::kRequired);
  c.Text("department", p.department(), kMaxLabelLength);
  c.Text("title", p.title(), kMaxShortText);
  c.TextList("fields", p.fields(), kMaxListItems, kMaxLabelLength);
  c.TextList("keywords", p.keywords(), kMaxListItems, kMaxLabelLength);
  c.Text("profile", p.profile(), kMaxBodyLength, Checker::kOptional,
         Checker::kMultiLine);
  c.Contact("contact", p.contact());
  c.Enum("visibility", p.visibility(), v1::Visibility_descriptor, Checker::kOptional);
  c.Enum("contact_visibility", p.contact_visibility(), v1::Visibility_descriptor,
         Checker::kOptional);
}

void Check(Checker& c, const v1::Seed& s) {
  c.Reference("institution", s.institution(), Kind::kOrganization,
              Checker::kRequired);
  c.Count("researchers", s.researchers_size(), kMaxResearchers);
  std::set<std::string> researchers;
  for (int i = 0; i < s.researchers_size(); ++i) {
    c.Reference(Indexed("researchers", i), s.researchers(i), Kind::kPerson,
                Checker::kRequired);
    if (!researchers.insert(s.researchers(i)).second) {
      c.Add(Indexed("researchers", i), "repeats an earlier researcher");
    }
  }
  c.Text("title", s.title(), kMaxTitleLength, Checker::kRequired);
  c.Text("summary", s.summary(), kMaxSummaryLength, Checker::kOptional,
         Checker::kMultiLine);
  c.Text("body", s.body(), kMaxBodyLength, Checker::kOptional, Checker::kMultiLine);
  c.TextList("keywords", s.keywords(), kMaxListItems, kMaxLabelLength);
  c.TextList("fields", s.fields(), kMaxListItems, kMaxLabelLength);
  c.TextList("applications", s.applications(), kMaxListItems, kMaxLabelLength);
  c.TextList("equipment", s.equipment(), kMaxListItems, kMaxLabelLength);
  c.Enum("ip_status", s.ip_status(), v1::IpStatus_descriptor, Checker::kOptional);
  c.Text("ip_note", s.ip_note(), kMaxSummaryLength, Checker::kOptional,
         Checker::kMultiLine);
  c.Date("published_on", s.published_on());
  c.Enum("visibility", s.visibility(), v1::Visibility_descriptor, Checker::kOptional);
}

void Check(Checker& c, const v1::Need& n) {
  c.Reference("company", n.company(), Kind::kOrganization, Checker::kRequired);
  c.Reference("contact_person", n.contact_person(), Kind::kPerson,
              Checker::kOptional);
  c.Text("title", n.title(), kMaxTitleLength, Checker::kRequired);
  c.Text("body", n.body(), kMaxBodyLength, Checker::kOptional, Checker::kMultiLine);
  c.TextList("keywords", n.keywords(), kMaxListItems, kMaxLabelLength);
  c.TextList("fields", n.fields(), kMaxListItems, kMaxLabelLength);
  c.Count("desired_partner_kinds", n.desired_partner_kinds_size(), 10);
  for (int i = 0; i < n.desired_partner_kinds_size(); ++i) {
    c.Enum(Indexed("desired_partner_kinds", i), n.desired_partner_kinds(i),
           v1::OrganizationKind_descriptor, Checker::kRequired);
  }
  c.Enum("status", n.status(), v1::NeedStatus_descriptor, Checker::kRequired);
  c.Enum("visibility", n.visibility(), v1::Visibility_descriptor,
         Checker::kRequired);
  c.Date("posted_on", n.posted_on());
}

void Check(Checker& c, const v1::Collaboration& x) {
  c.Enum("type", x.type(), v1::CollaborationType_descriptor, Checker::kRequired);
  c.Text("title", x.title(), kMaxTitleLength, Checker::kRequired);
  c.Text("summary", x.summary(), kMaxBodyLength, Checker::kOptional,
         Checker::kMultiLine);
  if (x.participants().empty()) {
    c.Add("participants", "at least one participant is required");
  }
  c.Count("participants", x.participants_size(), kMaxParticipants);
  std::set<std::pair<std::string, std::string>> seen;
  for (int i = 0; i < x.participants_size(); ++i) {
    const std::string p = Indexed("participants", i);
    const v1::Participant& participant = x.participants(i);
    c.Reference(Join(p, "organization"), participant.organization(),
                Kind::kOrganization, Checker::kRequired);
    c.Reference(Join(p, "person"), participant.person(), Kind::kPerson,
                Checker::kOptional);
    c.Enum(Join(p, "role"), participant.role(), v1::ParticipantRole_descriptor,
           Checker::kOptional);
    if (!seen.insert({participant.organization(), participant.person()}).second) {
      c.Add(p, "repeats an earlier participant");
    }
  }
  c.Reference("seed", x.seed(), Kind::kSeed, Checker::kOptional);
  c.Reference("need", x.need(), Kind::kNeed, Checker::kOptional);
  if (!IsSet(x.start_date())) {
    c.Add("start_date", "is required (the 年度 is derived from it)");
  } else {
    c.Date("start_date", x.start_date(), DatePrecision::kDay);
  }
  c.Date("end_date", x.end_date(), DatePrecision::kDay);
  c.DateOrder("end_date", x.start_date(), x.end_date(), "start_date");
  if (IsSet(x.start_date()) && IsSet(x.end_date()) &&
      DateProblem(x.start_date(), DatePrecision::kDay).empty() &&
      DateProblem(x.end_date(), DatePrecision::kDay).empty()) {
    const int years = FiscalYearOf(x.end_date()) - FiscalYearOf(x.start_date()) + 1;
    if (years > static_cast<int>(kMaxCollaborationYears)) {
      c.Add("end_date", absl::StrCat("the period spans ", years, " 年度; at most ",
                                     kMaxCollaborationYears, " are allowed"));
    }
  }
  c.Text("funding_program", x.funding_program(), kMaxNameLength);
  c.NonNegative("budget_yen", x.budget_yen(), int64_t{1} << 50);
  c.NonNegative("case_count", x.case_count(), 1'000'000);
  c.Count("outcomes", x.outcomes_size(), kMaxOutcomes);
  for (int i = 0; i < x.outcomes_size(); ++i) {
    const std::string p = Indexed("outcomes", i);
    c.Enum(Join(p, "kind"), x.outcomes(i).kind(), v1::OutcomeKind_descriptor,
           Checker::kRequired);
    c.Text(Join(p, "title"), x.outcomes(i).title(), kMaxTitleLength);
    c.Date(Join(p, "achieved_on"), x.outcomes(i).achieved_on());
    c.Text(Join(p, "note"), x.outcomes(i).note(), kMaxSummaryLength,
           Checker::kOptional, Checker::kMultiLine);
  }
}

void Check(Checker& c, const v1::Network& n) {
  c.Text("display_name", n.display_name(), kMaxNameLength, Checker::kRequired);
  c.Text("kana", n.kana(), kMaxNameLength);
  c.Date("founded", n.founded());
  c.Reference("secretariat", n.secretariat(), Kind::kOrganization,
              Checker::kOptional);
  c.Text("scope", n.scope(), kMaxLabelLength);
  c.Text("description", n.description(), kMaxBodyLength, Checker::kOptional,
         Checker::kMultiLine);
  c.Url("url", n.url());
}

void Check(Checker& c, const v1::Membership& m) {
  c.Reference("organization", m.organization(), Kind::kOrganization,
              Checker::kRequired);
  c.Enum("role", m.role(), v1::MemberRole_descriptor, Checker::kRequired);
  c.Text("role_label", m.role_label(), kMaxShortText);
  c.Date("since", m.since());
  c.Date("until", m.until());
  c.DateOrder("until", m.since(), m.until(), "since");
  c.Text("source_list", m.source_list(), kMaxSourceLength);
}

void Check(Checker& c, const v1::Feedback& f) {
  if (f.suggestion().empty()) {
    c.Add("suggestion", "is required");
  } else {
    absl::StatusOr<ResourceName> name = ParseResourceName(f.suggestion());
    if (!name.ok() || (name->kind != Kind::kSeed && name->kind != Kind::kOrganization)) {
      c.Add("suggestion", "must name a seed (seeds/{id}) or an organization (organizations/{id})");
    }
  }
  c.Reference("need", f.need(), Kind::kNeed, Checker::kOptional);
  c.Text("query_text", f.query_text(), kMaxBodyLength, Checker::kOptional, Checker::kMultiLine);
  if (f.need().empty() && f.query_text().empty()) {
    c.Add("need", "give the need or the query_text the suggestion answered");
  }
  c.Enum("label", f.label(), v1::FeedbackLabel_descriptor, Checker::kRequired);
  c.Text("note", f.note(), kMaxSummaryLength, Checker::kOptional, Checker::kMultiLine);
  c.Text("coordinator", f.coordinator(), kMaxShortText);
  c.Reference("collaboration", f.collaboration(), Kind::kCollaboration, Checker::kOptional);
}

bool IsUsername(absl::string_view username) {
  if (username.size() < 2 || username.size() > 64) return false;
  for (size_t i = 0; i < username.size(); ++i) {
    const char c = username[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

void Check(Checker& c, const v1::User& u) {
  if (u.username().empty()) {
    c.Add("username", "is required");
  } else if (!IsUsername(u.username())) {
    c.Add("username", "must be 2..64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
  }
  c.Text("display_name", u.display_name(), kMaxShortText);
  c.Enum("kind", u.kind(), v1::UserKind_descriptor, Checker::kRequired);
  c.Enum("role", u.role(), v1::Role_descriptor, Checker::kRequired);
  c.Count("organizations", u.organizations_size(), kMaxListItems);
  std::set<std::string> organizations;
  for (int i = 0; i < u.organizations_size(); ++i) {
    c.Reference(Indexed("organizations", i), u.organizations(i), Kind::kOrganization,
                Checker::kRequired);
    if (!organizations.insert(u.organizations(i)).second) {
      c.Add(Indexed("organizations", i), "repeats an earlier organization");
    }
  }
  if (u.role() == v1::ROLE_COMPANY && u.organizations().empty()) {
    c.Add("organizations", "a company user acts for at least one organization");
  } else if (u.role() != v1::ROLE_COMPANY && !u.organizations().empty()) {
    c.Add("organizations", "only company users act for organizations");
  }
  if (u.role() == v1::ROLE_IMPORTER && u.kind() != v1::USER_KIND_SERVICE) {
    c.Add("role", "the importer role is for service accounts (kind USER_KIND_SERVICE)");
  }
  c.Reference("person", u.person(), Kind::kPerson, Checker::kOptional);
  v1::Contact contact;
  contact.set_email(u.email());
  c.Contact("", contact);
}

void Check(Checker& c, const v1::Token& t) {
  c.Reference("user", t.user(), Kind::kUser, Checker::kRequired);
  c.Enum("kind", t.kind(), v1::TokenKind_descriptor, Checker::kRequired);
  c.Text("description", t.description(), kMaxShortText);
}

template <typename T>
bool TryCheck(Checker& c, const google::protobuf::Message& record) {
  const T* typed = dynamic_cast<const T*>(&record);
  if (typed == nullptr) return false;
  Check(c, *typed);
  c.ExternalIds(typed->external_ids());
  c.FieldSources(record, typed->field_sources());
  return true;
}

void Derive(v1::Collaboration& x) {
  x.clear_fiscal_years();
  x.set_fiscal_year(0);
  if (DateProblem(x.start_date(), DatePrecision::kDay).empty() &&
      IsSet(x.start_date())) {
    const int first = FiscalYearOf(x.start_date());
    int last = first;
    if (IsSet(x.end_date()) &&
        DateProblem(x.end_date(), DatePrecision::kDay).empty()) {
      last = std::max(first, FiscalYearOf(x.end_date()));
    }
    x.set_fiscal_year(first);
    for (int year = first;
         year <= last && year < first + static_cast<int>(kMaxCollaborationYears); ++year) {
      x.add_fiscal_years(year);
    }
  }
}

}  // namespace

namespace {

std::string RecordTooLarge(size_t bytes) {
  return absl::StrCat("is ", bytes, " bytes encoded; a record may be at most ", kMaxRecordBytes,
                      " bytes (1 MiB, docs/limits.md): shorten its texts or lists");
}

}  // namespace

// What every record is checked for whatever its type, by reflection: each
// timestamp in 1800..2200 with valid nanos, and no list longer than
// kMaxAnyList (the checks by type have tighter limits for the lists they
// know).
void CheckStructure(Checker& c, const google::protobuf::Message& message,
                    const std::string& path) {
  using google::protobuf::FieldDescriptor;
  const auto* reflection = message.GetReflection();
  if (message.GetDescriptor()->full_name() == "google.protobuf.Timestamp") {
    const auto& time = static_cast<const google::protobuf::Timestamp&>(message);
    if (time.seconds() < kMinTimestampSeconds || time.seconds() > kMaxTimestampSeconds ||
        time.nanos() < 0 || time.nanos() > 999'999'999) {
      c.Add(path, "must be a time in the years 1800 to 2200");
    }
    return;
  }
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const std::string field_path = Join(path, field->name());
    if (!field->is_repeated()) {
      if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
        CheckStructure(c, reflection->GetMessage(message, field), field_path);
      }
      continue;
    }
    const int size = reflection->FieldSize(message, field);
    if (!c.Names(field_path)) c.Count(field_path, size, kMaxAnyList);
    if (field->type() != FieldDescriptor::TYPE_MESSAGE) continue;
    for (int i = 0; i < size && i < static_cast<int>(kMaxAnyList); ++i) {
      CheckStructure(c, reflection->GetRepeatedMessage(message, field, i),
                     Indexed(field_path, i));
    }
  }
}

absl::Status CheckRecordSize(const google::protobuf::Message& record) {
  const size_t bytes = record.ByteSizeLong();
  if (bytes <= kMaxRecordBytes) return absl::OkStatus();
  return InvalidFieldError("", RecordTooLarge(bytes));
}

absl::Status ValidateRecord(const google::protobuf::Message& record) {
  Checker c;
  if (const size_t bytes = record.ByteSizeLong(); bytes > kMaxRecordBytes) {
    c.Add("", RecordTooLarge(bytes));
  }
  const bool known =
      TryCheck<v1::Organization>(c, record) || TryCheck<v1::Person>(c, record) ||
      TryCheck<v1::Seed>(c, record) || TryCheck<v1::Need>(c, record) ||
      TryCheck<v1::Collaboration>(c, record) || TryCheck<v1::Network>(c, record) ||
      TryCheck<v1::Membership>(c, record);
  if (const auto* feedback = dynamic_cast<const v1::Feedback*>(&record)) {
    Check(c, *feedback);
  } else if (const auto* user = dynamic_cast<const v1::User*>(&record)) {
    Check(c, *user);
  } else if (const auto* token = dynamic_cast<const v1::Token*>(&record)) {
    Check(c, *token);
  } else if (!known) {
    return absl::InternalError(
        absl::StrCat("not a record type: ", record.GetTypeName()));
  }
  CheckStructure(c, record, "");
  return c.Status();
}

void PrepareForCreate(google::protobuf::Message* record) {
  record->DiscardUnknownFields();
  const auto* descriptor = record->GetDescriptor();
  const auto* reflection = record->GetReflection();
  for (const char* field : {"name", "etag", "create_time", "update_time",
                            "fiscal_year", "fiscal_years", "member_count"}) {
    if (const auto* fd = descriptor->FindFieldByName(field)) {
      reflection->ClearField(record, fd);
    }
  }
  if (auto* need = dynamic_cast<v1::Need*>(record)) {
    if (need->status() == v1::NEED_STATUS_UNSPECIFIED) {
      need->set_status(v1::NEED_STATUS_OPEN);
    }
  } else if (auto* membership = dynamic_cast<v1::Membership*>(record)) {
    if (membership->role() == v1::MEMBER_ROLE_UNSPECIFIED) {
      membership->set_role(v1::MEMBER_ROLE_MEMBER);
    }
  } else if (auto* collaboration = dynamic_cast<v1::Collaboration*>(record)) {
    if (collaboration->case_count() == 0) collaboration->set_case_count(1);
  }
  SetDefaultVisibility(record);
  DeriveFields(record);
}

void DeriveFields(google::protobuf::Message* record) {
  if (auto* collaboration = dynamic_cast<v1::Collaboration*>(record)) {
    Derive(*collaboration);
  }
}

bool IsOutputOnly(const google::protobuf::Message& record, absl::string_view path) {
  static constexpr absl::string_view kCommon[] = {"name", "etag", "create_time",
                                                 "update_time"};
  for (absl::string_view field : kCommon) {
    if (path == field) return true;
  }
  if (dynamic_cast<const v1::Collaboration*>(&record) != nullptr) {
    return path == "fiscal_year" || path == "fiscal_years";
  }
  if (dynamic_cast<const v1::Network*>(&record) != nullptr) {
    return path == "member_count";
  }
  if (dynamic_cast<const v1::Membership*>(&record) != nullptr) {
    return path == "organization";
  }
  if (dynamic_cast<const v1::User*>(&record) != nullptr) {
    return path == "username" || path == "kind" || path == "has_password" ||
           path == "password_hash";
  }
  if (dynamic_cast<const v1::Token*>(&record) != nullptr) {
    return path != "description";
  }
  return false;
}

absl::Status ValidateRequestId(absl::string_view request_id) {
  if (request_id.size() > kMaxRequestIdLength) {
    return InvalidFieldError("request_id",
                             absl::StrCat("is ", request_id.size(),
                                          " characters long; at most ",
                                          kMaxRequestIdLength, " are allowed"));
  }
  for (char c : request_id) {
    if (c < 0x21 || c > 0x7E) {
      return InvalidFieldError("request_id",
                               "may hold only printable ASCII characters");
    }
  }
  return absl::OkStatus();
}

}  // namespace renkei::records
