// A fixture for tests through renkei-server's HTTP side: a TestServer with
// the demo data and HTTP on a free port, an HTTP client to it, and gRPC
// calls over TCP to compare with (the ground truth the JSON must match).
#ifndef RENKEI_TESTS_WEB_WEB_FIXTURE_H_
#define RENKEI_TESTS_WEB_WEB_FIXTURE_H_

#include <google/protobuf/message.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/test_server.h"
#include "tests/web/http_client.h"

namespace renkei::testing {

// A JSON error body: {"error": {"code", "status", "message", "details"}}.
struct JsonError {
  int code = 0;
  std::string status;
  std::string message;
  std::vector<std::pair<std::string, std::string>> violations;  // field, description
};

class WebTest : public ::testing::Test {
 protected:
  // `configure` may change the server's options further (limits …).
  explicit WebTest(std::function<void(ServerOptions&)> configure = nullptr);

  // Requests carry the administrator's token unless `headers` have an
  // Authorization of their own (the suites test the HTTP side, not access).
  HttpReply Get(const std::string& target, const Headers& headers = {}) {
    return Send("GET", target, "", headers);
  }
  virtual HttpReply Send(const std::string& method, const std::string& target,
                         const std::string& body = "", const Headers& headers = {});
  // `headers` with the administrator's token added.
  Headers WithToken(Headers headers = {}) const;

  // The body of a 200 reply as a message of `type` ("renkei.v1.Seed");
  // fails the test (and returns an empty message) otherwise.
  std::unique_ptr<google::protobuf::Message> Parse(const HttpReply& reply, const std::string& type);
  // The error of a JSON error reply.
  static JsonError ErrorOf(const HttpReply& reply);

  // `method` ("renkei.v1.SeedService.GetSeed") called over gRPC with the
  // request given as JSON.
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> Grpc(const std::string& method,
                                                                  const std::string& request_json);
  // A field of the result of Grpc(…), which must succeed.
  std::string GrpcField(const std::string& method, const std::string& request_json,
                        const std::string& field);
  // The newest revision (to check that a refused request wrote nothing).
  int64_t Revision();

  int http_port() const { return server_.http_port(); }

  TestServer server_;
  std::unique_ptr<HttpClient> http_;
};

// Every service of every file in proto/renkei/v1 (the server's: a test that
// runs a TestServer has them all in the descriptor pool).
std::vector<const google::protobuf::ServiceDescriptor*> ProtocolServices();

// `message` as JSON, for messages in test output.
std::string ToJson(const google::protobuf::Message& message);

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_WEB_WEB_FIXTURE_H_
