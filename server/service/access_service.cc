#include "server/service/access_service.h"

#include "server/access/accounts.h"
#include "server/access/audit.h"
#include "server/service/gate.h"
#include "server/service/grpc_status.h"

namespace renkei::service {
namespace {

// Answers with `result`'s value in `response`, or its status.
template <typename T>
grpc::Status Answer(absl::StatusOr<T> result, T* response) {
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = std::move(*result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status AccessService::Login(grpc::ServerContext* context, const v1::LoginRequest* request,
                                  v1::LoginResponse* response) {
  RENKEI_ADMIT(call, context, "AccessService.Login");
  return Answer(accounts_.Login(call.caller, *request), response);
}

grpc::Status AccessService::Logout(grpc::ServerContext* context, const v1::LogoutRequest*,
                                   v1::LogoutResponse*) {
  RENKEI_ADMIT(call, context, "AccessService.Logout");
  return ToGrpcStatus(accounts_.Logout(call.caller));
}

grpc::Status AccessService::WhoAmI(grpc::ServerContext* context, const v1::WhoAmIRequest*,
                                   v1::Identity* response) {
  RENKEI_ADMIT(call, context, "AccessService.WhoAmI");
  *response = accounts_.IdentityOf(call.caller, gate_.public_catalogue());
  return grpc::Status::OK;
}

grpc::Status AccessService::ChangePassword(grpc::ServerContext* context,
                                           const v1::ChangePasswordRequest* request,
                                           v1::ChangePasswordResponse*) {
  RENKEI_ADMIT(call, context, "AccessService.ChangePassword");
  return ToGrpcStatus(accounts_.ChangePassword(call.caller, *request));
}

grpc::Status AdminService::CreateUser(grpc::ServerContext* context,
                                      const v1::CreateUserRequest* request, v1::User* response) {
  RENKEI_ADMIT(call, context, "AdminService.CreateUser");
  return Answer(accounts_.CreateUser(call.caller, *request), response);
}

grpc::Status AdminService::GetUser(grpc::ServerContext* context,
                                   const v1::GetUserRequest* request, v1::User* response) {
  RENKEI_ADMIT(call, context, "AdminService.GetUser");
  return Answer(accounts_.GetUser(*request), response);
}

grpc::Status AdminService::ListUsers(grpc::ServerContext* context,
                                     const v1::ListUsersRequest* request,
                                     v1::ListUsersResponse* response) {
  RENKEI_ADMIT(call, context, "AdminService.ListUsers");
  return Answer(accounts_.ListUsers(*request), response);
}

grpc::Status AdminService::UpdateUser(grpc::ServerContext* context,
                                      const v1::UpdateUserRequest* request, v1::User* response) {
  RENKEI_ADMIT(call, context, "AdminService.UpdateUser");
  return Answer(accounts_.UpdateUser(call.caller, *request), response);
}

grpc::Status AdminService::SetPassword(grpc::ServerContext* context,
                                       const v1::SetPasswordRequest* request,
                                       v1::User* response) {
  RENKEI_ADMIT(call, context, "AdminService.SetPassword");
  return Answer(accounts_.SetPassword(call.caller, *request), response);
}

grpc::Status AdminService::CreateToken(grpc::ServerContext* context,
                                       const v1::CreateTokenRequest* request,
                                       v1::CreatedToken* response) {
  RENKEI_ADMIT(call, context, "AdminService.CreateToken");
  return Answer(accounts_.CreateToken(call.caller, *request), response);
}

grpc::Status AdminService::ListTokens(grpc::ServerContext* context,
                                      const v1::ListTokensRequest* request,
                                      v1::ListTokensResponse* response) {
  RENKEI_ADMIT(call, context, "AdminService.ListTokens");
  return Answer(accounts_.ListTokens(*request), response);
}

grpc::Status AdminService::RevokeToken(grpc::ServerContext* context,
                                       const v1::RevokeTokenRequest* request,
                                       v1::Token* response) {
  RENKEI_ADMIT(call, context, "AdminService.RevokeToken");
  return Answer(accounts_.RevokeToken(call.caller, request->name()), response);
}

grpc::Status AdminService::ListAuditEvents(grpc::ServerContext* context,
                                           const v1::ListAuditEventsRequest* request,
                                           v1::ListAuditEventsResponse* response) {
  RENKEI_ADMIT(call, context, "AdminService.ListAuditEvents");
  v1::ListAuditEventsRequest resolved = *request;
  if (!request->user().empty() && request->user().rfind("users/", 0) != 0) {
    v1::GetUserRequest by_name;
    by_name.set_username(request->user());
    absl::StatusOr<v1::User> user = accounts_.GetUser(by_name);
    if (!user.ok()) return ToGrpcStatus(user.status());
    resolved.set_user(user->name());
  }
  return Answer(gate_.audit().List(resolved), response);
}

}  // namespace renkei::service
