#include "server/service/search_service.h"

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "server/access/rules.h"
#include "server/match/searcher.h"
#include "server/match/snippets.h"
#include "server/match/thesaurus_source.h"
#include "server/service/filters.h"
#include "server/records/limits.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"
#include "server/store/store.h"
#include "server/text/normalize.h"
#include "server/util/errors.h"
#include "server/util/stable_hash.h"

namespace renkei::service {
namespace {

constexpr int kDefaultSearchPage = 20;
constexpr int kMaxSearchPage = 100;
constexpr int kMaxSearchDepth = 1000;  // results reachable by paging
constexpr size_t kMaxQueryLength = 2000;

// Search page tokens: base64url of "<offset>:<hash of the request>".
std::string Token(int offset, uint64_t hash) {
  return absl::WebSafeBase64Escape(absl::StrCat(offset, ":", hash));
}

absl::StatusOr<int> Offset(const std::string& token, uint64_t hash) {
  if (token.empty()) return 0;
  std::string raw;
  int offset;
  uint64_t token_hash;
  const size_t colon = absl::WebSafeBase64Unescape(token, &raw) ? raw.find(':') : std::string::npos;
  if (colon == std::string::npos || !absl::SimpleAtoi(raw.substr(0, colon), &offset) ||
      !absl::SimpleAtoi(raw.substr(colon + 1), &token_hash) || offset < 0) {
    return InvalidFieldError("page_token", "is not a page token of this search");
  }
  if (token_hash != hash) {
    return InvalidFieldError("page_token", "was made for another query or other filters");
  }
  return offset;
}

// Fills one page of hits. `record_of` reads a record into the response
// entry and returns its (field, text) pairs for snippets.
template <typename Request, typename Response, typename Add>
grpc::Status Search(store::Store& store, const match::ThesaurusSource& thesaurus,
                    const Call& call, Kind kind, const Request& request, Response* response,
                    Add add) {
  if (request.query().size() > kMaxQueryLength * 4 ||
      text::CodePointCount(request.query()) > kMaxQueryLength) {
    return ToGrpcStatus(InvalidFieldError("query", "is longer than 2000 characters"));
  }
  if (store.analyzer().Terms(text::NormalizeForSearch(request.query())).empty()) {
    return ToGrpcStatus(InvalidFieldError("query", "has no words to search for"));
  }
  if (request.page_size() < 0) {
    return ToGrpcStatus(InvalidFieldError("page_size", "must not be negative"));
  }
  const int page_size = request.page_size() == 0 ? kDefaultSearchPage
                                                 : std::min(request.page_size(), kMaxSearchPage);
  absl::StatusOr<std::vector<store::IndexTerm>> filters = FilterTerms(kind, request);
  if (!filters.ok()) return ToGrpcStatus(filters.status());
  Request fingerprint = request;
  fingerprint.clear_page_token();
  fingerprint.clear_page_size();
  const uint64_t hash = StableHash(fingerprint.SerializeAsString());
  absl::StatusOr<int> offset = Offset(request.page_token(), hash);
  if (!offset.ok()) return ToGrpcStatus(offset.status());
  if (*offset >= kMaxSearchDepth) return grpc::Status::OK;

  match::SearchParameters parameters;
  parameters.rescored = std::max<size_t>(parameters.rescored, *offset + page_size + 1);
  match::Searcher searcher(&store, parameters);
  std::shared_ptr<const text::Thesaurus> used = thesaurus.Get();
  const bool sees_all = access::SeesAll(call.caller, kind);
  auto accept = [&](const ResourceName& name) -> absl::StatusOr<bool> {
    for (const store::IndexTerm& term : *filters) {
      absl::StatusOr<bool> holds = store.Holds(term, name);
      if (!holds.ok() || !*holds) return holds;
    }
    if (sees_all) return true;
    std::unique_ptr<google::protobuf::Message> record = store::NewRecordOf(kind);
    absl::Status read = store.Get(name.ToString(), record.get());
    if (absl::IsNotFound(read)) return false;
    if (!read.ok()) return read;
    return access::MayRead(call.caller, *record);
  };
  std::function<absl::StatusOr<bool>(const ResourceName&)> filter;
  if (!filters->empty() || !sees_all) filter = accept;
  absl::StatusOr<match::RankedMatches> ranked =
      searcher.Rank(kind, request.query(),
                    request.options().without_thesaurus() ? nullptr : used.get(), filter,
                    static_cast<size_t>(*offset + page_size + 1));
  if (!ranked.ok()) return ToGrpcStatus(ranked.status());
  const auto& matches = ranked->matches;
  size_t page_bytes = 0;
  for (size_t i = static_cast<size_t>(*offset);
       i < matches.size() && i < static_cast<size_t>(*offset + page_size); ++i) {
    auto* result = response->add_results();
    absl::StatusOr<std::vector<std::pair<std::string, std::string>>> fields =
        add(matches[i].name.ToString(), result);
    if (!fields.ok()) {
      if (absl::IsNotFound(fields.status())) {  // deleted between ranking and reading
        response->mutable_results()->RemoveLast();
        continue;
      }
      return ToGrpcStatus(fields.status());
    }
    v1::SearchHit* hit = result->mutable_hit();
    hit->set_score(matches[i].score);
    for (const std::string& term : matches[i].matched_terms) hit->add_matched_terms(term);
    for (const match::Snippet& snippet : match::MakeSnippets(*fields, matches[i].matched_phrases)) {
      v1::Snippet* out = hit->add_snippets();
      out->set_field(snippet.field);
      out->set_text(snippet.text);
      for (const auto& [start, end] : snippet.highlights) {
        v1::Highlight* h = out->add_highlights();
        h->set_start(start);
        h->set_end(end);
      }
    }
    page_bytes += result->ByteSizeLong();
    if (response->results_size() > 1 && page_bytes > records::kMaxPageBytes) {
      // Large records: the page ends before this match, and the next starts at it.
      response->mutable_results()->RemoveLast();
      response->set_next_page_token(Token(static_cast<int>(i), hash));
      return grpc::Status::OK;
    }
  }
  if (matches.size() > static_cast<size_t>(*offset + page_size) &&
      *offset + page_size < kMaxSearchDepth) {
    response->set_next_page_token(Token(*offset + page_size, hash));
  }
  return grpc::Status::OK;
}

std::string Joined(const google::protobuf::RepeatedPtrField<std::string>& list) {
  std::string out;
  for (const std::string& item : list) absl::StrAppend(&out, out.empty() ? "" : "、", item);
  return out;
}

}  // namespace

grpc::Status SearchService::SearchOrganizations(grpc::ServerContext* context,
                                                const v1::SearchOrganizationsRequest* request,
                                                v1::SearchOrganizationsResponse* response) {
  RENKEI_ADMIT(call, context, "SearchService.SearchOrganizations");
  return Search(store_, thesaurus_, call, Kind::kOrganization, *request, response,
                [&](const std::string& name, v1::OrganizationHit* hit)
                    -> absl::StatusOr<std::vector<std::pair<std::string, std::string>>> {
                  v1::Organization* o = hit->mutable_organization();
                  absl::Status status = store_.Get(name, o);
                  if (!status.ok()) return status;
                  std::string products;
                  for (const auto& p : o->products()) absl::StrAppend(&products, products.empty() ? "" : "、", p.display_name());
                  for (const auto& t : o->technologies()) absl::StrAppend(&products, products.empty() ? "" : "、", t.display_name());
                  return std::vector<std::pair<std::string, std::string>>{
                      {"display_name", o->display_name()}, {"products", products},
                      {"description", o->description()}};
                });
}

grpc::Status SearchService::SearchPeople(grpc::ServerContext* context,
                                         const v1::SearchPeopleRequest* request,
                                         v1::SearchPeopleResponse* response) {
  RENKEI_ADMIT(call, context, "SearchService.SearchPeople");
  return Search(store_, thesaurus_, call, Kind::kPerson, *request, response,
                [&](const std::string& name, v1::PersonHit* hit)
                    -> absl::StatusOr<std::vector<std::pair<std::string, std::string>>> {
                  v1::Person* p = hit->mutable_person();
                  absl::Status status = store_.Get(name, p);
                  if (!status.ok()) return status;
                  access::Redact(call.caller, p);
                  return std::vector<std::pair<std::string, std::string>>{
                      {"display_name", p->display_name()}, {"fields", Joined(p->fields())},
                      {"keywords", Joined(p->keywords())}, {"profile", p->profile()}};
                });
}

grpc::Status SearchService::SearchSeeds(grpc::ServerContext* context,
                                        const v1::SearchSeedsRequest* request,
                                        v1::SearchSeedsResponse* response) {
  RENKEI_ADMIT(call, context, "SearchService.SearchSeeds");
  return Search(store_, thesaurus_, call, Kind::kSeed, *request, response,
                [&](const std::string& name, v1::SeedHit* hit)
                    -> absl::StatusOr<std::vector<std::pair<std::string, std::string>>> {
                  v1::Seed* s = hit->mutable_seed();
                  absl::Status status = store_.Get(name, s);
                  if (!status.ok()) return status;
                  return std::vector<std::pair<std::string, std::string>>{
                      {"title", s->title()}, {"keywords", Joined(s->keywords())},
                      {"summary", s->summary()}, {"body", s->body()}};
                });
}

grpc::Status SearchService::SearchNeeds(grpc::ServerContext* context,
                                        const v1::SearchNeedsRequest* request,
                                        v1::SearchNeedsResponse* response) {
  RENKEI_ADMIT(call, context, "SearchService.SearchNeeds");
  return Search(store_, thesaurus_, call, Kind::kNeed, *request, response,
                [&](const std::string& name, v1::NeedHit* hit)
                    -> absl::StatusOr<std::vector<std::pair<std::string, std::string>>> {
                  v1::Need* n = hit->mutable_need();
                  absl::Status status = store_.Get(name, n);
                  if (!status.ok()) return status;
                  return std::vector<std::pair<std::string, std::string>>{
                      {"title", n->title()}, {"keywords", Joined(n->keywords())},
                      {"body", n->body()}};
                });
}

}  // namespace renkei::service
