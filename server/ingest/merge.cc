#include "server/ingest/merge.h"

#include <functional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/util/message_differencer.h"
#include "server/resolve/names.h"
#include "server/text/normalize.h"

namespace renkei::ingest {
namespace {

// The field_sources key of a field path: a site's fields are kept as
// "sites.一関工場.phone" (the path "sites[一関工場].phone"), since a key must
// begin with a field of the record up to its first '.' (records/validate.h).
std::string SourceKey(absl::string_view path) {
  if (!absl::StartsWith(path, "sites[")) return std::string(path);
  const size_t close = path.find(']');
  if (close == absl::string_view::npos) return std::string(path);
  return absl::StrCat("sites.", path.substr(6, close - 6), path.substr(close + 1));
}

bool Empty(const v1::Address& address) {
  return address.postal_code().empty() && address.prefecture().empty() &&
         address.city().empty() && address.district().empty() && address.street().empty() &&
         address.building().empty();
}

bool SameAddress(const v1::Address& a, const v1::Address& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

class Merger {
 public:
  Merger(const Origin& origin, std::set<std::string>* claimed, v1::Organization* target)
      : origin_(origin), claimed_(claimed), target_(target) {}

  // One field at `path`: `present` says whether the row gives it, `equal`
  // whether the record already holds the row's value, `empty` whether the
  // record has none; `set` writes the row's value. A field without a source
  // of its own has that of `owner` (a site's fields, that of the site).
  void Field(const std::string& path, bool present, bool equal, bool empty,
             const std::function<void()>& set, const std::string& owner = "") {
    if (!present) return;
    auto& sources = *target_->mutable_field_sources();
    const bool first_in_import = claimed_->insert(path).second;
    if (equal) return;  // confirmed: whoever set it keeps it
    std::string key = SourceKey(path);
    if (!sources.contains(key) && !owner.empty()) key = SourceKey(owner);
    const bool ours = sources.contains(key) && sources.at(key).source() == origin_.source;
    if (!empty && !origin_.authoritative && !(ours && first_in_import)) return;
    set();
    sources[SourceKey(path)] = SourceOf(origin_);
    changed_.push_back(path);
  }

  void Text(const std::string& path, const std::string& value, std::string* field,
            const std::string& owner = "") {
    Field(path, !value.empty(), *field == value, field->empty(), [&] { *field = value; }, owner);
  }

  std::vector<std::string> changed() && { return std::move(changed_); }
  void Claim(std::string path) { claimed_->insert(std::move(path)); }
  void Changed(std::string path) { changed_.push_back(std::move(path)); }

 private:
  const Origin& origin_;
  std::set<std::string>* claimed_;
  v1::Organization* target_;
  std::vector<std::string> changed_;
};

void MergeSite(const v1::Site& site, Merger& merger, const Origin& origin,
               v1::Organization* target) {
  const std::string key = resolve::NameKey(site.display_name());
  v1::Site* existing = nullptr;
  for (v1::Site& s : *target->mutable_sites()) {
    if (resolve::NameKey(s.display_name()) == key) existing = &s;
  }
  const std::string path = absl::StrCat("sites[", site.display_name(), "]");
  if (existing == nullptr) {
    *target->add_sites() = site;
    (*target->mutable_field_sources())[SourceKey(path)] = SourceOf(origin);
    merger.Changed(path);
    // The row's values are its own: a later row of this import keeps them.
    for (absl::string_view field : {".address", ".phone", ".manager"}) {
      merger.Claim(absl::StrCat(path, field));
    }
    return;
  }
  const std::string base = absl::StrCat("sites[", existing->display_name(), "]");
  merger.Field(base + ".address", !Empty(site.address()),
               SameAddress(site.address(), existing->address()), Empty(existing->address()),
               [&] { *existing->mutable_address() = site.address(); }, base);
  merger.Text(base + ".phone", site.phone(), existing->mutable_phone(), base);
  merger.Text(base + ".manager", site.manager(), existing->mutable_manager(), base);
  if (existing->kind() == v1::SITE_KIND_UNSPECIFIED && site.kind() != v1::SITE_KIND_UNSPECIFIED) {
    existing->set_kind(site.kind());
    merger.Changed(base + ".kind");
  }
}

}  // namespace

v1::FieldSource SourceOf(const Origin& origin) {
  v1::FieldSource source;
  source.set_source(origin.source);
  source.set_row(origin.row);
  *source.mutable_update_time() = origin.time;
  return source;
}

std::vector<std::string> Merge(const RowFacts& facts, const Origin& origin,
                               std::set<std::string>* claimed, v1::Organization* target) {
  const v1::Organization& row = facts.organization;
  Merger merger(origin, claimed, target);
  // Names.
  const std::string display = resolve::DisplayName(row.display_name());
  if (!display.empty()) {
    if (origin.authoritative && display != target->display_name()) {
      // The registry's writing is the official one; a name that differs in
      // more than its writing (a new trade name) is kept as a former name.
      if (!target->display_name().empty() &&
          resolve::NameKey(display) != resolve::NameKey(target->display_name())) {
        target->add_former_names(target->display_name());
      }
      target->set_display_name(display);
      (*target->mutable_field_sources())["display_name"] = SourceOf(origin);
      merger.Changed("display_name");
    } else {
      const std::string key = resolve::NameKey(display);
      bool known = resolve::NameKey(target->display_name()) == key;
      for (const std::string& alias : target->aliases()) known = known || resolve::NameKey(alias) == key;
      for (const std::string& former : target->former_names()) {
        known = known || resolve::NameKey(former) == key;
      }
      if (!known) {
        target->add_aliases(display);
        merger.Changed("aliases");
      }
    }
  }
  merger.Text("kana", row.kana(), target->mutable_kana());
  if (target->corporate_number().empty() && !row.corporate_number().empty()) {
    target->set_corporate_number(row.corporate_number());
    (*target->mutable_field_sources())["corporate_number"] = SourceOf(origin);
    merger.Changed("corporate_number");
  }
  if (target->kind() == v1::ORGANIZATION_KIND_UNSPECIFIED && row.kind() != v1::ORGANIZATION_KIND_UNSPECIFIED) {
    target->set_kind(row.kind());
    merger.Changed("kind");
  }
  if (!facts.has_site) {
    merger.Field("address", !Empty(row.address()), SameAddress(row.address(), target->address()),
                 Empty(target->address()),
                 [&] { *target->mutable_address() = row.address(); });
    merger.Text("contact.phone", row.contact().phone(), target->mutable_contact()->mutable_phone());
    merger.Text("representative", row.representative(), target->mutable_representative());
    merger.Text("representative_title", row.representative_title(),
                target->mutable_representative_title());
  }
  merger.Text("contact.fax", row.contact().fax(), target->mutable_contact()->mutable_fax());
  merger.Text("contact.email", row.contact().email(), target->mutable_contact()->mutable_email());
  merger.Text("contact.url", row.contact().url(), target->mutable_contact()->mutable_url());
  merger.Field("employees", row.employees() > 0, row.employees() == target->employees(),
               target->employees() == 0, [&] { target->set_employees(row.employees()); });
  merger.Field("capital_yen", row.capital_yen() > 0, row.capital_yen() == target->capital_yen(),
               target->capital_yen() == 0, [&] { target->set_capital_yen(row.capital_yen()); });
  bool industries_changed = false;
  for (const std::string& industry : row.industries()) {
    bool known = false;
    for (const std::string& have : target->industries()) {
      known = known || text::NormalizeText(have) == text::NormalizeText(industry);
    }
    if (!known) {
      target->add_industries(industry);
      industries_changed = true;
    }
  }
  if (industries_changed) merger.Changed("industries");
  if (facts.has_site) MergeSite(facts.site, merger, origin, target);
  return std::move(merger).changed();
}

v1::Organization NewOrganization(const RowFacts& facts, const Origin& origin,
                                 std::set<std::string>* claimed) {
  v1::Organization organization;
  organization.set_kind(facts.organization.kind() == v1::ORGANIZATION_KIND_UNSPECIFIED
                            ? v1::ORGANIZATION_KIND_COMPANY
                            : facts.organization.kind());
  organization.set_display_name(resolve::DisplayName(facts.organization.display_name()));
  std::set<std::string> scratch;
  Merge(facts, origin, claimed != nullptr ? claimed : &scratch, &organization);
  return organization;
}

}  // namespace renkei::ingest
