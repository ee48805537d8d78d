#include "server/service/person_service.h"

#include "server/service/record_ops.h"
#include "server/store/index.h"

namespace renkei::service {

grpc::Status PersonService::GetPerson(grpc::ServerContext* context, const v1::GetPersonRequest* request,
                           v1::Person* response) {
  RENKEI_ADMIT(call, context, "PersonService.GetPerson");
  RecordKey key{Kind::kPerson, request->name(),
                request->has_external_id() ? &request->external_id() : nullptr, ""};
  return GetRecord(store_, call, key, response);
}

grpc::Status PersonService::ListPeople(grpc::ServerContext* context, const v1::ListPeopleRequest* request,
                             v1::ListPeopleResponse* response) {
  RENKEI_ADMIT(call, context, "PersonService.ListPeople");
  absl::StatusOr<store::ListRequest> list = MakeListRequest(Kind::kPerson, *request);
  if (!list.ok()) return ToGrpcStatus(list.status());
  return ListRecords(store_, call, *list, response->mutable_people(),
                     response->mutable_next_page_token());
}

grpc::Status PersonService::CreatePerson(grpc::ServerContext* context, const v1::CreatePersonRequest* request,
                              v1::Person* response) {
  RENKEI_ADMIT(call, context, "PersonService.CreatePerson");
  return CreateRecord(store_, call, request->person(), request->request_id(), "person",
                      response);
}

grpc::Status PersonService::UpdatePerson(grpc::ServerContext* context, const v1::UpdatePersonRequest* request,
                              v1::Person* response) {
  RENKEI_ADMIT(call, context, "PersonService.UpdatePerson");
  return UpdateRecord(store_, call, request->person(), request->update_mask(), "person",
                      response);
}

grpc::Status PersonService::DeletePerson(grpc::ServerContext* context, const v1::DeletePersonRequest* request,
                              v1::DeleteResponse* response) {
  RENKEI_ADMIT(call, context, "PersonService.DeletePerson");
  return DeleteRecord(store_, call, Kind::kPerson, request->name(), request->etag(),
                      request->cascade(), response);
}

}  // namespace renkei::service
