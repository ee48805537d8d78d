#include "server/service/person_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status PersonService::GetPerson(grpc::ServerContext*, const v1::GetPersonRequest* request,
                           v1::Person* response) {
  RecordKey key{Kind::kPerson, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, key, response);
}

grpc::Status PersonService::ListPeople(grpc::ServerContext*, const v1::ListPeopleRequest* request,
                             v1::ListPeopleResponse* response) {
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kPerson, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, *list, response->mutable_people(),
                     response->mutable_next_page_token());
}

grpc::Status PersonService::CreatePerson(grpc::ServerContext*, const v1::CreatePersonRequest* request,
                              v1::Person* response) {
  return CreateRecord(store_, request->person(), request->request_id(), "person",
                      response);
}

grpc::Status PersonService::UpdatePerson(grpc::ServerContext*, const v1::UpdatePersonRequest* request,
                              v1::Person* response) {
  return UpdateRecord(store_, request->person(), request->update_mask(), "person",
                      response);
}

grpc::Status PersonService::DeletePerson(grpc::ServerContext*, const v1::DeletePersonRequest* request,
                              v1::DeleteResponse* response) {
  return DeleteRecord(store_, Kind::kPerson, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
