#include "server/indicators/indicators.h"

#include <map>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/indicator.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "server/records/dates.h"
#include "server/store/index.h"
#include "server/store/store.h"
#include "server/util/errors.h"
#include "server/util/status_macros.h"

namespace renkei::indicators {
namespace {

// Calls `visit` for every record a list request selects, page by page.
template <typename T, typename Visit>
absl::Status ForEach(const store::Store& store, store::ListRequest request, Visit visit) {
  request.max_examined = 1 << 30;
  return store::ForEachRecord(store, std::move(request), T::default_instance(),
                              [&](const google::protobuf::Message& record) {
                                visit(static_cast<const T&>(record));
                                return absl::OkStatus();
                              });
}

// The sum of the counters "<family>/<year>" for years up to `fiscal_year`
// (year 0 holds those without a date, which always count).
absl::StatusOr<int64_t> CumulativeCount(const store::Store& store,
                                        const std::string& family, int fiscal_year) {
  RENKEI_ASSIGN_OR_RETURN(auto counters, store.Counters(family + "/"));
  int64_t sum = 0;
  for (const auto& [name, value] : counters) {
    int year;
    if (absl::SimpleAtoi(name.substr(family.size() + 1), &year) && year <= fiscal_year) {
      sum += value;
    }
  }
  return sum;
}

v1::CollaborationCount* CountFor(
    std::map<int, v1::CollaborationCount>& by_type, v1::CollaborationType type) {
  v1::CollaborationCount& count = by_type[type];
  count.set_type(type);
  return &count;
}

}  // namespace

absl::StatusOr<v1::Indicators> ComputeIndicators(const store::Store& store,
                                                 int fiscal_year) {
  if (fiscal_year < 1800 || fiscal_year > 2200) {
    return InvalidFieldError("fiscal_year", "must be a 年度 between 1800 and 2200");
  }
  v1::Indicators out;
  out.set_fiscal_year(fiscal_year);
  out.mutable_period_start()->set_year(fiscal_year);
  out.mutable_period_start()->set_month(4);
  out.mutable_period_start()->set_day(1);
  out.mutable_period_end()->set_year(fiscal_year + 1);
  out.mutable_period_end()->set_month(3);
  out.mutable_period_end()->set_day(31);
  const int start = records::DateOrdinal(out.period_start());
  const int end = records::DateOrdinal(out.period_end());

  // Collaborations active in the 年度, by type and by institution.
  std::map<int, v1::CollaborationCount> by_type;
  struct Institution {
    std::string display_name;
    std::map<int, v1::CollaborationCount> by_type;
  };
  std::map<std::string, Institution> institutions;
  std::map<std::string, bool> is_institution;  // organization name → academic/public
  absl::Status lookup_error;
  store::ListRequest collaborations;
  collaborations.kind = Kind::kCollaboration;
  collaborations.terms.push_back(store::CollaborationsInFiscalYear(fiscal_year));
  RENKEI_RETURN_IF_ERROR(ForEach<v1::Collaboration>(
      store, collaborations, [&](const v1::Collaboration& x) {
        v1::CollaborationCount* count = CountFor(by_type, x.type());
        count->set_records(count->records() + 1);
        count->set_cases(count->cases() + x.case_count());
        std::map<std::string, bool> seen;
        for (const v1::Participant& participant : x.participants()) {
          const std::string& name = participant.organization();
          if (seen[name]) continue;
          seen[name] = true;
          auto known = is_institution.find(name);
          if (known == is_institution.end()) {
            v1::Organization organization;
            absl::Status status = store.Get(name, &organization);
            if (!status.ok() && !absl::IsNotFound(status)) lookup_error = status;
            const bool academic =
                status.ok() && (organization.kind() == v1::ORGANIZATION_KIND_ACADEMIC ||
                                organization.kind() == v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
            known = is_institution.emplace(name, academic).first;
            if (academic) institutions[name].display_name = organization.display_name();
          }
          if (!known->second) continue;
          v1::CollaborationCount* per = CountFor(institutions[name].by_type, x.type());
          per->set_records(per->records() + 1);
          per->set_cases(per->cases() + x.case_count());
        }
      }));
  RENKEI_RETURN_IF_ERROR(lookup_error);
  for (auto& [type, count] : by_type) *out.add_collaborations_by_type() = count;
  for (auto& [name, institution] : institutions) {
    v1::InstitutionCollaborations* entry = out.add_collaborations_by_institution();
    entry->set_institution(name);
    entry->set_display_name(institution.display_name);
    for (auto& [type, count] : institution.by_type) *entry->add_by_type() = count;
  }
  auto testing = by_type.find(v1::COLLABORATION_TYPE_TESTING_ANALYSIS);
  out.set_testing_analysis_cases(testing == by_type.end() ? 0 : testing->second.cases());

  out.set_new_products(
      store.Counter(store::ProductsDevelopedCounter(fiscal_year)) +
      store.Counter(store::OutcomesCounter(v1::OUTCOME_KIND_NEW_PRODUCT, fiscal_year)));
  out.set_new_technologies(
      store.Counter(store::TechnologiesDevelopedCounter(fiscal_year)) +
      store.Counter(store::OutcomesCounter(v1::OUTCOME_KIND_NEW_TECHNOLOGY, fiscal_year)));

  const int64_t companies =
      store.Counter(store::OrganizationKindCounter(v1::ORGANIZATION_KIND_COMPANY));
  out.set_companies(companies);
  const std::string sdgs = store::CompaniesSdgsCounter(0);
  const std::string bcp = store::CompaniesBcpCounter(0);
  RENKEI_ASSIGN_OR_RETURN(int64_t sdgs_companies,
                          CumulativeCount(store, sdgs.substr(0, sdgs.rfind('/')), fiscal_year));
  RENKEI_ASSIGN_OR_RETURN(int64_t bcp_companies,
                          CumulativeCount(store, bcp.substr(0, bcp.rfind('/')), fiscal_year));
  out.set_sdgs_companies(sdgs_companies);
  out.set_bcp_companies(bcp_companies);
  out.set_bcp_share(companies == 0 ? 0.0
                                   : static_cast<double>(bcp_companies) / companies);

  // Members per network: memberships that lasted into the 年度.
  store::ListRequest networks;
  networks.kind = Kind::kNetwork;
  std::vector<v1::Network> all_networks;
  RENKEI_RETURN_IF_ERROR(ForEach<v1::Network>(
      store, networks, [&](const v1::Network& n) { all_networks.push_back(n); }));
  for (const v1::Network& network : all_networks) {
    absl::StatusOr<ResourceName> name = ParseResourceName(network.name(), Kind::kNetwork);
    if (!name.ok()) continue;
    store::ListRequest memberships;
    memberships.kind = Kind::kMembership;
    memberships.terms.push_back(store::MembershipsOfNetwork(name->id));
    int64_t members = 0;
    RENKEI_RETURN_IF_ERROR(ForEach<v1::Membership>(
        store, memberships, [&](const v1::Membership& m) {
          const bool began = !records::IsSet(m.since()) || records::DateOrdinal(m.since()) <= end;
          const bool lasted = !records::IsSet(m.until()) || records::DateOrdinal(m.until()) >= start;
          if (began && lasted) ++members;
        }));
    v1::NetworkMembers* entry = out.add_members_by_network();
    entry->set_network(network.name());
    entry->set_display_name(network.display_name());
    entry->set_members(members);
  }
  return out;
}

}  // namespace renkei::indicators
