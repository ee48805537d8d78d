// renkei.v1.MatchService: suggestions with their reasons, coordinators'
// feedback, and reloading the thesaurus; every call passes the gate, and
// suggestions come only from records the caller may see. Thread-safe; the
// store, the thesaurus source and the gate must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_MATCH_SERVICE_H_
#define RENKEI_SERVER_SERVICE_MATCH_SERVICE_H_

#include "renkei/v1/match.grpc.pb.h"
#include "server/match/matcher.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;
struct Call;

class MatchService final : public v1::MatchService::Service {
 public:
  MatchService(store::Store* store, match::ThesaurusSource* thesaurus, const Gate* gate);

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
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_MATCH_SERVICE_H_
