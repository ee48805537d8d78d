#include "tests/test_server.h"

#include "absl/strings/str_cat.h"
#include "server/util/call_metadata.h"

namespace renkei::testing {

TestServer::TestServer(bool load_demo) : load_demo_(load_demo) { Start(); }

TestServer::TestServer(std::function<void(ServerOptions&)> configure)
    : configure_(std::move(configure)) {
  Start();
}

TestServer::~TestServer() { Stop(); }

void TestServer::Start() {
  ServerOptions options;
  if (configure_) configure_(options);
  options.data_dir = dir_.path();
  options.listen_address = "127.0.0.1:0";
  options.load_demo = options.load_demo || load_demo_;
  absl::StatusOr<std::unique_ptr<RenkeiServer>> server = RenkeiServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = std::move(*server);
  port_ = server_->port();
  absl::StatusOr<std::string> token = ReadAdminToken(dir_.path());
  ASSERT_TRUE(token.ok()) << token.status();
  admin_token_ = *token;
  channel_ = ChannelWithToken(admin_token_);
}

std::shared_ptr<grpc::Channel> TestServer::ChannelWithToken(const std::string& token) const {
  const std::string address = absl::StrCat("127.0.0.1:", port_);
  if (token.empty()) return grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> adders;
  adders.push_back(AddMetadata(BearerMetadata(token)));
  return grpc::experimental::CreateCustomChannelWithInterceptors(
      address, grpc::InsecureChannelCredentials(), grpc::ChannelArguments(), std::move(adders));
}

void TestServer::Stop() {
  channel_.reset();
  if (server_ != nullptr) server_->Shutdown(absl::Seconds(2));
  server_.reset();
}

void TestServer::Restart() {
  Stop();
  Start();
}

}  // namespace renkei::testing
