// A small world for the access tests, made through the API as the
// administrator: two companies (A and B), a research institution with a
// public researcher and seed and a hidden seed, A's contact person, needs of
// A (coordinators-only and public) and of B, a collaboration of A with the
// institution, a network A belongs to, feedback, and one user with a token
// for every role (company users for A and for B).
#ifndef RENKEI_TESTS_ACCESS_ACCESS_WORLD_H_
#define RENKEI_TESTS_ACCESS_ACCESS_WORLD_H_

#include <grpcpp/grpcpp.h>

#include <map>
#include <memory>
#include <string>

#include "google/protobuf/message.h"
#include "renkei/v1/access.pb.h"
#include "tests/test_server.h"

namespace renkei::testing {

// The callers of the role matrix, in its column order.
enum class As { kAdmin, kCoordinator, kImporter, kCompanyA, kCompanyB, kReader, kAnonymous };
inline constexpr As kCallers[] = {As::kAdmin,    As::kCoordinator, As::kImporter,
                                  As::kCompanyA, As::kCompanyB,    As::kReader,
                                  As::kAnonymous};
const char* CallerName(As as);

struct World {
  // Organizations.
  std::string company_a, company_b, institution;
  // People: A's contact (profile and contact private), a public researcher
  // with a private phone.
  std::string contact_a, researcher;
  // Seeds: public, and coordinators-only.
  std::string seed, hidden_seed;
  // Needs: A's coordinators-only and public ones, B's coordinators-only one.
  std::string need_a, public_need_a, need_b;
  std::string collaboration, network, membership, feedback;
  // Users and their tokens, by caller; passwords of the person users.
  std::map<As, std::string> users, tokens, usernames, passwords;
};

// Builds the world on `server` (its channel() must be the administrator's).
World BuildWorld(TestServer& server);

// A unary call by full method name ("renkei.v1.NeedService.GetNeed") with
// the messages of that method.
grpc::Status CallUnary(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                       const google::protobuf::Message& request,
                       google::protobuf::Message* response);

// A new company, person … as the administrator, for a test that changes or
// deletes one.
std::string NewCompany(TestServer& server, const std::string& display_name);
std::string NewPerson(TestServer& server, const std::string& organization);
std::string NewNeed(TestServer& server, const std::string& company, bool public_need);
std::string NewSeed(TestServer& server, const std::string& institution);
std::string NewCollaboration(TestServer& server, const World& world);
std::string NewNetwork(TestServer& server);
std::string NewToken(TestServer& server, const std::string& user);

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_ACCESS_ACCESS_WORLD_H_
