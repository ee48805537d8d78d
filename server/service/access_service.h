// renkei.v1.AccessService (signing in and out, who am I) and
// renkei.v1.AdminService (users, tokens, the audit trail) over
// server/access. Every call passes the gate first. Thread-safe; the
// accounts, the audit trail and the gate must outlive the services.
#ifndef RENKEI_SERVER_SERVICE_ACCESS_SERVICE_H_
#define RENKEI_SERVER_SERVICE_ACCESS_SERVICE_H_

#include "renkei/v1/access.grpc.pb.h"

namespace renkei::access {
class Accounts;
class AuditTrail;
}  // namespace renkei::access

namespace renkei::service {

class Gate;

class AccessService final : public v1::AccessService::Service {
 public:
  AccessService(access::Accounts* accounts, const Gate* gate)
      : accounts_(*accounts), gate_(*gate) {}

  grpc::Status Login(grpc::ServerContext* context, const v1::LoginRequest* request,
                     v1::LoginResponse* response) override;
  grpc::Status Logout(grpc::ServerContext* context, const v1::LogoutRequest* request,
                      v1::LogoutResponse* response) override;
  grpc::Status WhoAmI(grpc::ServerContext* context, const v1::WhoAmIRequest* request,
                      v1::Identity* response) override;
  grpc::Status ChangePassword(grpc::ServerContext* context,
                              const v1::ChangePasswordRequest* request,
                              v1::ChangePasswordResponse* response) override;

 private:
  access::Accounts& accounts_;
  const Gate& gate_;
};

class AdminService final : public v1::AdminService::Service {
 public:
  AdminService(access::Accounts* accounts, const Gate* gate)
      : accounts_(*accounts), gate_(*gate) {}

  grpc::Status CreateUser(grpc::ServerContext* context, const v1::CreateUserRequest* request,
                          v1::User* response) override;
  grpc::Status GetUser(grpc::ServerContext* context, const v1::GetUserRequest* request,
                       v1::User* response) override;
  grpc::Status ListUsers(grpc::ServerContext* context, const v1::ListUsersRequest* request,
                         v1::ListUsersResponse* response) override;
  grpc::Status UpdateUser(grpc::ServerContext* context, const v1::UpdateUserRequest* request,
                          v1::User* response) override;
  grpc::Status SetPassword(grpc::ServerContext* context, const v1::SetPasswordRequest* request,
                           v1::User* response) override;
  grpc::Status CreateToken(grpc::ServerContext* context, const v1::CreateTokenRequest* request,
                           v1::CreatedToken* response) override;
  grpc::Status ListTokens(grpc::ServerContext* context, const v1::ListTokensRequest* request,
                          v1::ListTokensResponse* response) override;
  grpc::Status RevokeToken(grpc::ServerContext* context, const v1::RevokeTokenRequest* request,
                           v1::Token* response) override;
  grpc::Status ListAuditEvents(grpc::ServerContext* context,
                               const v1::ListAuditEventsRequest* request,
                               v1::ListAuditEventsResponse* response) override;

 private:
  access::Accounts& accounts_;
  const Gate& gate_;
};

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_ACCESS_SERVICE_H_
