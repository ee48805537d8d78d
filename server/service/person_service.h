// renkei.v1.PersonService over the store. Every call passes the gate first. Thread-safe;
// `store` and `gate` must outlive the service.
#ifndef RENKEI_SERVER_SERVICE_PERSON_SERVICE_H_
#define RENKEI_SERVER_SERVICE_PERSON_SERVICE_H_

#include "renkei/v1/person.grpc.pb.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::service {

class Gate;

class PersonService final : public v1::PersonService::Service {
 public:
  PersonService(store::Store* store, const Gate* gate) : store_(*store), gate_(*gate) {}

  grpc::Status GetPerson(grpc::ServerContext* context, const v1::GetPersonRequest* request,
                      v1::Person* response) override;
  grpc::Status ListPeople(grpc::ServerContext* context, const v1::ListPeopleRequest* request,
                        v1::ListPeopleResponse* response) override;
  grpc::Status CreatePerson(grpc::ServerContext* context,
                         const v1::CreatePersonRequest* request, v1::Person* response) override;
  grpc::Status UpdatePerson(grpc::ServerContext* context,
                         const v1::UpdatePersonRequest* request, v1::Person* response) override;
  grpc::Status DeletePerson(grpc::ServerContext* context,
                         const v1::DeletePersonRequest* request,
                         v1::DeleteResponse* response) override;

 private:
  store::Store& store_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_PERSON_SERVICE_H_
