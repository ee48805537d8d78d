#include "tests/access/access_world.h"

#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/network.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"

namespace renkei::testing {
namespace {

// Calls `method` as the administrator and returns the name of what it made.
template <typename Response>
std::string Make(TestServer& server, const std::string& method,
                 const google::protobuf::Message& request) {
  Response response;
  grpc::Status status = CallUnary(server.channel(), absl::StrCat("renkei.v1.", method), request,
                                  &response);
  EXPECT_OK(status) << method;
  return response.name();
}

v1::Address Ichinoseki(const std::string& district) {
  v1::Address address;
  address.set_prefecture("岩手県");
  address.set_city("一関市");
  address.set_district(district);
  return address;
}

std::string NewOrganization(TestServer& server, v1::OrganizationKind kind,
                            const std::string& display_name, const std::string& description) {
  v1::CreateOrganizationRequest request;
  v1::Organization* o = request.mutable_organization();
  o->set_kind(kind);
  o->set_display_name(display_name);
  o->set_description(description);
  *o->mutable_address() = Ichinoseki("千厩");
  return Make<v1::Organization>(server, "OrganizationService.CreateOrganization", request);
}

std::string NewUser(TestServer& server, World* world, As as, const std::string& username,
                    v1::Role role, const std::string& organization) {
  v1::CreateUserRequest request;
  v1::User* user = request.mutable_user();
  user->set_username(username);
  user->set_role(role);
  user->set_kind(role == v1::ROLE_IMPORTER ? v1::USER_KIND_SERVICE : v1::USER_KIND_PERSON);
  if (!organization.empty()) user->add_organizations(organization);
  if (role != v1::ROLE_IMPORTER) {
    world->passwords[as] = absl::StrCat(username, "-password");
    request.set_password(world->passwords[as]);
  }
  const std::string name = Make<v1::User>(server, "AdminService.CreateUser", request);
  world->users[as] = name;
  world->usernames[as] = username;
  world->tokens[as] = NewToken(server, name);
  return name;
}

}  // namespace

const char* CallerName(As as) {
  switch (as) {
    case As::kAdmin: return "admin";
    case As::kCoordinator: return "coordinator";
    case As::kImporter: return "importer";
    case As::kCompanyA: return "company A";
    case As::kCompanyB: return "company B";
    case As::kReader: return "reader";
    case As::kAnonymous: return "anonymous";
  }
  return "?";
}

grpc::Status CallUnary(const std::shared_ptr<grpc::Channel>& channel, const std::string& method,
                       const google::protobuf::Message& request,
                       google::protobuf::Message* response) {
  const auto* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(method);
  if (descriptor == nullptr) return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, method);
  const std::string path =
      absl::StrCat("/", descriptor->service()->full_name(), "/", descriptor->name());
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  grpc::CompletionQueue queue;
  const std::string bytes = request.SerializeAsString();
  grpc::Slice slice(bytes);
  grpc::ByteBuffer sent(&slice, 1);
  auto call = stub.PrepareUnaryCall(&context, path, sent, &queue);
  call->StartCall();
  grpc::ByteBuffer received;
  grpc::Status status;
  call->Finish(&received, &status, reinterpret_cast<void*>(1));
  void* tag;
  bool ok;
  queue.Next(&tag, &ok);
  queue.Shutdown();
  while (queue.Next(&tag, &ok)) {
  }
  if (status.ok()) {
    std::vector<grpc::Slice> slices;
    (void)received.Dump(&slices);
    std::string out;
    for (const grpc::Slice& s : slices) out.append(reinterpret_cast<const char*>(s.begin()), s.size());
    response->ParseFromString(out);
  }
  return status;
}

std::string NewCompany(TestServer& server, const std::string& display_name) {
  return NewOrganization(server, v1::ORGANIZATION_KIND_COMPANY, display_name, "");
}

std::string NewPerson(TestServer& server, const std::string& organization) {
  v1::CreatePersonRequest request;
  v1::Person* p = request.mutable_person();
  p->set_role(v1::PERSON_ROLE_CONTACT);
  p->set_display_name("窓口 花子");
  p->set_organization(organization);
  p->mutable_contact()->set_phone("0191-52-0001");
  p->mutable_contact()->set_email("madoguchi@example.jp");
  return Make<v1::Person>(server, "PersonService.CreatePerson", request);
}

std::string NewNeed(TestServer& server, const std::string& company, bool public_need) {
  v1::CreateNeedRequest request;
  v1::Need* n = request.mutable_need();
  n->set_company(company);
  n->set_title(public_need ? "射出成形品の外観検査を自動化したい" : "極秘: めっき排水のニッケル濃度を下げたい");
  n->set_body(public_need ? "目視の全数検査を画像処理に置き換えたい。"
                          : "排水基準が厳しくなる。めっき排水処理の改善を相談したい。");
  n->set_visibility(public_need ? v1::VISIBILITY_PUBLIC : v1::VISIBILITY_COORDINATORS);
  return Make<v1::Need>(server, "NeedService.CreateNeed", request);
}

std::string NewSeed(TestServer& server, const std::string& institution) {
  v1::CreateSeedRequest request;
  v1::Seed* s = request.mutable_seed();
  s->set_institution(institution);
  s->set_title("画像処理による外観検査の自動化");
  s->set_summary("射出成形品の傷やめっきの欠陥を画像処理で検出する。");
  return Make<v1::Seed>(server, "SeedService.CreateSeed", request);
}

std::string NewCollaboration(TestServer& server, const World& world) {
  v1::CreateCollaborationRequest request;
  v1::Collaboration* x = request.mutable_collaboration();
  x->set_type(v1::COLLABORATION_TYPE_JOINT_RESEARCH);
  x->set_title("外観検査の共同研究");
  x->add_participants()->set_organization(world.company_a);
  x->add_participants()->set_organization(world.institution);
  x->mutable_start_date()->set_year(2025);
  x->mutable_start_date()->set_month(6);
  x->mutable_start_date()->set_day(1);
  return Make<v1::Collaboration>(server, "CollaborationService.CreateCollaboration", request);
}

std::string NewNetwork(TestServer& server) {
  v1::CreateNetworkRequest request;
  request.mutable_network()->set_display_name("千厩町工業クラブ");
  return Make<v1::Network>(server, "NetworkService.CreateNetwork", request);
}

std::string NewToken(TestServer& server, const std::string& user) {
  v1::CreateTokenRequest request;
  request.set_user(user);
  request.set_description("test");
  v1::CreatedToken created;
  EXPECT_OK(CallUnary(server.channel(), "renkei.v1.AdminService.CreateToken", request, &created));
  return created.token();
}

World BuildWorld(TestServer& server) {
  World w;
  w.company_a = NewOrganization(server, v1::ORGANIZATION_KIND_COMPANY, "株式会社磐井化成",
                                "射出成形とめっきの会社");
  w.company_b = NewOrganization(server, v1::ORGANIZATION_KIND_COMPANY, "須川電子株式会社",
                                "電子部品の実装");
  w.institution = NewOrganization(server, v1::ORGANIZATION_KIND_ACADEMIC, "一関工業高等専門学校",
                                  "高等専門学校");
  w.contact_a = NewPerson(server, w.company_a);
  {
    v1::CreatePersonRequest request;
    v1::Person* p = request.mutable_person();
    p->set_role(v1::PERSON_ROLE_RESEARCHER);
    p->set_display_name("研究 太郎");
    p->set_organization(w.institution);
    p->mutable_contact()->set_phone("0191-24-0000");
    w.researcher = Make<v1::Person>(server, "PersonService.CreatePerson", request);
  }
  {
    v1::CreateSeedRequest request;
    v1::Seed* s = request.mutable_seed();
    s->set_institution(w.institution);
    s->add_researchers(w.researcher);
    s->set_title("画像処理による外観検査の自動化");
    s->set_summary("射出成形品の傷やめっきの欠陥を画像処理で検出する。");
    w.seed = Make<v1::Seed>(server, "SeedService.CreateSeed", request);
    s->set_title("未公開: めっき排水からのニッケル回収");
    s->set_summary("めっき排水のニッケルを電解で回収する。");
    s->set_visibility(v1::VISIBILITY_COORDINATORS);
    w.hidden_seed = Make<v1::Seed>(server, "SeedService.CreateSeed", request);
  }
  w.need_a = NewNeed(server, w.company_a, false);
  w.public_need_a = NewNeed(server, w.company_a, true);
  w.need_b = NewNeed(server, w.company_b, false);
  w.collaboration = NewCollaboration(server, w);
  w.network = NewNetwork(server);
  {
    v1::CreateMembershipRequest request;
    request.set_parent(w.network);
    request.mutable_membership()->set_organization(w.company_a);
    w.membership = Make<v1::Membership>(server, "NetworkService.CreateMembership", request);
  }
  {
    v1::RecordFeedbackRequest request;
    request.mutable_feedback()->set_need(w.need_a);
    request.mutable_feedback()->set_suggestion(w.seed);
    request.mutable_feedback()->set_label(v1::FEEDBACK_LABEL_USEFUL);
    w.feedback = Make<v1::Feedback>(server, "MatchService.RecordFeedback", request);
  }
  NewUser(server, &w, As::kAdmin, "admin2", v1::ROLE_ADMIN, "");
  NewUser(server, &w, As::kCoordinator, "coordinator", v1::ROLE_COORDINATOR, "");
  NewUser(server, &w, As::kImporter, "importer", v1::ROLE_IMPORTER, "");
  NewUser(server, &w, As::kCompanyA, "company-a", v1::ROLE_COMPANY, w.company_a);
  NewUser(server, &w, As::kCompanyB, "company-b", v1::ROLE_COMPANY, w.company_b);
  NewUser(server, &w, As::kReader, "reader", v1::ROLE_READER, "");
  w.tokens[As::kAnonymous] = "";
  return w;
}

}  // namespace renkei::testing
