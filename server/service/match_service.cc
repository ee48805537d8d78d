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

void Fill(const match::Suggestion& s, int rank, google::protobuf::RepeatedPtrField<std::string>* terms,
          google::protobuf::RepeatedPtrField<v1::Signal>* signals) {
  (void)rank;
  for (const std::string& term : s.matched_terms) *terms->Add() = term;
  for (const match::Signal& signal : s.signals) {
    v1::Signal* out = signals->Add();
    out->set_name(signal.name);
    out->set_contribution(signal.contribution);
    out->set_detail(signal.detail);
  }
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
    out->set_rank(++rank);
    out->set_score(s.score);
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
    Fill(s, rank, out->mutable_matched_terms(), out->mutable_signals());
    out->set_reason(s.reason);
  }
  return grpc::Status::OK;
}

grpc::Status MatchService::OrganizationResponse(
    const absl::StatusOr<match::Suggestions>& suggestions, v1::OrganizationSuggestions* response) {
  if (!suggestions.ok()) return ToGrpcStatus(suggestions.status());
  int rank = 0;
  for (const match::Suggestion& s : suggestions->items) {
    v1::OrganizationSuggestion* out = response->add_suggestions();
    out->set_rank(++rank);
    out->set_score(s.score);
    absl::Status status = store_.Get(s.name.ToString(), out->mutable_organization());
    if (!status.ok()) return ToGrpcStatus(status);
    for (const std::string& need : s.related_needs) out->add_related_needs(need);
    Fill(s, rank, out->mutable_matched_terms(), out->mutable_signals());
    out->set_reason(s.reason);
  }
  return grpc::Status::OK;
}

grpc::Status MatchService::SuggestForNeed(grpc::ServerContext*,
                                          const v1::SuggestForNeedRequest* request,
                                          v1::SeedSuggestions* response) {
  absl::StatusOr<int> limit = Limit(request->page_size());
  if (!limit.ok()) return ToGrpcStatus(limit.status());
  absl::StatusOr<match::MatchFilters> filters =
      Filters(request->filters(), request->options().without_thesaurus());
  if (!filters.ok()) return ToGrpcStatus(filters.status());
  if (request->need().empty()) return ToGrpcStatus(InvalidFieldError("need", "is required"));
  absl::StatusOr<ResourceName> name = ParseResourceName(request->need(), Kind::kNeed);
  if (!name.ok()) return ToGrpcStatus(InvalidFieldError("need", std::string(name.status().message())));
  v1::Need need;
  absl::Status status = store_.Get(request->need(), &need);
  if (!status.ok()) return ToGrpcStatus(status);
  return SeedResponse(matcher_.ForNeed(need, *filters, *limit), response);
}

grpc::Status MatchService::SuggestForText(grpc::ServerContext*,
                                          const v1::SuggestForTextRequest* request,
                                          v1::SeedSuggestions* response) {
  absl::StatusOr<int> limit = Limit(request->page_size());
  if (!limit.ok()) return ToGrpcStatus(limit.status());
  absl::StatusOr<match::MatchFilters> filters =
      Filters(request->filters(), request->options().without_thesaurus());
  if (!filters.ok()) return ToGrpcStatus(filters.status());
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
  return SeedResponse(matcher_.ForText(request->text(), request->company(), *filters, *limit),
                      response);
}

grpc::Status MatchService::SuggestForSeed(grpc::ServerContext*,
                                          const v1::SuggestForSeedRequest* request,
                                          v1::OrganizationSuggestions* response) {
  absl::StatusOr<int> limit = Limit(request->page_size());
  if (!limit.ok()) return ToGrpcStatus(limit.status());
  absl::StatusOr<match::MatchFilters> filters =
      Filters(request->filters(), request->options().without_thesaurus());
  if (!filters.ok()) return ToGrpcStatus(filters.status());
  absl::StatusOr<ResourceName> name = ParseResourceName(request->seed(), Kind::kSeed);
  if (!name.ok()) return ToGrpcStatus(InvalidFieldError("seed", std::string(name.status().message())));
  v1::Seed seed;
  absl::Status status = store_.Get(request->seed(), &seed);
  if (!status.ok()) return ToGrpcStatus(status);
  return OrganizationResponse(matcher_.ForSeed(seed, *filters, *limit), response);
}

grpc::Status MatchService::SuggestPartners(grpc::ServerContext*,
                                           const v1::SuggestPartnersRequest* request,
                                           v1::OrganizationSuggestions* response) {
  absl::StatusOr<int> limit = Limit(request->page_size());
  if (!limit.ok()) return ToGrpcStatus(limit.status());
  absl::StatusOr<match::MatchFilters> filters =
      Filters(request->filters(), request->options().without_thesaurus());
  if (!filters.ok()) return ToGrpcStatus(filters.status());
  absl::StatusOr<ResourceName> name =
      ParseResourceName(request->organization(), Kind::kOrganization);
  if (!name.ok()) {
    return ToGrpcStatus(InvalidFieldError("organization", std::string(name.status().message())));
  }
  v1::Organization organization;
  absl::Status status = store_.Get(request->organization(), &organization);
  if (!status.ok()) return ToGrpcStatus(status);
  return OrganizationResponse(matcher_.Partners(organization, *filters, *limit), response);
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
