// renkei.v1.SearchService: ranked full-text search of organizations, people,
// seeds and needs with the List filters; only records the caller may see are
// found. Thread-safe; the store, the thesaurus source and the gate must
// outlive the service.
#ifndef RENKEI_SERVER_SERVICE_SEARCH_SERVICE_H_
#define RENKEI_SERVER_SERVICE_SEARCH_SERVICE_H_

#include "renkei/v1/match.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::match {
class ThesaurusSource;
}  // namespace renkei::match

namespace renkei::service {

class Gate;

class SearchService final : public v1::SearchService::Service {
 public:
  SearchService(store::Store* store, const match::ThesaurusSource* thesaurus,
                const Gate* gate)
      : store_(*store), thesaurus_(*thesaurus), gate_(*gate) {}

  grpc::Status SearchOrganizations(grpc::ServerContext* context,
                                   const v1::SearchOrganizationsRequest* request,
                                   v1::SearchOrganizationsResponse* response) override;
  grpc::Status SearchPeople(grpc::ServerContext* context, const v1::SearchPeopleRequest* request,
                            v1::SearchPeopleResponse* response) override;
  grpc::Status SearchSeeds(grpc::ServerContext* context, const v1::SearchSeedsRequest* request,
                           v1::SearchSeedsResponse* response) override;
  grpc::Status SearchNeeds(grpc::ServerContext* context, const v1::SearchNeedsRequest* request,
                           v1::SearchNeedsResponse* response) override;

 private:
  store::Store& store_;
  const match::ThesaurusSource& thesaurus_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_SEARCH_SERVICE_H_
