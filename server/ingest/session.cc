#include "server/ingest/session.h"

#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "google/protobuf/util/message_differencer.h"
#include "google/protobuf/util/time_util.h"
#include "importer/file_rows.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/ingest/merge.h"
#include "server/ingest/profile_cache.h"
#include "server/ingest/record_merge.h"
#include "server/ingest/sync.h"
#include "server/names/resource_name.h"
#include "server/records/limits.h"
#include "server/records/validate.h"
#include "server/resolve/names.h"
#include "server/resolve/reading.h"
#include "server/store/index.h"
#include "server/store/store.h"
#include "server/text/normalize.h"
#include "server/util/errors.h"
#include "server/util/status_macros.h"

namespace renkei::ingest {
namespace {

using google::protobuf::Message;
using records::kMaxSourceLength;

// Organizations an import creates get slots from here until written.
constexpr uint64_t kPendingBase = uint64_t{1} << 62;

// What finds a record of an import by one of its external ids.
std::string IdKey(const v1::ExternalId& id) {
  return absl::StrCat("id|", id.source(), "|", id.value());
}

// A batch of fewer organization rows is prepared on one thread.
constexpr int kRowsWorthAThread = 64;

constexpr double kDefaultLinkThreshold = 0.85;
constexpr double kDefaultCreateThreshold = 0.5;

bool IsPending(uint64_t slot) { return slot >= kPendingBase; }

// A header's threshold, or the default when it is not set (0).
double EffectiveThreshold(double given, double default_value) {
  return given > 0 ? given : default_value;
}

v1::Date Today() {
  const absl::CivilDay day = absl::ToCivilDay(absl::Now(), absl::LocalTimeZone());
  v1::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

// "display_name: is required" from a validation error.
std::string Reason(const absl::Status& status) { return std::string(status.message()); }

// The record a row of a record kind carries, and its owner field.
const Message* RowRecord(v1::ImportKind kind, const v1::ImportRow& row) {
  switch (kind) {
    case v1::IMPORT_KIND_PEOPLE: return &row.person();
    case v1::IMPORT_KIND_SEEDS: return &row.seed();
    case v1::IMPORT_KIND_NEEDS: return &row.need();
    case v1::IMPORT_KIND_COLLABORATIONS: return &row.collaboration();
    default: return nullptr;
  }
}

Kind RecordKind(v1::ImportKind kind) {
  switch (kind) {
    case v1::IMPORT_KIND_PEOPLE: return Kind::kPerson;
    case v1::IMPORT_KIND_SEEDS: return Kind::kSeed;
    case v1::IMPORT_KIND_NEEDS: return Kind::kNeed;
    default: return Kind::kCollaboration;
  }
}

// The row's field holding the record ("seed"), for messages.
std::string RecordField(v1::ImportKind kind) {
  switch (kind) {
    case v1::IMPORT_KIND_PEOPLE: return "person";
    case v1::IMPORT_KIND_SEEDS: return "seed";
    case v1::IMPORT_KIND_NEEDS: return "need";
    default: return "collaboration";
  }
}

// What identifies a record when it has no external id: its owner and title
// (or a person's name).
std::string NaturalKey(const Message& record) {
  if (auto* p = dynamic_cast<const v1::Person*>(&record)) {
    return absl::StrCat("people|", p->organization(), "|", resolve::PersonKey(p->display_name()));
  }
  if (auto* s = dynamic_cast<const v1::Seed*>(&record)) {
    return absl::StrCat("seeds|", s->institution(), "|", text::NormalizeText(s->title()));
  }
  if (auto* n = dynamic_cast<const v1::Need*>(&record)) {
    return absl::StrCat("needs|", n->company(), "|", text::NormalizeText(n->title()));
  }
  if (auto* c = dynamic_cast<const v1::Collaboration*>(&record)) {
    const std::string first = c->participants().empty() ? "" : c->participants(0).organization();
    return absl::StrCat("collaborations|", first, "|", text::NormalizeText(c->title()), "|",
                        c->start_date().year(), "-", c->start_date().month(), "-",
                        c->start_date().day());
  }
  return "";
}

}  // namespace

// What an organization row says by itself (Session::PrepareOrganizationRow).
struct Session::PreparedRow {
  std::string rejection;  // why the row is rejected; "" when it is not
  RowFacts facts;
  std::string site_label;  // a plant's or branch's row: its site
  Origin origin;
  v1::Organization new_organization;  // the record it would create, checked
  std::set<std::string> new_claimed;  // the fields that record's row set
  resolve::Profile profile;
};

// What one batch will write.
struct Session::Plan {
  struct Organization {
    bool create = false;
    v1::Organization record;  // create: the new record; update: as it will be
    std::string name;         // update: organizations/{id}
    std::set<std::string> claimed_before;
    std::vector<std::pair<RowFacts, Origin>> merges;  // update: re-applied when written
    bool changed = false;  // update: some row changed it (else nothing is written)
  };
  struct Membership {
    bool create = false;
    v1::Membership record;  // as it will be
  };
  struct Record {
    bool create = false;
    std::unique_ptr<Message> record;  // create: the record
    std::unique_ptr<Message> result;  // update: as it will be; receives the stored record
    std::string name;                 // update
    std::set<std::string> claimed_before;  // update
    // Update: the rows' records, merged again when written.
    std::vector<std::pair<std::shared_ptr<const Message>, Origin>> merges;
    std::set<std::string> claimed;  // create: the fields its rows set
    std::vector<v1::RowOutcome*> outcomes;
  };
  std::map<uint64_t, Organization> organizations;  // by slot (id, or pending)
  std::vector<uint64_t> organization_order;
  std::map<uint64_t, Membership> memberships;  // by organization slot
  std::vector<uint64_t> membership_order;
  std::vector<Record> records;
  std::map<std::string, size_t> record_by_key;  // natural key → records index
  std::vector<std::pair<v1::RowOutcome*, uint64_t>> outcome_slots;
  std::set<std::string> external_ids;  // membership ids this batch gives
};

Session::Session(store::Store* store, const resolve::Reader* reader,
                 const v1::ImportHeader& header)
    : store_(*store),
      reader_(reader),
      header_(header),
      resolver_(resolve::Resolver::Options{
          EffectiveThreshold(header.link_threshold(), kDefaultLinkThreshold),
          EffectiveThreshold(header.create_threshold(), kDefaultCreateThreshold)}),
      next_pending_(kPendingBase) {
  summary_.set_dry_run(header.dry_run());
}

Session::~Session() = default;

absl::StatusOr<std::unique_ptr<Session>> Session::Start(store::Store* store,
                                                        const resolve::Reader* reader,
                                                        const v1::ImportHeader& header,
                                                        ProfileCache* profiles) {
  if (header.kind() == v1::IMPORT_KIND_UNSPECIFIED || !v1::ImportKind_IsValid(header.kind())) {
    return InvalidFieldError("header.kind", "is required: members, organizations, people, seeds, "
                                            "needs, collaborations or corporate registry");
  }
  if (header.source().empty() || text::CodePointCount(header.source()) > kMaxSourceLength) {
    return InvalidFieldError("header.source",
                             absl::StrCat("is required, 1..", kMaxSourceLength, " characters"));
  }
  if (text::CodePointCount(header.source_list()) > kMaxSourceLength) {
    return InvalidFieldError("header.source_list",
                             absl::StrCat("is at most ", kMaxSourceLength, " characters"));
  }
  if (!(header.link_threshold() >= 0 && header.link_threshold() <= 1)) {
    return InvalidFieldError("header.link_threshold", "must lie in 0..1");
  }
  if (!(header.create_threshold() >= 0 && header.create_threshold() <= 1)) {
    return InvalidFieldError("header.create_threshold", "must lie in 0..1");
  }
  if (EffectiveThreshold(header.create_threshold(), kDefaultCreateThreshold) >
      EffectiveThreshold(header.link_threshold(), kDefaultLinkThreshold)) {
    return InvalidFieldError("header.create_threshold", "must not exceed link_threshold");
  }
  if (header.sync() && header.kind() != v1::IMPORT_KIND_MEMBERS) {
    return InvalidFieldError("header.sync", "applies to member lists only");
  }
  std::unique_ptr<Session> session(new Session(store, reader, header));
  if (header.kind() == v1::IMPORT_KIND_MEMBERS) {
    absl::StatusOr<ResourceName> network = ParseResourceName(header.network(), Kind::kNetwork);
    if (!network.ok()) {
      return InvalidFieldError("header.network",
                               header.network().empty() ? "is required for a member list"
                                                        : std::string(network.status().message()));
    }
    v1::Network found;
    absl::Status status = store->Get(header.network(), &found);
    if (absl::IsNotFound(status)) {
      return absl::NotFoundError(absl::StrCat("header.network: ", header.network(),
                                              " does not exist"));
    }
    RENKEI_RETURN_IF_ERROR(status);
    session->network_id_ = network->id;
  } else if (!header.network().empty()) {
    return InvalidFieldError("header.network", "applies to member lists only");
  }
  for (int i = 0; i < header.decisions_size(); ++i) {
    const v1::ReviewDecision& decision = header.decisions(i);
    const std::string field = absl::StrCat("header.decisions[", i, "]");
    if (decision.row() <= 0) return InvalidFieldError(field + ".row", "must be a row number");
    if (decision.decision_case() == v1::ReviewDecision::DECISION_NOT_SET) {
      return InvalidFieldError(field, "says neither link, create nor skip");
    }
    if (decision.has_link() && !ParseResourceName(decision.link(), Kind::kOrganization).ok()) {
      return InvalidFieldError(field + ".link", "must be organizations/{id}");
    }
    session->decisions_[decision.row()] = decision;
  }
  RENKEI_RETURN_IF_ERROR(session->Load(profiles));
  RENKEI_RETURN_IF_ERROR(session->CheckListName());
  return session;
}

absl::Status Session::CheckListName() const {
  // A list renamed for another year (…2026.csv → …2027.csv) would start a
  // list of its own and sync would end nothing: the user says which it is.
  if (!header_.sync() || !header_.source_list().empty()) return absl::OkStatus();
  const std::vector<RenamedList> renamed = ListsRenamedFrom(header_.source(), memberships_);
  if (renamed.empty()) return absl::OkStatus();
  std::vector<std::string> named;
  for (const RenamedList& list : renamed) {
    named.push_back(absl::StrCat("「", list.name, "」 (", list.members, " current members)"));
  }
  return FieldError(
      absl::StatusCode::kFailedPrecondition, "header.source_list",
      absl::StrCat("this list 「", header_.source(), "」 has not been imported into ",
                   NetworkName(network_id_), " before, and its name differs only by a year or "
                   "date from ", absl::StrJoin(named, ", "),
                   ". If it replaces that list, run again with --source-list '", renamed[0].name,
                   "' (sync then ends the members it no longer has); if it is another list, with "
                   "--source-list '", header_.source(), "'. Nothing was written"));
}

absl::Status Session::Load(ProfileCache* profiles) {
  // Every organization held: what rows resolve against.
  if (profiles != nullptr) {
    RENKEI_RETURN_IF_ERROR(profiles->Fill(&resolver_));
  } else {
    RENKEI_RETURN_IF_ERROR(LoadProfiles());
  }
  return LoadRecordsAndMembers();
}

absl::Status Session::LoadProfiles() {
  // No cache kept for us (tests, the evaluation): a cache of our own.
  ProfileCache profiles(&store_, reader_);
  return profiles.Fill(&resolver_);
}

absl::Status Session::LoadRecordsAndMembers() {
  if (!importer::IsOrganizationKind(header_.kind())) {
    // The records held of the kind, by what identifies one without an
    // external id: a row naming the same owner and title is that record.
    store::ListRequest held;
    held.kind = RecordKind(header_.kind());
    held.page_size = 1000;
    held.max_examined = 1 << 20;
    const Message& record_prototype =
        *RowRecord(header_.kind(), v1::ImportRow::default_instance());
    RENKEI_RETURN_IF_ERROR(store::ForEachRecord(
        store_, std::move(held), record_prototype, [this](const Message& record) {
          const std::string name = record.GetReflection()->GetString(
              record, record.GetDescriptor()->FindFieldByName("name"));
          natural_keys_.emplace(NaturalKey(record), name);
          return absl::OkStatus();
        }));
  }
  if (network_id_ == 0) return absl::OkStatus();
  store::ListRequest members;
  members.kind = Kind::kMembership;
  members.page_size = 1000;
  members.max_examined = 1 << 20;
  members.terms.push_back(store::MembershipsOfNetwork(network_id_));
  return store::ForEachRecord(
      store_, std::move(members), v1::Membership::default_instance(),
      [this](const Message& record) -> absl::Status {
        const auto& membership = static_cast<const v1::Membership&>(record);
        RENKEI_ASSIGN_OR_RETURN(ResourceName name, ParseResourceName(membership.organization(),
                                                                     Kind::kOrganization));
        memberships_[name.id] = membership;
        if (!membership.has_until() && membership.source_list() == SourceList()) ++held_before_;
        return absl::OkStatus();
      });
}

void Session::KeepPossibleMembers(const resolve::Decision& decision) {
  if (decision.action == resolve::Decision::Action::kLink) maybe_listed_.insert(decision.id);
  for (const resolve::Scored& candidate : decision.candidates) maybe_listed_.insert(candidate.id);
}

void Session::KeepRejected(const v1::ImportRow& row) {
  const resolve::Profile profile = resolve::ProfileOf(row.organization(), reader_);
  const resolve::Decision decision = resolver_.Resolve(profile);
  KeepPossibleMembers(decision);
  // A row with a name that finds nothing is an organization not held, not
  // a member; one without a name that finds nothing may be anyone.
  const bool named = !profile.name_keys.empty() && !profile.name_keys.front().empty();
  if (decision.candidates.empty() && !named) unknown_rejected_rows_.push_back(row.row());
}

std::string Session::SourceList() const {
  return header_.source_list().empty() ? header_.source() : header_.source_list();
}

std::string Session::SlotName(uint64_t slot) const {
  return IsPending(slot) ? absl::StrCat("new:", slot - kPendingBase + 1) : OrganizationName(slot);
}

void Session::Count(const v1::RowOutcome& outcome) {
  summary_.set_rows(summary_.rows() + 1);
  switch (outcome.action()) {
    case v1::IMPORT_ACTION_CREATED: summary_.set_created(summary_.created() + 1); break;
    case v1::IMPORT_ACTION_LINKED: summary_.set_linked(summary_.linked() + 1); break;
    case v1::IMPORT_ACTION_UPDATED: summary_.set_updated(summary_.updated() + 1); break;
    case v1::IMPORT_ACTION_AMBIGUOUS: summary_.set_ambiguous(summary_.ambiguous() + 1); break;
    case v1::IMPORT_ACTION_REJECTED: summary_.set_rejected(summary_.rejected() + 1); break;
    case v1::IMPORT_ACTION_UNMATCHED: summary_.set_unmatched(summary_.unmatched() + 1); break;
    case v1::IMPORT_ACTION_SKIPPED: summary_.set_skipped(summary_.skipped() + 1); break;
    default: break;
  }
}

absl::Status Session::Apply(const v1::ImportBatch& batch, v1::ImportResponse* response) {
  Plan plan;
  const int first = response->outcomes_size();  // this batch's outcomes follow
  // What each organization row says by itself (its facts, the record it
  // would create, checked, and its profile with a MeCab reading) does not
  // depend on the other rows: worked out on two threads first.
  std::vector<PreparedRow> prepared;
  if (importer::IsOrganizationKind(header_.kind())) {
    prepared.resize(static_cast<size_t>(batch.rows_size()));
    auto prepare = [&](int from, int to) {
      for (int i = from; i < to; ++i) {
        const v1::ImportRow& row = batch.rows(i);
        if (row.row() > 0 && row.rejected().empty()) prepared[i] = PrepareOrganizationRow(row);
      }
    };
    if (batch.rows_size() < kRowsWorthAThread) {
      prepare(0, batch.rows_size());
    } else {
      const int half = batch.rows_size() / 2;
      std::thread other(prepare, half, batch.rows_size());
      prepare(0, half);
      other.join();
    }
  }
  for (int i = 0; i < batch.rows_size(); ++i) {
    const v1::ImportRow& row = batch.rows(i);
    v1::RowOutcome* outcome = response->add_outcomes();
    outcome->set_row(row.row());
    if (row.row() <= 0) {
      outcome->set_action(v1::IMPORT_ACTION_REJECTED);
      outcome->set_message("row: must be the row's number in its file");
    } else if (!row.rejected().empty()) {
      // Found invalid by the client: reported, written nowhere.
      outcome->set_action(v1::IMPORT_ACTION_REJECTED);
      outcome->set_message(row.rejected());
      if (header_.sync()) KeepRejected(row);
    } else if (importer::IsOrganizationKind(header_.kind())) {
      PlanOrganizationRow(row, prepared[i], outcome, plan);
    } else {
      PlanRecordRow(row, outcome, plan);
    }
  }
  absl::Status committed = Commit(plan);
  if (!committed.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the batch from row ", batch.rows(0).row(),
                     " could not be written (nothing of it was): ", committed.message()));
  }
  for (int i = first; i < response->outcomes_size(); ++i) Count(response->outcomes(i));
  return absl::OkStatus();
}

Session::PreparedRow Session::PrepareOrganizationRow(const v1::ImportRow& row) const {
  PreparedRow prepared;
  const v1::Organization& written = row.organization();
  if (resolve::NameKey(written.display_name()).empty()) {
    prepared.rejection = "organization.display_name: is required";
    return prepared;
  }
  // Company and site; a head office's row (…本社) is the company's own.
  resolve::NameParts parts = resolve::SplitSite(written.display_name(), row.site_label());
  if (parts.site_kind == resolve::SiteLabelKind::kHeadOffice) parts.site_label.clear();
  RowFacts& facts = prepared.facts;
  facts.organization = written;
  facts.organization.set_display_name(parts.company);
  std::string manager = row.site_manager();
  if (!parts.site_label.empty()) {
    if (manager.empty()) manager = resolve::PersonName(written.representative());
    facts.has_site = true;
    facts.site.set_display_name(parts.site_label);
    facts.site.set_kind(static_cast<v1::SiteKind>(parts.site_kind));
    *facts.site.mutable_address() = written.address();
    facts.site.set_phone(written.contact().phone());
    facts.site.set_manager(manager);
    facts.organization.clear_address();
    facts.organization.mutable_contact()->clear_phone();
    facts.organization.clear_representative();
    facts.organization.clear_representative_title();
    prepared.site_label = parts.site_label;
  }
  prepared.origin = Origin{header_.source(), row.row(),
                           google::protobuf::util::TimeUtil::GetCurrentTime(),
                           header_.kind() == v1::IMPORT_KIND_CORPORATE_REGISTRY};
  // The organization the row would create: checked now, kept if created.
  prepared.new_organization = NewOrganization(facts, prepared.origin, &prepared.new_claimed);
  {
    v1::Organization check = prepared.new_organization;
    records::PrepareForCreate(&check);
    absl::Status valid = records::ValidateRecord(check);
    if (!valid.ok()) {
      prepared.rejection = absl::StrCat("organization.", Reason(valid));
      return prepared;
    }
  }
  v1::Organization profiled = written;
  profiled.set_display_name(parts.company);
  prepared.profile = resolve::ProfileOf(profiled, reader_, parts.site_label, manager);
  return prepared;
}

void Session::PlanOrganizationRow(const v1::ImportRow& row, PreparedRow& prepared,
                                  v1::RowOutcome* outcome, Plan& plan) {
  auto reject = [&](std::string message) {
    outcome->set_action(v1::IMPORT_ACTION_REJECTED);
    outcome->set_message(std::move(message));
    // It may be a member still on the list.
    if (header_.sync()) KeepRejected(row);
  };
  if (!prepared.rejection.empty()) return reject(prepared.rejection);
  if (!prepared.site_label.empty()) outcome->set_site(prepared.site_label);
  const RowFacts& facts = prepared.facts;
  const Origin& origin = prepared.origin;
  const resolve::Profile& profile = prepared.profile;

  // Resolution, or a person's decision on an earlier run's ambiguous row.
  resolve::Decision decision;
  auto review = decisions_.find(row.row());
  if (review != decisions_.end() && !review->second.written_name().empty() &&
      review->second.written_name() != row.organization().display_name()) {
    return reject(absl::StrCat("review decision for row ", row.row(), " was made for 「",
                               review->second.written_name(), "」 and this row is 「",
                               row.organization().display_name(),
                               "」: the list changed since the review file was made"));
  }
  if (review != decisions_.end()) {
    const v1::ReviewDecision& d = review->second;
    if (d.has_skip()) {
      outcome->set_action(v1::IMPORT_ACTION_SKIPPED);
      outcome->set_evidence("確認結果: 取り込まない");
      // Left out of the import, not off the list: sync ends no membership
      // of the organizations the row may be.
      KeepPossibleMembers(resolver_.Resolve(profile));
      return;
    }
    if (d.has_create()) {
      decision.action = resolve::Decision::Action::kCreate;
      decision.evidence = "確認結果: 新規";
    } else {
      const uint64_t id = ParseResourceName(d.link(), Kind::kOrganization)->id;
      if (resolver_.Find(id) == nullptr) {
        return reject(absl::StrCat("review decision: ", d.link(), " does not exist"));
      }
      decision.action = resolve::Decision::Action::kLink;
      decision.id = id;
      const resolve::Scored scored = resolver_.Compare(profile, id);
      decision.score = scored.score;
      decision.evidence = absl::StrCat("確認結果: 同一 (", scored.evidence, ")");
    }
  } else {
    decision = resolver_.Resolve(profile);
  }
  outcome->set_score(decision.score);
  outcome->set_evidence(decision.evidence);
  auto list_candidates = [&] {
    for (const resolve::Scored& candidate : decision.candidates) {
      v1::ResolutionCandidate* c = outcome->add_candidates();
      c->set_organization(SlotName(candidate.id));
      const resolve::Profile* p = resolver_.Find(candidate.id);
      if (p != nullptr) c->set_display_name(p->display_name);
      c->set_score(candidate.score);
      c->set_evidence(candidate.evidence);
    }
  };
  if (decision.action == resolve::Decision::Action::kAmbiguous) {
    outcome->set_action(v1::IMPORT_ACTION_AMBIGUOUS);
    list_candidates();
    // The list may still have any of them: sync ends none of their memberships.
    KeepPossibleMembers(decision);
    return;
  }
  const bool registry = header_.kind() == v1::IMPORT_KIND_CORPORATE_REGISTRY;
  if (decision.action == resolve::Decision::Action::kCreate && registry) {
    outcome->set_action(v1::IMPORT_ACTION_UNMATCHED);
    list_candidates();
    return;
  }

  uint64_t slot;
  if (decision.action == resolve::Decision::Action::kCreate) {
    slot = next_pending_++;
    Plan::Organization& planned = plan.organizations[slot];
    planned.create = true;
    // The row's fields are its own: a later row of this import keeps them.
    planned.record = std::move(prepared.new_organization);
    claimed_[SlotName(slot)] = std::move(prepared.new_claimed);
    plan.organization_order.push_back(slot);
    outcome->set_action(v1::IMPORT_ACTION_CREATED);
    // Its profile; the reading is the row's when the name is (MeCab is slow).
    resolve::Profile created = resolve::ProfileOf(planned.record, nullptr);
    created.reading = created.name_keys.front() == profile.name_keys.front()
                          ? profile.reading
                          : reader_ != nullptr ? reader_->Read(created.name_keys.front()) : "";
    resolver_.Add(slot, std::move(created));
  } else {
    slot = decision.id;
    auto planned_it = plan.organizations.find(slot);
    if (planned_it == plan.organizations.end()) {
      Plan::Organization planned;
      if (IsPending(slot)) {
        // Created by an earlier batch of a dry run.
        planned.record = dry_created_[slot];
        planned.create = true;
      } else {
        planned.name = OrganizationName(slot);
        absl::Status read = store_.Get(planned.name, &planned.record);
        if (!read.ok()) return reject(absl::StrCat("reading ", planned.name, ": ", read.message()));
        planned.claimed_before = claimed_[planned.name];
      }
      planned_it = plan.organizations.emplace(slot, std::move(planned)).first;
      plan.organization_order.push_back(slot);
    }
    Plan::Organization& planned = planned_it->second;
    std::set<std::string>& claimed = claimed_[planned.create ? SlotName(slot) : planned.name];
    const std::vector<std::string> changed = Merge(facts, origin, &claimed, &planned.record);
    if (!planned.create) planned.merges.emplace_back(facts, origin);
    planned.changed = planned.changed || !changed.empty();
    for (const std::string& path : changed) outcome->add_changed_fields(path);
    outcome->set_action(changed.empty() ? v1::IMPORT_ACTION_LINKED : v1::IMPORT_ACTION_UPDATED);
    if (!changed.empty()) resolver_.Add(slot, resolve::ProfileOf(planned.record, reader_));
  }
  outcome->set_name(SlotName(slot));
  plan.outcome_slots.emplace_back(outcome, slot);
  if (header_.kind() == v1::IMPORT_KIND_MEMBERS) PlanMembership(slot, row, outcome, plan);
}

void Session::PlanMembership(uint64_t slot, const v1::ImportRow& row, v1::RowOutcome* outcome,
                             Plan& plan) {
  listed_.insert(slot);
  auto planned_it = plan.memberships.find(slot);
  if (planned_it == plan.memberships.end()) {
    Plan::Membership planned;
    auto held = memberships_.find(slot);
    if (held != memberships_.end()) {
      planned.record = held->second;
    } else {
      planned.create = true;
      planned.record.set_role(v1::MEMBER_ROLE_MEMBER);
    }
    planned_it = plan.memberships.emplace(slot, std::move(planned)).first;
    plan.membership_order.push_back(slot);
  }
  v1::Membership& membership = planned_it->second.record;
  const v1::Membership& given = row.membership();
  if (given.role() != v1::MEMBER_ROLE_UNSPECIFIED) membership.set_role(given.role());
  if (!given.role_label().empty()) membership.set_role_label(given.role_label());
  if (given.has_since() && !membership.has_since()) *membership.mutable_since() = given.since();
  membership.clear_until();
  membership.set_source_list(SourceList());
  for (const v1::ExternalId& id : given.external_ids()) {
    bool known = false;
    for (const v1::ExternalId& have : membership.external_ids()) {
      known = known || (have.source() == id.source() && have.value() == id.value());
    }
    if (known) continue;
    // A number another member holds (a list that renumbered) is not taken.
    const std::string key = absl::StrCat(id.source(), "\n", id.value());
    absl::StatusOr<std::string> holder =
        store_.Lookup(store::ExternalIdKey(Kind::kMembership, id.source(), id.value()));
    if (holder.ok() || !plan.external_ids.insert(key).second) {
      outcome->set_message(absl::StrCat("会員番号 ", id.value(), " is another member's; not kept"));
      continue;
    }
    *membership.add_external_ids() = id;
  }
  outcome->set_membership(IsPending(slot) ? "" : MembershipName(network_id_, slot));
}

void Session::PlanRecordRow(const v1::ImportRow& row, v1::RowOutcome* outcome, Plan& plan) {
  auto reject = [&](std::string message) {
    outcome->set_action(v1::IMPORT_ACTION_REJECTED);
    outcome->set_message(std::move(message));
  };
  const Message* given = RowRecord(header_.kind(), row);
  std::unique_ptr<Message> record(given->New());
  record->CopyFrom(*given);
  // Organizations the row names by name: resolved, never created.
  auto resolve_owner = [&](const v1::Organization& described,
                           const std::string& field) -> absl::StatusOr<std::string> {
    // Rows of one owner (a catalogue of one institution's seeds) resolve it once.
    const std::string key = described.SerializeAsString();
    auto known = owners_.find(key);
    if (known == owners_.end()) {
      known = owners_.emplace(key, resolver_.Resolve(resolve::ProfileOf(described, reader_))).first;
    }
    const resolve::Decision& d = known->second;
    if (d.action == resolve::Decision::Action::kLink && !IsPending(d.id)) {
      return OrganizationName(d.id);
    }
    if (d.action == resolve::Decision::Action::kAmbiguous) {
      std::vector<std::string> names;
      for (const resolve::Scored& c : d.candidates) names.push_back(SlotName(c.id));
      return absl::InvalidArgumentError(absl::StrCat(field, ": 「", described.display_name(),
                                                     "」 may be ", absl::StrJoin(names, " or "),
                                                     "; name it by its resource name"));
    }
    return absl::InvalidArgumentError(absl::StrCat(field, ": 「", described.display_name(),
                                                   "」 is not in the database; import it first"));
  };
  const bool described = !row.organization().display_name().empty() ||
                         !row.organization().corporate_number().empty();
  absl::StatusOr<std::string> owner = std::string();
  if (auto* p = dynamic_cast<v1::Person*>(record.get()); p && p->organization().empty() && described) {
    owner = resolve_owner(row.organization(), "person.organization");
    if (owner.ok()) p->set_organization(*owner);
  } else if (auto* s = dynamic_cast<v1::Seed*>(record.get()); s && s->institution().empty() && described) {
    owner = resolve_owner(row.organization(), "seed.institution");
    if (owner.ok()) s->set_institution(*owner);
  } else if (auto* n = dynamic_cast<v1::Need*>(record.get()); n && n->company().empty() && described) {
    owner = resolve_owner(row.organization(), "need.company");
    if (owner.ok()) n->set_company(*owner);
  } else if (auto* c = dynamic_cast<v1::Collaboration*>(record.get())) {
    for (int i = 0; i < c->participants_size() && i < row.participant_organizations_size(); ++i) {
      const v1::Organization& o = row.participant_organizations(i);
      if (!c->participants(i).organization().empty() || o.display_name().empty()) continue;
      owner = resolve_owner(o, absl::StrCat("collaboration.participants[", i, "].organization"));
      if (!owner.ok()) break;
      c->mutable_participants(i)->set_organization(*owner);
    }
  }
  if (!owner.ok()) return reject(std::string(owner.status().message()));
  const std::string noun = RecordField(header_.kind());
  {
    std::unique_ptr<Message> check(record->New());
    check->CopyFrom(*record);
    records::PrepareForCreate(check.get());
    absl::Status valid = records::ValidateRecord(*check);
    if (!valid.ok()) return reject(absl::StrCat(noun, ".", Reason(valid)));
  }
  Origin origin{header_.source(), row.row(), google::protobuf::util::TimeUtil::GetCurrentTime(),
                false};
  // Identity: an external id held, else the natural key.
  std::string existing;
  std::vector<std::string> keys;  // what finds this record among the batch's
  const auto* ids_field = record->GetDescriptor()->FindFieldByName("external_ids");
  const Kind kind = RecordKind(header_.kind());
  for (int i = 0; i < record->GetReflection()->FieldSize(*record, ids_field); ++i) {
    const auto& id = static_cast<const v1::ExternalId&>(
        record->GetReflection()->GetRepeatedMessage(*record, ids_field, i));
    keys.push_back(IdKey(id));
    if (!existing.empty()) continue;
    absl::StatusOr<std::string> holder =
        store_.Lookup(store::ExternalIdKey(kind, id.source(), id.value()));
    if (holder.ok()) {
      existing = *holder;
    } else if (auto dry = dry_external_ids_.find(keys.back()); dry != dry_external_ids_.end()) {
      existing = dry->second;
    }
  }
  const std::string natural = NaturalKey(*record);
  if (existing.empty()) {
    auto known = natural_keys_.find(natural);
    if (known != natural_keys_.end()) existing = known->second;
  }
  keys.push_back(existing.empty() ? natural : existing);
  // Merges the row into `target`, or leaves both untouched and says why the
  // merged record would be invalid (an end date before the start another
  // row gave …).
  auto merge_into = [&](Message* target,
                        std::set<std::string>* claimed) -> absl::StatusOr<std::vector<std::string>> {
    std::unique_ptr<Message> merged(target->New());
    merged->CopyFrom(*target);
    std::set<std::string> merged_claimed = *claimed;
    std::vector<std::string> changed = MergeRecord(*record, origin, &merged_claimed, merged.get());
    records::DeriveFields(merged.get());
    absl::Status valid = records::ValidateRecord(*merged);
    if (!valid.ok()) return valid;
    target->CopyFrom(*merged);
    *claimed = std::move(merged_claimed);
    return changed;
  };
  // A row repeated in this batch joins the first; the first row's values win.
  for (const std::string& key : keys) {
    auto in_batch = plan.record_by_key.find(key);
    if (in_batch == plan.record_by_key.end()) continue;
    Plan::Record& planned = plan.records[in_batch->second];
    absl::StatusOr<std::vector<std::string>> changed =
        planned.create ? merge_into(planned.record.get(), &planned.claimed)
                       : merge_into(planned.result.get(), &claimed_[planned.name]);
    if (!changed.ok()) {
      return reject(absl::StrCat(noun, ".", Reason(changed.status()),
                                 " (merged with an earlier row of the same record)"));
    }
    if (!planned.create) planned.merges.emplace_back(std::move(record), origin);
    for (const std::string& path : *changed) outcome->add_changed_fields(path);
    outcome->set_action(changed->empty() ? v1::IMPORT_ACTION_LINKED : v1::IMPORT_ACTION_UPDATED);
    outcome->set_evidence("同じファイルの前の行と同一");
    planned.outcomes.push_back(outcome);
    for (const std::string& k : keys) plan.record_by_key.emplace(k, in_batch->second);
    return;
  }
  Plan::Record planned;
  planned.outcomes.push_back(outcome);
  if (existing.empty()) {
    planned.create = true;
    records::PrepareForCreate(record.get());
    SetSources(origin, record.get(), &planned.claimed);
    planned.record = std::move(record);
    outcome->set_action(v1::IMPORT_ACTION_CREATED);
    outcome->set_evidence("新規");
  } else {
    planned.name = existing;
    planned.result.reset(record->New());
    if (auto dry = dry_records_.find(existing); dry != dry_records_.end()) {
      planned.result->CopyFrom(*dry->second);
    } else {
      absl::Status read = store_.Get(existing, planned.result.get());
      if (!read.ok()) return reject(absl::StrCat("reading ", existing, ": ", read.message()));
    }
    std::set<std::string>& claimed = claimed_[existing];
    planned.claimed_before = claimed;
    absl::StatusOr<std::vector<std::string>> changed = merge_into(planned.result.get(), &claimed);
    if (!changed.ok()) {
      return reject(absl::StrCat(noun, ".", Reason(changed.status()), " (merged with ", existing,
                                 " as held)"));
    }
    for (const std::string& path : *changed) outcome->add_changed_fields(path);
    outcome->set_action(changed->empty() ? v1::IMPORT_ACTION_LINKED : v1::IMPORT_ACTION_UPDATED);
    outcome->set_name(existing);
    outcome->set_evidence("外部ID一致または同じ所属・題名");
    planned.merges.emplace_back(std::move(record), origin);
  }
  for (const std::string& key : keys) plan.record_by_key.emplace(key, plan.records.size());
  plan.records.push_back(std::move(planned));
}

absl::Status Session::Commit(Plan& plan) {
  const bool dry_run = header_.dry_run();
  std::vector<store::Write> writes;
  std::map<uint64_t, v1::Organization*> created;  // slot → record being created
  for (uint64_t slot : plan.organization_order) {
    Plan::Organization& planned = plan.organizations[slot];
    if (planned.create) {
      if (dry_run) {
        // What later batches of this dry run link to (by its slot).
        dry_created_[slot] = planned.record;
        continue;
      }
      records::PrepareForCreate(&planned.record);
      created[slot] = &planned.record;
      writes.push_back(store::Write::Create(&planned.record));
      continue;
    }
    // Rows that changed nothing need no write (a re-run of a list).
    if (!planned.changed) continue;
    const std::set<std::string> claimed_before = planned.claimed_before;
    const auto merges = planned.merges;
    writes.push_back(store::Write::Update(
        planned.name,
        [claimed_before, merges](Message* message) {
          auto* organization = static_cast<v1::Organization*>(message);
          std::set<std::string> claimed = claimed_before;
          for (const auto& [facts, origin] : merges) Merge(facts, origin, &claimed, organization);
          return absl::OkStatus();
        },
        &planned.record));
  }
  // Memberships that did not change need no write; count the others.
  int64_t memberships_created = 0, memberships_updated = 0;
  for (uint64_t slot : plan.membership_order) {
    Plan::Membership& planned = plan.memberships[slot];
    if (planned.create) {
      ++memberships_created;
      if (dry_run) continue;
      // Before naming it: PrepareForCreate clears the (output-only) name.
      records::PrepareForCreate(&planned.record);
      v1::Organization* organization = nullptr;
      const uint64_t network = network_id_;
      if (IsPending(slot)) {
        auto it = created.find(slot);
        if (it == created.end()) {
          return absl::InternalError(absl::StrCat("no organization created for ", SlotName(slot)));
        }
        organization = it->second;
      } else {
        planned.record.set_organization(OrganizationName(slot));
        planned.record.set_name(MembershipName(network, slot));
      }
      store::Write write = store::Write::Create(&planned.record);
      write.before = [organization, network](Message* message) -> absl::Status {
        if (organization == nullptr) return absl::OkStatus();
        auto* membership = static_cast<v1::Membership*>(message);
        RENKEI_ASSIGN_OR_RETURN(ResourceName name,
                                ParseResourceName(organization->name(), Kind::kOrganization));
        membership->set_organization(organization->name());
        membership->set_name(MembershipName(network, name.id));
        return absl::OkStatus();
      };
      writes.push_back(std::move(write));
    } else if (!google::protobuf::util::MessageDifferencer::Equals(planned.record,
                                                                  memberships_[slot])) {
      ++memberships_updated;
      const v1::Membership desired = planned.record;
      writes.push_back(store::Write::Update(
          desired.name(),
          [desired](Message* message) {
            auto* membership = static_cast<v1::Membership*>(message);
            membership->set_role(desired.role());
            membership->set_role_label(desired.role_label());
            if (desired.has_since()) *membership->mutable_since() = desired.since();
            membership->clear_until();
            membership->set_source_list(desired.source_list());
            *membership->mutable_external_ids() = desired.external_ids();
            return absl::OkStatus();
          },
          &planned.record));
    }
  }
  for (Plan::Record& planned : plan.records) {
    if (planned.create) {
      writes.push_back(store::Write::Create(planned.record.get()));
    } else {
      const std::set<std::string> claimed_before = planned.claimed_before;
      const auto merges = planned.merges;
      writes.push_back(store::Write::Update(
          planned.name,
          [claimed_before, merges](Message* message) {
            std::set<std::string> claimed = claimed_before;
            for (const auto& [row, origin] : merges) MergeRecord(*row, origin, &claimed, message);
            records::DeriveFields(message);
            return absl::OkStatus();
          },
          planned.result.get()));
    }
  }
  if (!dry_run && !writes.empty()) RENKEI_RETURN_IF_ERROR(store_.Apply(writes, actor_));
  summary_.set_memberships_created(summary_.memberships_created() + memberships_created);
  summary_.set_memberships_updated(summary_.memberships_updated() + memberships_updated);
  if (dry_run) {
    // Later batches find these memberships (a row of the same organization
    // updates, not creates, it) and these records.
    for (uint64_t slot : plan.membership_order) memberships_[slot] = plan.memberships[slot].record;
    for (Plan::Record& planned : plan.records) {
      const std::string name =
          planned.create ? absl::StrCat("new:", ++dry_records_created_) : planned.name;
      std::unique_ptr<Message>& kept = dry_records_[name];
      kept = planned.create ? std::move(planned.record) : std::move(planned.result);
      for (v1::RowOutcome* outcome : planned.outcomes) outcome->set_name(name);
      natural_keys_[NaturalKey(*kept)] = name;
      const auto* ids = kept->GetDescriptor()->FindFieldByName("external_ids");
      for (int i = 0; i < kept->GetReflection()->FieldSize(*kept, ids); ++i) {
        const auto& id = static_cast<const v1::ExternalId&>(
            kept->GetReflection()->GetRepeatedMessage(*kept, ids, i));
        dry_external_ids_.emplace(IdKey(id), name);
      }
      if (planned.create) claimed_[name] = std::move(planned.claimed);
    }
    return absl::OkStatus();
  }
  // Created organizations have their ids now.
  std::map<uint64_t, uint64_t> renamed;
  for (const auto& [slot, record] : created) {
    const uint64_t id = ParseResourceName(record->name(), Kind::kOrganization)->id;
    renamed[slot] = id;
    resolver_.Rename(slot, id);
    claimed_[record->name()] = std::move(claimed_[SlotName(slot)]);
    claimed_.erase(SlotName(slot));
    if (listed_.erase(slot) > 0) listed_.insert(id);
    if (maybe_listed_.erase(slot) > 0) maybe_listed_.insert(id);
  }
  for (auto& [outcome, slot] : plan.outcome_slots) {
    auto it = renamed.find(slot);
    const uint64_t id = it == renamed.end() ? slot : it->second;
    outcome->set_name(OrganizationName(id));
    if (header_.kind() == v1::IMPORT_KIND_MEMBERS) {
      outcome->set_membership(MembershipName(network_id_, id));
    }
  }
  for (uint64_t slot : plan.membership_order) {
    const Plan::Membership& planned = plan.memberships[slot];
    auto it = renamed.find(slot);
    memberships_[it == renamed.end() ? slot : it->second] = planned.record;
  }
  for (Plan::Record& planned : plan.records) {
    const std::string name =
        planned.create ? planned.record->GetReflection()->GetString(
                             *planned.record, planned.record->GetDescriptor()->FindFieldByName("name"))
                       : planned.name;
    for (v1::RowOutcome* outcome : planned.outcomes) outcome->set_name(name);
    natural_keys_[NaturalKey(planned.create ? *planned.record : *planned.result)] = name;
    if (planned.create) claimed_[name] = std::move(planned.claimed);
  }
  return absl::OkStatus();
}

absl::Status Session::Finish(v1::ImportResponse* response) {
  if (header_.sync() && network_id_ != 0) RENKEI_RETURN_IF_ERROR(Sync());
  *response->mutable_summary() = summary_;
  return absl::OkStatus();
}

absl::Status Session::Sync() {
  SyncFacts facts;
  facts.network = NetworkName(network_id_);
  facts.list = SourceList();
  facts.rows = summary_.rows();
  facts.unknown_rejected_rows = unknown_rejected_rows_;
  facts.confirmed = header_.confirm_large_sync();
  facts.held_before = held_before_;
  facts.memberships = &memberships_;
  facts.listed = &listed_;
  facts.maybe_listed = &maybe_listed_;
  const SyncDecision decision = DecideSync(facts);
  summary_.set_sync_skipped(decision.skipped);
  summary_.set_sync_message(decision.message);
  for (const std::string& name : decision.held_back) summary_.add_memberships_not_ended(name);
  std::vector<store::Write> writes;
  std::vector<std::unique_ptr<v1::Membership>> results;
  const v1::Date today = Today();
  for (const v1::Membership* membership : decision.to_end) {
    summary_.add_memberships_ended(membership->name());
    results.push_back(std::make_unique<v1::Membership>());
    writes.push_back(store::Write::Update(
        membership->name(),
        [today](Message* message) {
          *static_cast<v1::Membership*>(message)->mutable_until() = today;
          return absl::OkStatus();
        },
        results.back().get()));
  }
  if (header_.dry_run() || writes.empty()) return absl::OkStatus();
  absl::Status status = store_.Apply(writes, actor_);
  if (!status.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("ending the memberships the list no longer has: ", status.message()));
  }
  return absl::OkStatus();
}

}  // namespace renkei::ingest
