#include "server/store/internal/schema.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/message.h"
#include "renkei/v1/access.pb.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/records/dates.h"
#include "server/store/index.h"
#include "server/text/analyzer.h"
#include "server/text/normalize.h"
#include "server/text/tokenize.h"

namespace renkei::store::internal {
namespace {

// Collects the entries of one record stored under `key`.
class Collector {
 public:
  Collector(const ResourceName& name, const text::Analyzer* analyzer, RecordEntries* out)
      : name_(name), key_(RecordKey(name)), analyzer_(analyzer), out_(out) {}

  void Index(IndexId index, absl::string_view value) {
    out_->index.insert(IndexPrefix(name_.kind, index, value) + key_);
  }
  void Text(IndexId index, absl::string_view text) {
    if (text.empty()) return;
    std::string value = text::NormalizeText(text);
    if (!value.empty()) Index(index, value);
  }
  void Number(IndexId index, int value) { Index(index, absl::StrCat(value)); }
  // An index entry of another kind's record (e.g. an organization's network).
  void IndexOther(const ResourceName& other, IndexId index, absl::string_view value) {
    out_->index.insert(IndexPrefix(other.kind, index, value) + RecordKey(other));
  }
  void Unique(std::string key, std::string field) {
    out_->uniques.emplace(std::move(key), std::move(field));
  }
  void Count(const std::string& counter, int64_t amount = 1) {
    if (amount != 0) out_->counters[counter] += amount;
  }
  // Refers to `target_name` (already validated) through `field`.
  void Refer(absl::string_view target_name, std::string field, OnDelete on_delete) {
    absl::StatusOr<ResourceName> target = ParseResourceName(target_name);
    if (!target.ok()) return;
    ReferenceValue& value = out_->references[ReferenceKey(RecordKey(*target), key_)];
    if (on_delete == OnDelete::kCascade) value.on_delete = OnDelete::kCascade;
    value.fields = value.fields.empty() ? field : absl::StrCat(value.fields, ", ", field);
  }
  void Names(const google::protobuf::Message& record) {
    for (const std::string& name : NormalizedNames(record)) {
      for (int n : {1, 2}) {
        for (const std::string& gram : text::CodePointGrams(name, n)) {
          Index(IndexId::kNameGram, gram);
        }
      }
    }
  }
  // The search document and its postings.
  void Search(const google::protobuf::Message& record) {
    if (analyzer_ == nullptr) return;
    std::optional<SearchDocument> document = SearchDocumentOf(record, *analyzer_);
    if (!document.has_value()) return;
    for (int field = 0; field < kSearchFieldCount; ++field) {
      Count(FieldLengthCounter(name_.kind, field), document->lengths[field]);
    }
    for (const auto& [term, per_field] : document->counts) {
      out_->text[PostingPrefix(name_.kind, term) +
                 static_cast<char>(255 - PostingImpact(per_field)) + key_] =
          std::string(reinterpret_cast<const char*>(per_field.data()), per_field.size());
      Count(TermCounter(name_.kind, term));
    }
    Count(SearchDocumentCounter(name_.kind));
    out_->text[DocumentKey(key_)] = EncodeSearchDocument(*document);
  }

  static std::optional<uint64_t> IdOf(absl::string_view name) {
    absl::StatusOr<ResourceName> parsed = ParseResourceName(name);
    if (!parsed.ok()) return std::nullopt;
    return parsed->id;
  }
  void IdIndex(IndexId index, absl::string_view reference) {
    if (auto id = IdOf(reference)) Index(index, IdValue(*id));
  }

 private:
  const ResourceName name_;
  const std::string key_;
  const text::Analyzer* analyzer_;
  RecordEntries* out_;
};

// The 年度 a possibly partial date counts in; a year alone counts as that 年度.
int FiscalYearOfPartial(const v1::Date& date) {
  return date.month() == 0 ? date.year() : records::FiscalYearOf(date);
}

void AddressIndexes(Collector& c, const v1::Address& address) {
  c.Text(IndexId::kOrgPrefecture, address.prefecture());
  c.Text(IndexId::kOrgCity, address.city());
  c.Text(IndexId::kOrgDistrict, address.district());
}

void Collect(Collector& c, const v1::Organization& o) {
  c.Number(IndexId::kOrgKind, o.kind());
  c.Count(OrganizationKindCounter(o.kind()));
  AddressIndexes(c, o.address());
  for (const v1::Site& site : o.sites()) AddressIndexes(c, site.address());
  for (const std::string& code : o.jsic_codes()) {
    for (size_t length = 2; length <= code.size(); ++length) {
      c.Index(IndexId::kOrgJsic, code.substr(0, length));
    }
  }
  for (const v1::Certification& cert : o.certifications()) {
    std::string key = CertificationKey(cert.display_name());
    if (!key.empty()) c.Index(IndexId::kOrgCertification, key);
  }
  if (!o.corporate_number().empty()) {
    c.Unique(CorporateNumberKey(o.corporate_number()).key, "corporate_number");
  }
  if (o.kind() == v1::ORGANIZATION_KIND_COMPANY) {
    if (o.sdgs().declared()) {
      c.Count(CompaniesSdgsCounter(records::IsSet(o.sdgs().declared_on())
                                       ? FiscalYearOfPartial(o.sdgs().declared_on())
                                       : 0));
    }
    if (o.bcp().status() == v1::BCP_STATUS_ESTABLISHED) {
      c.Count(CompaniesBcpCounter(records::IsSet(o.bcp().established_on())
                                      ? FiscalYearOfPartial(o.bcp().established_on())
                                      : 0));
    }
  }
  for (const v1::Offering& product : o.products()) {
    if (records::IsSet(product.developed_on())) {
      c.Count(ProductsDevelopedCounter(FiscalYearOfPartial(product.developed_on())));
    }
  }
  for (const v1::Offering& technology : o.technologies()) {
    if (records::IsSet(technology.developed_on())) {
      c.Count(TechnologiesDevelopedCounter(
          FiscalYearOfPartial(technology.developed_on())));
    }
  }
}

void Collect(Collector& c, const v1::Person& p) {
  c.IdIndex(IndexId::kPersonOrganization, p.organization());
  c.Number(IndexId::kPersonRole, p.role());
  c.Text(IndexId::kPersonDepartment, p.department());
  c.Refer(p.organization(), "organization", OnDelete::kCascade);
}

void Collect(Collector& c, const v1::Seed& s) {
  c.IdIndex(IndexId::kSeedInstitution, s.institution());
  c.Refer(s.institution(), "institution", OnDelete::kCascade);
  for (int i = 0; i < s.researchers_size(); ++i) {
    c.IdIndex(IndexId::kSeedResearcher, s.researchers(i));
    c.Refer(s.researchers(i), absl::StrCat("researchers[", i, "]"), OnDelete::kUnlink);
  }
  for (const std::string& field : s.fields()) c.Text(IndexId::kSeedField, field);
  for (const std::string& keyword : s.keywords()) c.Text(IndexId::kSeedKeyword, keyword);
}

void Collect(Collector& c, const v1::Need& n) {
  c.IdIndex(IndexId::kNeedCompany, n.company());
  c.Refer(n.company(), "company", OnDelete::kCascade);
  if (!n.contact_person().empty()) {
    c.Refer(n.contact_person(), "contact_person", OnDelete::kUnlink);
  }
  c.Number(IndexId::kNeedStatus, n.status());
  c.Number(IndexId::kNeedVisibility, n.visibility());
}

void Collect(Collector& c, const v1::Collaboration& x) {
  c.Number(IndexId::kCollabType, x.type());
  for (int year : x.fiscal_years()) c.Number(IndexId::kCollabFiscalYear, year);
  for (int i = 0; i < x.participants_size(); ++i) {
    const v1::Participant& participant = x.participants(i);
    c.IdIndex(IndexId::kCollabOrganization, participant.organization());
    c.Refer(participant.organization(),
            absl::StrCat("participants[", i, "].organization"), OnDelete::kUnlink);
    if (!participant.person().empty()) {
      c.IdIndex(IndexId::kCollabPerson, participant.person());
      c.Refer(participant.person(), absl::StrCat("participants[", i, "].person"),
              OnDelete::kUnlink);
    }
  }
  if (!x.seed().empty()) {
    c.IdIndex(IndexId::kCollabSeed, x.seed());
    c.Refer(x.seed(), "seed", OnDelete::kUnlink);
  }
  if (!x.need().empty()) {
    c.IdIndex(IndexId::kCollabNeed, x.need());
    c.Refer(x.need(), "need", OnDelete::kUnlink);
  }
  for (const v1::Outcome& outcome : x.outcomes()) {
    if (records::IsSet(outcome.achieved_on())) {
      c.Count(OutcomesCounter(outcome.kind(), FiscalYearOfPartial(outcome.achieved_on())));
    }
  }
}

void Collect(Collector& c, const v1::Network& n) {
  if (!n.secretariat().empty()) {
    c.IdIndex(IndexId::kNetworkSecretariat, n.secretariat());
    c.Refer(n.secretariat(), "secretariat", OnDelete::kUnlink);
  }
}

void Collect(Collector& c, const v1::Membership& m, const ResourceName& name) {
  const ResourceName network{Kind::kNetwork, name.id, 0};
  const ResourceName organization{Kind::kOrganization, name.member_id, 0};
  c.Refer(network.ToString(), "name", OnDelete::kCascade);
  c.Refer(m.organization(), "organization", OnDelete::kCascade);
  c.Index(IndexId::kMembershipByOrganization, IdValue(name.member_id));
  if (!records::IsSet(m.until())) {
    c.Index(IndexId::kMembershipCurrentByNetwork, IdValue(name.id));
    c.Index(IndexId::kMembershipCurrentByOrganization, IdValue(name.member_id));
    c.IndexOther(organization, IndexId::kOrgCurrentNetwork, IdValue(name.id));
    c.Count(CurrentMembersCounter(name.id));
  }
}

void Collect(Collector& c, const v1::Feedback& f) {
  c.Refer(f.suggestion(), "suggestion", OnDelete::kCascade);
  absl::StatusOr<ResourceName> suggestion = ParseResourceName(f.suggestion());
  if (suggestion.ok()) c.Index(IndexId::kFeedbackSuggestion, RecordKey(*suggestion));
  if (!f.need().empty()) {
    c.IdIndex(IndexId::kFeedbackNeed, f.need());
    c.Refer(f.need(), "need", OnDelete::kUnlink);
  }
  if (!f.collaboration().empty()) c.Refer(f.collaboration(), "collaboration", OnDelete::kUnlink);
}

void Collect(Collector& c, const v1::User& u) {
  c.Unique(UsernameKey(u.username()).key, "username");
  c.Number(IndexId::kUserRole, u.role());
  for (int i = 0; i < u.organizations_size(); ++i) {
    c.IdIndex(IndexId::kUserOrganization, u.organizations(i));
    c.Refer(u.organizations(i), absl::StrCat("organizations[", i, "]"), OnDelete::kUnlink);
  }
  if (!u.person().empty()) c.Refer(u.person(), "person", OnDelete::kUnlink);
}

void Collect(Collector& c, const v1::Token& t) {
  c.Unique(TokenSecretKey(t.secret_hash()).key, "secret_hash");
  c.IdIndex(IndexId::kTokenUser, t.user());
  c.Refer(t.user(), "user", OnDelete::kCascade);
}

template <typename T>
bool TryCollect(Collector& c, const google::protobuf::Message& record,
                const ResourceName& name) {
  const T* typed = dynamic_cast<const T*>(&record);
  if (typed == nullptr) return false;
  if constexpr (std::is_same_v<T, v1::Membership>) {
    Collect(c, *typed, name);
  } else {
    Collect(c, *typed);
  }
  for (int i = 0; i < typed->external_ids_size(); ++i) {
    const v1::ExternalId& id = typed->external_ids(i);
    c.Unique(ExternalIdKey(name.kind, id.source(), id.value()).key,
             absl::StrCat("external_ids[", i, "]"));
  }
  c.Count(RecordCounter(name.kind));
  c.Names(record);
  c.Search(record);
  return true;
}

// Feedback, users and tokens have no external ids, names to search by or
// search document: a shorter path.
template <typename T>
bool TryCollectPlain(Collector& c, const google::protobuf::Message& record,
                     const ResourceName& name) {
  const auto* typed = dynamic_cast<const T*>(&record);
  if (typed == nullptr) return false;
  Collect(c, *typed);
  c.Count(RecordCounter(name.kind));
  return true;
}

void AddNormalized(std::vector<std::string>* out, absl::string_view text) {
  if (text.empty()) return;
  std::string normalized = text::NormalizeText(text);
  if (!normalized.empty()) out->push_back(std::move(normalized));
}

}  // namespace

RecordEntries EntriesOf(const google::protobuf::Message& record, const ResourceName& name,
                        const text::Analyzer* analyzer) {
  RecordEntries entries;
  Collector c(name, analyzer, &entries);
  TryCollect<v1::Organization>(c, record, name) ||
      TryCollect<v1::Person>(c, record, name) ||
      TryCollect<v1::Seed>(c, record, name) || TryCollect<v1::Need>(c, record, name) ||
      TryCollect<v1::Collaboration>(c, record, name) ||
      TryCollect<v1::Network>(c, record, name) ||
      TryCollect<v1::Membership>(c, record, name) ||
      TryCollectPlain<v1::Feedback>(c, record, name) ||
      TryCollectPlain<v1::User>(c, record, name) || TryCollectPlain<v1::Token>(c, record, name);
  return entries;
}

bool CannotStandAlone(const google::protobuf::Message& record) {
  const auto* x = dynamic_cast<const v1::Collaboration*>(&record);
  return x != nullptr && x->participants().empty();
}

bool Unlink(google::protobuf::Message* record, absl::string_view target_name) {
  bool changed = false;
  if (auto* seed = dynamic_cast<v1::Seed*>(record)) {
    auto* researchers = seed->mutable_researchers();
    for (int i = researchers->size() - 1; i >= 0; --i) {
      if ((*researchers)[i] == target_name) {
        researchers->erase(researchers->begin() + i);
        changed = true;
      }
    }
  } else if (auto* need = dynamic_cast<v1::Need*>(record)) {
    if (need->contact_person() == target_name) {
      need->clear_contact_person();
      changed = true;
    }
  } else if (auto* x = dynamic_cast<v1::Collaboration*>(record)) {
    auto* participants = x->mutable_participants();
    for (int i = participants->size() - 1; i >= 0; --i) {
      v1::Participant& participant = (*participants)[i];
      if (participant.organization() == target_name) {
        participants->erase(participants->begin() + i);
        changed = true;
      } else if (participant.person() == target_name) {
        participant.clear_person();
        changed = true;
      }
    }
    if (x->seed() == target_name) {
      x->clear_seed();
      changed = true;
    }
    if (x->need() == target_name) {
      x->clear_need();
      changed = true;
    }
  } else if (auto* network = dynamic_cast<v1::Network*>(record)) {
    if (network->secretariat() == target_name) {
      network->clear_secretariat();
      changed = true;
    }
  } else if (auto* feedback = dynamic_cast<v1::Feedback*>(record)) {
    if (feedback->need() == target_name) {
      feedback->clear_need();
      changed = true;
    }
    if (feedback->collaboration() == target_name) {
      feedback->clear_collaboration();
      changed = true;
    }
  } else if (auto* user = dynamic_cast<v1::User*>(record)) {
    auto* organizations = user->mutable_organizations();
    for (int i = organizations->size() - 1; i >= 0; --i) {
      if ((*organizations)[i] == target_name) {
        organizations->erase(organizations->begin() + i);
        changed = true;
      }
    }
    if (user->person() == target_name) {
      user->clear_person();
      changed = true;
    }
  }
  return changed;
}

std::optional<Kind> KindOf(const google::protobuf::Message& record) {
  if (dynamic_cast<const v1::Organization*>(&record)) return Kind::kOrganization;
  if (dynamic_cast<const v1::Person*>(&record)) return Kind::kPerson;
  if (dynamic_cast<const v1::Seed*>(&record)) return Kind::kSeed;
  if (dynamic_cast<const v1::Need*>(&record)) return Kind::kNeed;
  if (dynamic_cast<const v1::Collaboration*>(&record)) return Kind::kCollaboration;
  if (dynamic_cast<const v1::Network*>(&record)) return Kind::kNetwork;
  if (dynamic_cast<const v1::Membership*>(&record)) return Kind::kMembership;
  if (dynamic_cast<const v1::Feedback*>(&record)) return Kind::kFeedback;
  if (dynamic_cast<const v1::User*>(&record)) return Kind::kUser;
  if (dynamic_cast<const v1::Token*>(&record)) return Kind::kToken;
  return std::nullopt;
}

std::unique_ptr<google::protobuf::Message> NewRecord(Kind kind) {
  switch (kind) {
    case Kind::kOrganization: return std::make_unique<v1::Organization>();
    case Kind::kPerson: return std::make_unique<v1::Person>();
    case Kind::kSeed: return std::make_unique<v1::Seed>();
    case Kind::kNeed: return std::make_unique<v1::Need>();
    case Kind::kCollaboration: return std::make_unique<v1::Collaboration>();
    case Kind::kNetwork: return std::make_unique<v1::Network>();
    case Kind::kMembership: return std::make_unique<v1::Membership>();
    case Kind::kFeedback: return std::make_unique<v1::Feedback>();
    case Kind::kUser: return std::make_unique<v1::User>();
    case Kind::kToken: return std::make_unique<v1::Token>();
  }
  return nullptr;
}

std::vector<std::string> NormalizedNames(const google::protobuf::Message& record) {
  std::vector<std::string> names;
  if (auto* o = dynamic_cast<const v1::Organization*>(&record)) {
    AddNormalized(&names, o->display_name());
    AddNormalized(&names, o->kana());
    for (const std::string& alias : o->aliases()) AddNormalized(&names, alias);
    for (const std::string& former : o->former_names()) AddNormalized(&names, former);
  } else if (auto* p = dynamic_cast<const v1::Person*>(&record)) {
    AddNormalized(&names, p->display_name());
    AddNormalized(&names, p->kana());
  } else if (auto* s = dynamic_cast<const v1::Seed*>(&record)) {
    AddNormalized(&names, s->title());
  } else if (auto* n = dynamic_cast<const v1::Need*>(&record)) {
    AddNormalized(&names, n->title());
  } else if (auto* x = dynamic_cast<const v1::Collaboration*>(&record)) {
    AddNormalized(&names, x->title());
  } else if (auto* w = dynamic_cast<const v1::Network*>(&record)) {
    AddNormalized(&names, w->display_name());
    AddNormalized(&names, w->kana());
  }
  return names;
}

namespace {

// Appends the normalized parts to a field, " / " between them (hiragana
// stays until the analyzer has seen it).
void AddPart(std::string* field, absl::string_view part) {
  if (part.empty()) return;
  std::string normalized = text::NormalizeForSearch(part);
  if (normalized.empty()) return;
  if (!field->empty()) field->append(" / ");
  field->append(normalized);
}

template <typename List>
void AddParts(std::string* field, const List& parts) {
  for (const auto& part : parts) AddPart(field, part);
}

void AppendVarint(std::string* out, uint64_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

bool ReadVarint(absl::string_view* in, uint64_t* value) {
  *value = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    *value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

std::optional<SearchDocument> SearchDocumentOf(const google::protobuf::Message& record,
                                               const text::Analyzer& analyzer) {
  SearchDocument d;
  std::string* title = &d.fields[kTitleField];
  std::string* keywords = &d.fields[kKeywordsField];
  std::string* summary = &d.fields[kSummaryField];
  std::string* body = &d.fields[kBodyField];
  if (auto* s = dynamic_cast<const v1::Seed*>(&record)) {
    AddPart(title, s->title());
    AddParts(keywords, s->keywords());
    AddParts(keywords, s->fields());
    AddParts(keywords, s->applications());
    AddPart(summary, s->summary());
    AddPart(body, s->body());
    AddParts(body, s->equipment());
  } else if (auto* n = dynamic_cast<const v1::Need*>(&record)) {
    AddPart(title, n->title());
    AddParts(keywords, n->keywords());
    AddParts(keywords, n->fields());
    AddPart(body, n->body());
  } else if (auto* o = dynamic_cast<const v1::Organization*>(&record)) {
    AddPart(title, o->display_name());
    AddParts(title, o->aliases());
    AddParts(title, o->former_names());
    AddPart(title, o->kana());
    AddParts(keywords, o->industries());
    for (const v1::Offering& item : o->products()) AddPart(keywords, item.display_name());
    for (const v1::Offering& item : o->technologies()) AddPart(keywords, item.display_name());
    for (const v1::Certification& item : o->certifications()) AddPart(keywords, item.display_name());
    AddPart(summary, o->description());
    for (const v1::Offering& item : o->products()) AddPart(body, item.description());
    for (const v1::Offering& item : o->technologies()) AddPart(body, item.description());
  } else if (auto* p = dynamic_cast<const v1::Person*>(&record)) {
    AddPart(title, p->display_name());
    AddPart(title, p->kana());
    AddParts(keywords, p->fields());
    AddParts(keywords, p->keywords());
    AddPart(summary, p->department());
    AddPart(summary, p->title());
    AddPart(body, p->profile());
  } else {
    return std::nullopt;
  }
  std::map<std::string, SearchDocument::Counts> counts;
  for (int field = 0; field < kSearchFieldCount; ++field) {
    const std::vector<text::TermAt> terms = analyzer.Terms(d.fields[field]);
    d.lengths[field] = static_cast<int>(terms.size());
    for (const text::TermAt& term : terms) {
      uint8_t& n = counts[term.text][field];
      if (n < 255) ++n;
    }
    d.fields[field] = text::FoldKana(d.fields[field]);
  }
  d.counts.assign(counts.begin(), counts.end());
  return d;
}

std::string EncodeSearchDocument(const SearchDocument& document) {
  std::string out;
  for (const std::string& field : document.fields) {
    AppendVarint(&out, field.size());
    out.append(field);
  }
  for (int length : document.lengths) AppendVarint(&out, static_cast<uint64_t>(length));
  AppendVarint(&out, document.counts.size());
  for (const auto& [term, counts] : document.counts) {
    AppendVarint(&out, term.size());
    out.append(term);
    out.append(reinterpret_cast<const char*>(counts.data()), counts.size());
  }
  return out;
}

bool DecodeSearchDocument(absl::string_view bytes, SearchDocument* document) {
  for (std::string& field : document->fields) {
    uint64_t length;
    if (!ReadVarint(&bytes, &length) || length > bytes.size()) return false;
    field.assign(bytes.data(), length);
    bytes.remove_prefix(length);
  }
  for (int& length : document->lengths) {
    uint64_t value;
    if (!ReadVarint(&bytes, &value)) return false;
    length = static_cast<int>(value);
  }
  uint64_t entries;
  if (!ReadVarint(&bytes, &entries) || entries > bytes.size()) return false;
  document->counts.clear();
  document->counts.reserve(entries);
  for (uint64_t i = 0; i < entries; ++i) {
    uint64_t length;
    if (!ReadVarint(&bytes, &length) || length + kSearchFieldCount > bytes.size()) return false;
    auto& [term, counts] = document->counts.emplace_back();
    term.assign(bytes.data(), length);
    bytes.remove_prefix(length);
    std::copy_n(reinterpret_cast<const uint8_t*>(bytes.data()), kSearchFieldCount, counts.begin());
    bytes.remove_prefix(kSearchFieldCount);
  }
  return bytes.empty();
}

std::string EncodeReferenceValue(const ReferenceValue& value) {
  return absl::StrCat(std::string(1, static_cast<char>(value.on_delete)), value.fields);
}

ReferenceValue DecodeReferenceValue(absl::string_view bytes) {
  ReferenceValue value;
  if (bytes.empty()) return value;
  value.on_delete = static_cast<OnDelete>(bytes[0]);
  value.fields = std::string(bytes.substr(1));
  return value;
}

}  // namespace renkei::store::internal
