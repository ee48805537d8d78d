// Every method of every renkei service the server lists through reflection,
// read from its descriptor, has a row in the role matrix
// (access_matrix_table.h): a new RPC cannot skip the rules. The server
// itself refuses to start when one of its methods has no rule
// (server/access/policy.h).
#include <set>

#include "google/protobuf/descriptor.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "tests/access/access_matrix_table.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

// Every method (full name) of the renkei services the server lists through
// reflection, read from the file descriptors the server sends.
std::set<std::string> ServedMethods(const ServerProcess& server) {
  auto reflection = grpc::reflection::v1alpha::ServerReflection::NewStub(server.AdminChannel());
  auto context = Context();
  auto stream = reflection->ServerReflectionInfo(context.get());
  grpc::reflection::v1alpha::ServerReflectionRequest request;
  request.set_list_services("");
  EXPECT_TRUE(stream->Write(request));
  grpc::reflection::v1alpha::ServerReflectionResponse listed;
  EXPECT_TRUE(stream->Read(&listed));
  std::set<std::string> methods;
  for (const auto& service : listed.list_services_response().service()) {
    if (service.name().rfind("renkei.", 0) != 0) continue;  // health, reflection
    request.set_file_containing_symbol(service.name());
    EXPECT_TRUE(stream->Write(request));
    grpc::reflection::v1alpha::ServerReflectionResponse files;
    EXPECT_TRUE(stream->Read(&files));
    bool found = false;
    for (const std::string& bytes : files.file_descriptor_response().file_descriptor_proto()) {
      google::protobuf::FileDescriptorProto file;
      EXPECT_TRUE(file.ParseFromString(bytes)) << service.name();
      for (const auto& defined : file.service()) {
        if (file.package() + "." + defined.name() != service.name()) continue;
        found = true;
        for (const auto& method : defined.method()) {
          methods.insert(service.name() + "." + method.name());
        }
      }
    }
    EXPECT_TRUE(found) << service.name() << ": no descriptor";
  }
  stream->WritesDone();
  EXPECT_OK(stream->Finish());
  return methods;
}

TEST(AccessPolicyTest, EveryMethodTheServerServesHasARowInTheRoleMatrix) {
  TempDir dir;
  ServerProcess server(dir.path());
  ASSERT_TRUE(server.Start()) << server.log();
  std::set<std::string> rows;
  for (const MatrixRow& row : kMatrix) rows.insert(std::string("renkei.v1.") + row.method);
  const std::set<std::string> served = ServedMethods(server);
  for (const std::string& method : served) {
    EXPECT_TRUE(rows.contains(method)) << method << " has no row in the role matrix";
  }
  EXPECT_EQ(served, rows);
  EXPECT_GE(served.size(), 60u);
}

}  // namespace
}  // namespace renkei::testing
