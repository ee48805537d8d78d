// A fixture for tests through the real server: a TestServer on an ephemeral
// port, a stub per service, and helpers that return plain values.
#ifndef RENKEI_TESTS_SERVICE_API_FIXTURE_H_
#define RENKEI_TESTS_SERVICE_API_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "renkei/v1/change.grpc.pb.h"
#include "renkei/v1/collaboration.grpc.pb.h"
#include "renkei/v1/indicator.grpc.pb.h"
#include "renkei/v1/need.grpc.pb.h"
#include "renkei/v1/network.grpc.pb.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "renkei/v1/person.grpc.pb.h"
#include "renkei/v1/seed.grpc.pb.h"
#include "renkei/v1/system.grpc.pb.h"
#include "tests/test_server.h"

namespace renkei::testing {

class ApiTest : public ::testing::Test {
 protected:
  ApiTest() {
    Connect();
    base_revision_ = Revision();
  }

  void Connect();
  void Restart() {
    server_.Restart();
    Connect();
  }

  // Creates records with the fields a test does not care about filled in;
  // fails the test when the server refuses.
  v1::Organization CreateCompany(const std::string& display_name,
                                 const std::string& district = "千厩");
  v1::Organization CreateOrganization(const v1::Organization& organization,
                                      const std::string& request_id = "");
  v1::Person CreateResearcher(const std::string& organization, const std::string& display_name);
  v1::Seed CreateSeed(const std::string& institution, const std::string& title);
  v1::Need CreateNeed(const std::string& company, const std::string& title);
  v1::Network CreateNetwork(const std::string& display_name);
  v1::Membership AddMember(const std::string& network, const std::string& organization);

  v1::Organization GetOrganization(const std::string& name);
  grpc::Status GetOrganizationStatus(const std::string& name);
  // Every name a List returns, following the page tokens.
  std::vector<std::string> ListOrganizationNames(v1::ListOrganizationsRequest request);
  // The newest committed revision, to check that a refused call wrote nothing.
  int64_t Revision();

  TestServer server_;
  // The revision of a new server: its first administrator's user and token.
  int64_t base_revision_ = 0;
  std::unique_ptr<v1::OrganizationService::Stub> organizations_;
  std::unique_ptr<v1::PersonService::Stub> people_;
  std::unique_ptr<v1::SeedService::Stub> seeds_;
  std::unique_ptr<v1::NeedService::Stub> needs_;
  std::unique_ptr<v1::CollaborationService::Stub> collaborations_;
  std::unique_ptr<v1::NetworkService::Stub> networks_;
  std::unique_ptr<v1::ChangeService::Stub> changes_;
  std::unique_ptr<v1::IndicatorService::Stub> indicators_;
  std::unique_ptr<v1::SystemService::Stub> system_;
};

v1::Date MakeDate(int year, int month = 0, int day = 0);

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_SERVICE_API_FIXTURE_H_
