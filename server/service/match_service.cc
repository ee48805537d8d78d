#include "server/service/match_service.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/access/rules.h"
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

// The parameters of `request`; suggestions only from records `caller` may
// see.
template <typename Request>
absl::StatusOr<SuggestParams> ParseSuggestParams(const Request& request,
                                                 const access::Caller& caller) {
  absl::StatusOr<int> limit = Limit(request.page_size());
  if (!limit.ok()) return limit.status();
  absl::StatusOr<match::MatchFilters> filters =
      Filters(request.filters(), request.options().without_thesaurus());
  if (!filters.ok()) return filters.status();
  if (!access::SeesAll(caller, Kind::kSeed) || !access::SeesAll(caller, Kind::kNeed)) {
    filters->visible = [caller](const google::protobuf::Message& record) {
      return access::MayRead(caller, record);
    };
  }
  return SuggestParams{*limit, *std::move(filters)};
}

// A company asks about its own organizations and needs only.
absl::Status CheckOwnSubject(const access::Caller& caller, const std::string& organization,
                             absl::string_view what) {
  if (caller.role != access::Role::kCompany || caller.ActsFor(organization)) {
    return absl::OkStatus();
  }
  return absl::PermissionDeniedError(absl::StrCat(
      "a company user may ask for suggestions for its own ", what, " only; ", organization,
      " is not an organization you act for"));
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

MatchService::MatchService(store::Store* store, match::ThesaurusSource* thesaurus,
                           const Gate* gate, size_t cache_bytes)
    : store_(*store),
      thesaurus_(*thesaurus),
      gate_(*gate),
      matcher_(store, thesaurus),
      cache_(cache_bytes) {}

DataVersion MatchService::Version() const {
  DataVersion version;
  for (Kind kind : kAllKinds) {
    if (kind == Kind::kUser || kind == Kind::kToken) continue;  // matching reads no account
    version.revision = std::max(version.revision, store_.LastChangeOf(kind));
  }
  version.thesaurus = thesaurus_.Get();
  return version;
}

template <typename Request, typename Response>
grpc::Status MatchService::Answer(const Call& call, const Request& request, Response* response,
                                  absl::FunctionRef<grpc::Status()> compute) {
  // What the caller may see decides the answer: its role and the
  // organizations it acts for.
  std::string key = absl::StrCat(request.GetDescriptor()->full_name(), "\n",
                                 static_cast<int>(call.caller.role), "\n",
                                 absl::StrJoin(call.caller.organizations, ","), "\n");
  request.AppendToString(&key);
  const DataVersion version = Version();
  if (std::optional<std::string> kept = cache_.Find(key, version)) {
    if (response->ParseFromString(*kept)) return grpc::Status::OK;
    response->Clear();
  }
  grpc::Status status = compute();
  if (status.ok()) cache_.Keep(key, version, response->SerializeAsString());
  return status;
}

grpc::Status MatchService::SeedResponse(const Call& call,
                                        const absl::StatusOr<match::Suggestions>& suggestions,
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
      if (store_.Get(researcher, &person).ok() && access::MayRead(call.caller, person)) {
        access::Redact(call.caller, &person);
        *out->add_researchers() = std::move(person);
      }
    }
  }
  return grpc::Status::OK;
}

grpc::Status MatchService::OrganizationResponse(
    const Call& call, const absl::StatusOr<match::Suggestions>& suggestions,
    v1::OrganizationSuggestions* response) {
  if (!suggestions.ok()) return ToGrpcStatus(suggestions.status());
  int rank = 0;
  for (const match::Suggestion& s : suggestions->items) {
    v1::OrganizationSuggestion* out = response->add_suggestions();
    Fill(s, ++rank, out);
    absl::Status status = store_.Get(s.name.ToString(), out->mutable_organization());
    if (!status.ok()) return ToGrpcStatus(status);
    for (const std::string& need : s.related_needs) {
      v1::Need record;
      if (store_.Get(need, &record).ok() && access::MayRead(call.caller, record)) {
        out->add_related_needs(need);
      }
    }
  }
  return grpc::Status::OK;
}

grpc::Status MatchService::SuggestForNeed(grpc::ServerContext* context,
                                          const v1::SuggestForNeedRequest* request,
                                          v1::SeedSuggestions* response) {
  RENKEI_ADMIT(call, context, "MatchService.SuggestForNeed");
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request, call.caller);
  if (!params.ok()) return ToGrpcStatus(params.status());
  v1::Need need;
  absl::Status status = GetSubject(store_, "need", request->need(), Kind::kNeed, &need);
  if (!status.ok()) return ToGrpcStatus(status);
  if (!access::MayRead(call.caller, need)) {
    return call.Deny(NotVisible(call.caller, need.name()), need.name());
  }
  status = CheckOwnSubject(call.caller, need.company(), "needs");
  if (!status.ok()) return call.Deny(status, need.name());
  return Answer(call, *request, response, [&] {
    return SeedResponse(call, matcher_.ForNeed(need, params->filters, params->limit), response);
  });
}

grpc::Status MatchService::SuggestForText(grpc::ServerContext* context,
                                          const v1::SuggestForTextRequest* request,
                                          v1::SeedSuggestions* response) {
  RENKEI_ADMIT(call, context, "MatchService.SuggestForText");
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request, call.caller);
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
    absl::Status own = CheckOwnSubject(call.caller, request->company(), "organizations");
    if (!own.ok()) return call.Deny(own, request->company());
  }
  return Answer(call, *request, response, [&] {
    return SeedResponse(
        call,
        matcher_.ForText(request->text(), request->company(), params->filters, params->limit),
        response);
  });
}

grpc::Status MatchService::SuggestForSeed(grpc::ServerContext* context,
                                          const v1::SuggestForSeedRequest* request,
                                          v1::OrganizationSuggestions* response) {
  RENKEI_ADMIT(call, context, "MatchService.SuggestForSeed");
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request, call.caller);
  if (!params.ok()) return ToGrpcStatus(params.status());
  v1::Seed seed;
  absl::Status status = GetSubject(store_, "seed", request->seed(), Kind::kSeed, &seed);
  if (!status.ok()) return ToGrpcStatus(status);
  if (!access::MayRead(call.caller, seed)) {
    return call.Deny(NotVisible(call.caller, seed.name()), seed.name());
  }
  return Answer(call, *request, response, [&] {
    return OrganizationResponse(call, matcher_.ForSeed(seed, params->filters, params->limit),
                                response);
  });
}

grpc::Status MatchService::SuggestPartners(grpc::ServerContext* context,
                                           const v1::SuggestPartnersRequest* request,
                                           v1::OrganizationSuggestions* response) {
  RENKEI_ADMIT(call, context, "MatchService.SuggestPartners");
  absl::StatusOr<SuggestParams> params = ParseSuggestParams(*request, call.caller);
  if (!params.ok()) return ToGrpcStatus(params.status());
  v1::Organization organization;
  absl::Status status = GetSubject(store_, "organization", request->organization(),
                                   Kind::kOrganization, &organization);
  if (!status.ok()) return ToGrpcStatus(status);
  status = CheckOwnSubject(call.caller, organization.name(), "organizations");
  if (!status.ok()) return call.Deny(status, organization.name());
  return Answer(call, *request, response, [&] {
    return OrganizationResponse(
        call, matcher_.Partners(organization, params->filters, params->limit), response);
  });
}

grpc::Status MatchService::RecordFeedback(grpc::ServerContext* context,
                                          const v1::RecordFeedbackRequest* request,
                                          v1::Feedback* response) {
  RENKEI_ADMIT(call, context, "MatchService.RecordFeedback");
  return CreateRecord(store_, call, request->feedback(), request->request_id(), "feedback",
                      response);
}

grpc::Status MatchService::ListFeedback(grpc::ServerContext* context,
                                        const v1::ListFeedbackRequest* request,
                                        v1::ListFeedbackResponse* response) {
  RENKEI_ADMIT(call, context, "MatchService.ListFeedback");
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
  return ListRecords(store_, call, *list, response->mutable_feedback(),
                     response->mutable_next_page_token());
}

grpc::Status MatchService::UpdateFeedback(grpc::ServerContext* context,
                                          const v1::UpdateFeedbackRequest* request,
                                          v1::Feedback* response) {
  RENKEI_ADMIT(call, context, "MatchService.UpdateFeedback");
  return UpdateRecord(store_, call, request->feedback(), request->update_mask(), "feedback",
                      response);
}

grpc::Status MatchService::DeleteFeedback(grpc::ServerContext* context,
                                          const v1::DeleteFeedbackRequest* request,
                                          v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "MatchService.DeleteFeedback");
  return DeleteRecord(store_, call, Kind::kFeedback, request->name(), request->etag(),
                      /*cascade=*/false, response);
}

grpc::Status MatchService::ReloadThesaurus(grpc::ServerContext* context,
                                           const v1::ReloadThesaurusRequest*,
                                           v1::ThesaurusInfo* response) {
  RENKEI_ADMIT(call, context, "MatchService.ReloadThesaurus");
  absl::Status status = thesaurus_.Reload();
  if (!status.ok()) return ToGrpcStatus(status);
  auto current = thesaurus_.Get();
  response->set_directory(thesaurus_.directory());
  response->set_groups(static_cast<int32_t>(current->group_count()));
  response->set_terms(static_cast<int32_t>(current->term_count()));
  return grpc::Status::OK;
}

}  // namespace renkei::service
