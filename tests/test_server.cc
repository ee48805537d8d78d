#include "tests/test_server.h"

#include "absl/strings/str_cat.h"

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
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", port_),
                                 grpc::InsecureChannelCredentials());
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
