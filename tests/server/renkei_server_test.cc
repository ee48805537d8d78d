// The renkei-server binary as an operator and a generic gRPC tool see it.
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include <grpcpp/generic/generic_stub.h>
#include "renkei/v1/change.grpc.pb.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "renkei/v1/system.grpc.pb.h"
#include "tests/run_binary.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

std::shared_ptr<grpc::Channel> Connect(const ServerProcess& server, std::string data_dir = "") {
  return server.AdminChannel(std::move(data_dir));
}

TEST(RenkeiServerTest, LogsWhatItOpenedAndWhereItListensAndStopsOnSigterm) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  EXPECT_THAT(server.log(), HasSubstr("opening data directory " + dir.path()));
  EXPECT_THAT(server.log(), HasSubstr("listening on 127.0.0.1:"));
  const int status = server.Stop(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_THAT(server.log(), HasSubstr("SIGTERM: shutting down"));
  EXPECT_THAT(server.log(), HasSubstr("closed cleanly"));
}

TEST(RenkeiServerTest, StopsCleanlyOnSigintWithAStreamOpen) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  auto channel = Connect(server);
  auto changes = renkei::v1::ChangeService::NewStub(channel);
  // From the head: a new server's head is its first administrator's records.
  renkei::v1::ServerInfo info;
  ASSERT_OK(renkei::v1::SystemService::NewStub(channel)->GetServerInfo(
      Context().get(), renkei::v1::GetServerInfoRequest(), &info));
  grpc::ClientContext context;
  renkei::v1::WatchChangesRequest request;
  request.set_since_revision(info.revision());
  auto reader = changes->WatchChanges(&context, request);
  // The follower waits for changes while the server is told to stop.
  std::thread follower([&] {
    renkei::v1::Change change;
    EXPECT_FALSE(reader->Read(&change));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto start = std::chrono::steady_clock::now();
  const int status = server.Stop(SIGINT);
  follower.join();
  EXPECT_TRUE(WIFEXITED(status)) << server.log();
  EXPECT_EQ(WEXITSTATUS(status), 0) << server.log();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  // The follower is told where to resume.
  const grpc::Status finished = reader->Finish();
  EXPECT_EQ(finished.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(finished.error_message(),
              HasSubstr(absl::StrCat("resume from revision ", info.revision())));
}

TEST(RenkeiServerTest, StopsAtOnceWithAStreamThatReadsNothing) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  auto channel = Connect(server);
  grpc::ClientContext context;
  auto reader = renkei::v1::ChangeService::NewStub(channel)->WatchChanges(
      &context, renkei::v1::WatchChangesRequest());
  reader->WaitForInitialMetadata();
  // About 20 MB of changes the stream cannot hand over: its write blocks.
  auto organizations = renkei::v1::OrganizationService::NewStub(channel);
  for (int i = 0; i < 100; ++i) {
    renkei::v1::CreateOrganizationRequest request;
    request.mutable_organization()->set_kind(renkei::v1::ORGANIZATION_KIND_COMPANY);
    request.mutable_organization()->set_display_name("株式会社停止" + std::to_string(i));
    for (int p = 0; p < 100; ++p) {
      renkei::v1::Offering* product = request.mutable_organization()->add_products();
      product->set_display_name("製品");
      product->set_description(std::string(1900, 'x'));
    }
    renkei::v1::Organization created;
    ASSERT_OK(organizations->CreateOrganization(Context().get(), request, &created));
  }
  const auto start = std::chrono::steady_clock::now();
  const int status = server.Stop(SIGTERM);
  EXPECT_TRUE(WIFEXITED(status)) << server.log();
  // Not the 5 s grace period: the blocked stream is cancelled at once. (On
  // a loaded 2-core machine a stop at once has taken 3.9 s: the bound is the
  // grace period itself, which a stop waiting for it cannot beat.)
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  context.TryCancel();
}

TEST(RenkeiServerTest, AnswersStandardHealthChecks) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  auto health = grpc::health::v1::Health::NewStub(Connect(server));
  for (const char* service : {"", "renkei.v1.OrganizationService", "renkei.v1.ChangeService"}) {
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    ASSERT_OK(health->Check(Context().get(), request, &response));
    EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING) << service;
  }
  grpc::health::v1::HealthCheckRequest unknown;
  unknown.set_service("renkei.v1.NoSuchService");
  grpc::health::v1::HealthCheckResponse response;
  EXPECT_EQ(health->Check(Context().get(), unknown, &response).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST(RenkeiServerTest, ListsItsServicesThroughReflection) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  auto reflection = grpc::reflection::v1alpha::ServerReflection::NewStub(Connect(server));
  auto context = Context();
  auto stream = reflection->ServerReflectionInfo(context.get());
  grpc::reflection::v1alpha::ServerReflectionRequest request;
  request.set_list_services("");
  ASSERT_TRUE(stream->Write(request));
  grpc::reflection::v1alpha::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  std::vector<std::string> services;
  for (const auto& s : response.list_services_response().service()) services.push_back(s.name());
  EXPECT_THAT(services, ::testing::IsSupersetOf(
                            {"renkei.v1.OrganizationService", "renkei.v1.NetworkService",
                             "renkei.v1.ChangeService", "renkei.v1.SystemService",
                             "grpc.health.v1.Health"}));
  // The file defining a service, so a generic client can build requests.
  request.set_file_containing_symbol("renkei.v1.SeedService");
  ASSERT_TRUE(stream->Write(request));
  ASSERT_TRUE(stream->Read(&response));
  EXPECT_GT(response.file_descriptor_response().file_descriptor_proto_size(), 0);
  stream->WritesDone();
  EXPECT_OK(stream->Finish());
}

TEST(RenkeiServerTest, APortInUseIsOneClearLine) {
  TempDir first_dir;
  ServerProcess first(first_dir.path());
  ASSERT_TRUE(first.Start()) << first.log();
  TempDir second_dir;
  ServerProcess second(second_dir.path(), {"--listen", first.address()});
  // The later --listen wins over the one ServerProcess passes.
  EXPECT_FALSE(second.Start());
  EXPECT_THAT(second.log(), HasSubstr("cannot listen on " + first.address()));
}

TEST(RenkeiServerTest, TakesTheDataDirectoryFromTheEnvironment) {
  TempDir dir;
  const std::string from_env = dir.path() + "/from-env";
  setenv("RENKEI_DATA_DIR", from_env.c_str(), 1);
  ServerProcess server("");  // no --data_dir
  const bool started = server.Start();
  unsetenv("RENKEI_DATA_DIR");
  ASSERT_TRUE(started) << server.log();
  EXPECT_THAT(server.log(), HasSubstr("opening data directory " + from_env));
  auto system = renkei::v1::SystemService::NewStub(Connect(server, from_env));
  renkei::v1::ServerInfo info;
  EXPECT_OK(system->GetServerInfo(Context().get(), renkei::v1::GetServerInfoRequest(), &info));
}

TEST(RenkeiServerTest, HelpListsItsFlags) {
  const BinaryRun run = RunBinary(RENKEI_SERVER_BINARY, {"--help"});
  for (const char* flag : {"--data_dir", "--listen", "--http", "--restore_from", "--channelz"}) {
    EXPECT_THAT(run.out + run.err, HasSubstr(flag));
  }
  EXPECT_THAT(run.out + run.err, ::testing::Not(HasSubstr("No flags matched")));
}

TEST(RenkeiServerTest, AFailedCallIsOneLogLineWithMethodCallerCodeAndDuration) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  auto organizations = renkei::v1::OrganizationService::NewStub(Connect(server));
  renkei::v1::GetOrganizationRequest request;
  request.set_name("organizations/424242");
  renkei::v1::Organization organization;
  ASSERT_EQ(organizations->GetOrganization(Context().get(), request, &organization).error_code(),
            grpc::StatusCode::NOT_FOUND);
  server.Stop(SIGTERM);
  EXPECT_THAT(server.log(),
              ::testing::ContainsRegex(
                  "rpc method=/renkei.v1.OrganizationService/GetOrganization code=NOT_FOUND "
                  "duration_ms=[0-9.]+ caller=admin interface=grpc peer=ipv4:127.0.0.1:[0-9]+ "
                  "message=\"[^\n]*424242"));
}

TEST(RenkeiServerTest, BacksUpWhileServingAndRestoresIntoANewDirectory) {
  TempDir dir, backups;
  const std::string backup_dir = backups.path() + "/renkei";
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  auto channel = Connect(server);
  auto organizations = renkei::v1::OrganizationService::NewStub(channel);
  renkei::v1::CreateOrganizationRequest create;
  create.mutable_organization()->set_kind(renkei::v1::ORGANIZATION_KIND_COMPANY);
  create.mutable_organization()->set_display_name("株式会社控複写");
  renkei::v1::Organization created;
  ASSERT_OK(organizations->CreateOrganization(Context().get(), create, &created));
  auto system = renkei::v1::SystemService::NewStub(channel);
  renkei::v1::BackupRequest request;
  request.set_directory(backup_dir);
  renkei::v1::BackupInfo backup;
  ASSERT_OK(system->Backup(Context().get(), request, &backup));
  EXPECT_EQ(backup.backup_id(), 1u);
  EXPECT_GT(backup.revision(), 0);
  EXPECT_THAT(server.log(), HasSubstr(absl::StrCat("backup 1 at revision ", backup.revision())));
  request.set_directory("relative/dir");
  EXPECT_EQ(system->Backup(Context().get(), request, &backup).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  server.Stop(SIGTERM);

  const std::string restored = dir.path() + "-restored";
  const BinaryRun run = RunBinary(RENKEI_SERVER_BINARY,
                                  {"--restore_from", backup_dir, "--data_dir", restored});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr(absl::StrCat("(revision ", backup.revision())));
  const BinaryRun again = RunBinary(RENKEI_SERVER_BINARY,
                                    {"--restore_from", backup_dir, "--data_dir", restored});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("not empty"));

  ServerProcess copy(restored);
  ASSERT_TRUE(copy.Start()) << copy.log();
  auto copy_channel = copy.AdminChannel(dir.path());  // the token is in the data
  renkei::v1::ServerInfo info;
  ASSERT_OK(renkei::v1::SystemService::NewStub(copy_channel)
                ->GetServerInfo(Context().get(), renkei::v1::GetServerInfoRequest(), &info));
  EXPECT_EQ(info.revision(), backup.revision());
  renkei::v1::GetOrganizationRequest get;
  get.set_name(created.name());
  renkei::v1::Organization read;
  ASSERT_OK(renkei::v1::OrganizationService::NewStub(copy_channel)
                ->GetOrganization(Context().get(), get, &read));
  EXPECT_EQ(read.display_name(), "株式会社控複写");
  std::filesystem::remove_all(restored);
}

// Channelz answers on the gRPC port only when asked for (it needs no credential).
TEST(RenkeiServerTest, ServesChannelzWhenAsked) {
  for (bool asked : {false, true}) {
    TempDir dir;
    ServerProcess server(dir.path(), asked ? std::vector<std::string>{"--channelz"}
                                           : std::vector<std::string>{});
    ASSERT_TRUE(server.Start()) << server.log();
    grpc::GenericStub stub(grpc::CreateChannel(server.address(),
                                               grpc::InsecureChannelCredentials()));
    grpc::Slice nothing("");  // an empty GetServersRequest
    grpc::ByteBuffer empty(&nothing, 1), reply;
    grpc::Status status;
    absl::Notification done;
    auto context = Context();
    stub.UnaryCall(context.get(), "/grpc.channelz.v1.Channelz/GetServers", grpc::StubOptions(),
                   &empty, &reply, [&](grpc::Status s) {
                     status = std::move(s);
                     done.Notify();
                   });
    done.WaitForNotification();
    if (asked) {
      EXPECT_OK(status);
      EXPECT_GT(reply.Length(), 0u);
    } else {
      EXPECT_EQ(status.error_code(), grpc::StatusCode::UNIMPLEMENTED);
    }
  }
}

}  // namespace
}  // namespace renkei::testing
