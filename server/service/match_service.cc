#include "server/service/match_service.h"

#include "absl/strings/str_cat.h"
#include "server/match/thesaurus_source.h"
#include "server/service/filters.h"
#include "server/service/grpc_status.h"
#include "server/service/record_ops.h"
#include "server/store/store.h"
#include "server/text/normalize.h"
#include "server/util/errors.h"

namespace renkei::service {
namespace {

constexpr int kDefaultSuggestions = 10;
constexpr int kMaxSuggestions = 100;
constexpr size_t kMaxText = 20000;

absl::StatusOr<int> Limit(int page_size) {
  if (page_size < 0) return InvalidFieldError("page_size", "must not be negative");
  return page_size == 0 ? kDefaultSuggestions : std::min(page_size, kMaxSuggestions);
}

absl::StatusOr<match::MatchFilters> Filters(const v1::MatchFilters& in, bool without_thesaurus) {
  match::MatchFilters out;
  if (!in.institution().empty()) {
    absl::StatusOr<ResourceName> name = ParseResourceName(in.institution(), Kind::kOrganization);
    if (!name.ok()) {
      return InvalidFieldError("filters.institution", std::string(name.status().message()));
    }
    out.institution = in.institution();
  }
  if (!v1::OrganizationKind_IsValid(in.kind())) {
    return InvalidFieldError("filters.kind", absl::StrCat(in.kind(), " is not an OrganizationKind"));
  }
  out.kind = in.kind();
  out.district = in.district();
  out.exclude_collaborating = in.exclude_collaborating();
  out.use_thesaurus = !without_thesaurus;
  return out;
}

// What every Suggest… request asks besides its subject.
struct SuggestParams {
  int limit = 0;
  match::MatchFilters filters;
};

template <typename Request>
absl::StatusOr<SuggestParams> ParseSuggestParams(const Request& request) {
  absl::StatusOr<int> limit = Limit(request.page_size());
  if (!limit.ok()) return limit.status();
  absl::StatusOr<match::MatchFilters> filters =
      Filters(request.filters(), request.options().without_thesaurus());
  if (!filters.ok()) return filters.status();
  return SuggestParams{*limit, *std::move(filters)};
}

// Reads the record the request's `field` names (`name`, of `kind`) into
// `record`: INVALID_ARGUMENT naming the field when `name` is empty or not a
// name of `kind`, NOT_FOUND when there is no such record.
absl::Status GetSubject(const store::Store& store, const std::string& field,
                        const std::string& name, Kind kind, google::protobuf::Message* record) {
  if (name.empty()) return InvalidFieldError(field, "is required");
  absl::StatusOr<ResourceName> parsed = ParseResourceName(name, kind);
  if (!parsed.ok()) return InvalidFieldError(field, std::string(parsed.status().message()));
  return store.Get(name, record);
}

// What a seed's and an organization's suggestion both have.
template <typename Out>
void Fill(const match::Suggestion& s, int rank, Out* out) {
  out->set_rank(rank);
  out->set_score(s.score);
  for (const std::string& term : s.matched_terms) out->add_matched_terms(term);
  for (const match::Signal& signal : s.signals) {
    v1::Signal* added = out->add_signals();
    added->set_name(signal.name);
    added->set_contribution(signal.contribution);
    added->set_detail(signal.detail);
  }
  out->set_reason(s.reason);
}

}  // namespace

MatchService::MatchService(store::Store* store, match::ThesaurusSource* thesaurus)
    : store_(*store), thesaurus_(*thesaurus), matcher_(store, thesaurus) {}

grpc::Status MatchService::SeedResponse(const absl::StatusOr<match::Suggestions>& suggestions,
                                        v1::SeedSuggestions* response) {
  if (!suggestions.ok()) return ToGrpcStatus(suggestions.status());
  for (const std::string& e : suggestions->expansions) response->add_expanded_terms(e);
  int rank = 0;
  for (const match::Suggestion& s : suggestions->items) {
    v1::SeedSuggestion* out = response->add_suggestions();
    Fill(s, ++rank, out);
    absl::Status status = store_.Get(s.name.ToString(), out->mutable_seed());
    if (!status.ok()) return ToGrpcStatus(status);
    (void)store_.Get(out->seed().institution(), out->mutable_institution());
    for (const std::string& researcher : out->seed().researchers()) {
      v1::Person person;
      if (store_.Get(researcher, &person).ok()) {
        person.clear_contact();  // contact details are not for every reader
        *out->add_researchers() = std::move(person);
      }
    }
  }
  return grpc::Status::OK;
}

grpc::Status MatchService::OrganizationResponse(
    const absl::StatusOr<match::Suggestions>& suggestions, v1::OrganizationSuggestions* response) {
  if (!suggestions.ok()) return ToGrpcStatus(suggestions.status());
  int rank = 0;
  for (const match::Suggestion& s : suggestions->items) {
    v1::OrganizationSuggestion* out = response->add_suggestions();
    Fill(s, ++rank, out);
    absl::Status status = store_.Get(s.name.ToString(), out->mutable_organization());
    if (!status.ok()) return ToGrpcStatus(status);
    for (const std::string& need : s.related_needs) out->add_related_needs(need);
  }
  return grpc::Status::OK;
}

grpc::Status MatchService::SuggestForNeed(grpc::ServerContext*,
                                          const v1::SuggestForNeedRequest* request,
                                          v1::SeedSuggestions* response) {
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request);
  if (!params.ok()) return ToGrpcStatus(params.status());
  v1::Need need;
  absl::Status status = GetSubject(store_, "need", request->need(), Kind::kNeed, &need);
  if (!status.ok()) return ToGrpcStatus(status);
  return SeedResponse(matcher_.ForNeed(need, params->filters, params->limit), response);
}

grpc::Status MatchService::SuggestForText(grpc::ServerContext*,
                                          const v1::SuggestForTextRequest* request,
                                          v1::SeedSuggestions* response) {
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request);
  if (!params.ok()) return ToGrpcStatus(params.status());
  if (text::NormalizeForSearch(request->text()).empty()) {
    return ToGrpcStatus(InvalidFieldError("text", "is required: the problem in words"));
  }
  if (text::CodePointCount(request->text()) > kMaxText) {
    return ToGrpcStatus(InvalidFieldError("text", "is longer than 20000 characters"));
  }
  if (!request->company().empty()) {
    absl::StatusOr<ResourceName> company =
        ParseResourceName(request->company(), Kind::kOrganization);
    if (!company.ok()) {
      return ToGrpcStatus(InvalidFieldError("company", std::string(company.status().message())));
    }
  }
  return SeedResponse(
      matcher_.ForText(request->text(), request->company(), params->filters, params->limit),
      response);
}

grpc::Status MatchService::SuggestForSeed(grpc::ServerContext*,
                                          const v1::SuggestForSeedRequest* request,
                                          v1::OrganizationSuggestions* response) {
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request);
  if (!params.ok()) return ToGrpcStatus(params.status());
  v1::Seed seed;
  absl::Status status = GetSubject(store_, "seed", request->seed(), Kind::kSeed, &seed);
  if (!status.ok()) return ToGrpcStatus(status);
  return OrganizationResponse(matcher_.ForSeed(seed, params->filters, params->limit), response);
}

grpc::Status MatchService::SuggestPartners(grpc::ServerContext*,
                                           const v1::SuggestPartnersRequest* request,
                                           v1::OrganizationSuggestions* response) {
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request);
  if (!params.ok()) return ToGrpcStatus(params.status());
  v1::Organization organization;
  absl::Status status = GetSubject(store_, "organization", request->organization(),
                                   Kind::kOrganization, &organization);
  if (!status.ok()) return ToGrpcStatus(status);
  return OrganizationResponse(matcher_.Partners(organization, params->filters, params->limit),
                              response);
}

grpc::Status MatchService::RecordFeedback(grpc::ServerContext*,
                                          const v1::RecordFeedbackRequest* request,
                                          v1::Feedback* response) {
  return CreateRecord(store_, request->feedback(), request->request_id(), "feedback", response);
}

grpc::Status MatchService::ListFeedback(grpc::ServerContext*,
                                        const v1::ListFeedbackRequest* request,
                                        v1::ListFeedbackResponse* response) {
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kFeedback, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  if (!request->suggestion().empty()) {
    absl::StatusOr<ResourceName> suggestion = ParseResourceName(request->suggestion());
    if (!suggestion.ok()) {
      return ToGrpcStatus(
          InvalidFieldError("suggestion", std::string(suggestion.status().message())));
    }
    list->terms.push_back(store::FeedbackOn(*suggestion));
  }
  return ListRecords(store_, *list, response->mutable_feedback(),
                     response->mutable_next_page_token());
}

grpc::Status MatchService::ReloadThesaurus(grpc::ServerContext*, const v1::ReloadThesaurusRequest*,
                                           v1::ThesaurusInfo* response) {
  absl::Status status = thesaurus_.Reload();
  if (!status.ok()) return ToGrpcStatus(status);
  auto current = thesaurus_.Get();
  response->set_directory(thesaurus_.directory());
  response->set_groups(static_cast<int32_t>(current->group_count()));
  response->set_terms(static_cast<int32_t>(current->term_count()));
  return grpc::Status::OK;
}

}  // namespace renkei::service
