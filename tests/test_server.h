// A real renkei server inside the test process, on an ephemeral port.
#ifndef RENKEI_TESTS_TEST_SERVER_H_
#define RENKEI_TESTS_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>

#include "server/server.h"
#include "tests/test_util.h"

namespace renkei::testing {

// A renkei server with its own data directory, listening on 127.0.0.1 on a
// port the kernel picks, and a TCP channel to it whose calls carry the
// first administrator's token (the suites test behaviour, not access; the
// access suites make their own channels). HTTP is off unless `configure` sets
// options.web.address ("127.0.0.1:0" picks a port).
class TestServer {
 public:
  explicit TestServer(bool load_demo = false);
  // With options changed by `configure` (the data directory and address are
  // set after it; load_demo is kept).
  explicit TestServer(std::function<void(ServerOptions&)> configure);
  ~TestServer();

  // Stops the server (clean shutdown) and starts it again on the same data.
  void Restart();
  void Stop();

  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  // A channel whose calls carry `token` (none when empty).
  std::shared_ptr<grpc::Channel> ChannelWithToken(const std::string& token) const;
  // The administrator's token, and the file holding it (for --token-file).
  const std::string& admin_token() const { return admin_token_; }
  std::string admin_token_file() const { return dir_.path() + "/admin.token"; }
  int port() const { return port_; }
  int http_port() const { return server_->http_port(); }
  const std::string& data_dir() const { return dir_.path(); }
  RenkeiServer& server() { return *server_; }

 private:
  void Start();

  TempDir dir_;
  bool load_demo_ = false;
  std::function<void(ServerOptions&)> configure_;
  std::unique_ptr<RenkeiServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::string admin_token_;
  int port_ = 0;
};

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_TEST_SERVER_H_
