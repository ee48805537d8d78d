// renkei.v1.MatchService: suggestions with their reasons, coordinators'
// feedback, and reloading the thesaurus; every call passes the gate, and
// suggestions come only from records the caller may see. Answers are kept
// while nothing they read changes (SuggestionCache, at most
// `cache_bytes`). Thread-safe; the store, the thesaurus source and the gate
// must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_MATCH_SERVICE_H_
#define RENKEI_SERVER_SERVICE_MATCH_SERVICE_H_

#include <cstddef>

#include "absl/functional/function_ref.h"
#include "renkei/v1/match.grpc.pb.h"
#include "server/match/matcher.h"
#include "server/service/suggestion_cache.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;
struct Call;

class MatchService final : public v1::MatchService::Service {
 public:
  MatchService(store::Store* store, match::ThesaurusSource* thesaurus, const Gate* gate,
               size_t cache_bytes);

  grpc::Status SuggestForNeed(grpc::ServerContext* context,
                              const v1::SuggestForNeedRequest* request,
                              v1::SeedSuggestions* response) override;
  grpc::Status SuggestForText(grpc::ServerContext* context,
                              const v1::SuggestForTextRequest* request,
                              v1::SeedSuggestions* response) override;
  grpc::Status SuggestForSeed(grpc::ServerContext* context,
                              const v1::SuggestForSeedRequest* request,
                              v1::OrganizationSuggestions* response) override;
  grpc::Status SuggestPartners(grpc::ServerContext* context,
                               const v1::SuggestPartnersRequest* request,
                               v1::OrganizationSuggestions* response) override;
  grpc::Status RecordFeedback(grpc::ServerContext* context,
                              const v1::RecordFeedbackRequest* request,
                              v1::Feedback* response) override;
  grpc::Status ListFeedback(grpc::ServerContext* context, const v1::ListFeedbackRequest* request,
                            v1::ListFeedbackResponse* response) override;
  grpc::Status UpdateFeedback(grpc::ServerContext* context,
                              const v1::UpdateFeedbackRequest* request,
                              v1::Feedback* response) override;
  grpc::Status DeleteFeedback(grpc::ServerContext* context,
                              const v1::DeleteFeedbackRequest* request,
                              v1::DeleteResponse* response) override;
  grpc::Status ReloadThesaurus(grpc::ServerContext* context,
                               const v1::ReloadThesaurusRequest* request,
                               v1::ThesaurusInfo* response) override;

 private:
  // The answer to `request` for `call`'s caller: the kept one while the data
  // is unchanged, else `compute`'s (filling `response`), kept when OK.
  template <typename Request, typename Response>
  grpc::Status Answer(const Call& call, const Request& request, Response* response,
                      absl::FunctionRef<grpc::Status()> compute);
  // What the answers are computed from now.
  DataVersion Version() const;

  grpc::Status SeedResponse(const Call& call,
                            const absl::StatusOr<match::Suggestions>& suggestions,
                            v1::SeedSuggestions* response);
  grpc::Status OrganizationResponse(const Call& call,
                                    const absl::StatusOr<match::Suggestions>& suggestions,
                                    v1::OrganizationSuggestions* response);

  store::Store& store_;
  match::ThesaurusSource& thesaurus_;
  const Gate& gate_;
  const match::Matcher matcher_;
  SuggestionCache cache_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_MATCH_SERVICE_H_
