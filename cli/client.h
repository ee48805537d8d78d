// The connection of `renkei` to renkei-server, and generic calls by method
// name: requests and responses are the generated renkei.v1 messages, sent
// through grpc::GenericStub. Not thread-safe.
#ifndef RENKEI_CLI_CLIENT_H_
#define RENKEI_CLI_CLIENT_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace google::protobuf {
class Message;
class MethodDescriptor;
}  // namespace google::protobuf

namespace grpc {
class ByteBuffer;
class Channel;
class ChannelArguments;
template <class RequestType, class ResponseType>
class TemplatedGenericStub;
using GenericStub = TemplatedGenericStub<ByteBuffer, ByteBuffer>;
}  // namespace grpc

namespace renkei::cli {

struct ConnectionOptions {
  std::string server = "127.0.0.1:50051";
  absl::Duration timeout = absl::Seconds(30);  // per call; streams have none
  bool tls = false;           // TLS with the system roots or `ca_file`
  std::string ca_file;        // PEM roots for TLS
  // Sent as "authorization: Bearer <token>"; when empty, $RENKEI_TOKEN, else
  // the token `renkei login` saved (SavedTokenPath).
  std::string token_file;
};

// Where `renkei login` keeps its token: $XDG_CONFIG_HOME/renkei/token, else
// ~/.config/renkei/token.
std::string SavedTokenPath();

// The token to send: the --token-file's, else $RENKEI_TOKEN, else the saved
// one; empty when there is none. INVALID_ARGUMENT when --token-file cannot
// be read.
absl::StatusOr<std::string> ResolveToken(const ConnectionOptions& options);

// A channel to `options.server` (TLS when asked), with `arguments`.
// FAILED_PRECONDITION when `token` is not empty and would go in clear to an
// address that is not loopback.
absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(const ConnectionOptions& options,
                                                           const std::string& token,
                                                           const grpc::ChannelArguments& arguments);

class Client {
 public:
  // Reads the token and CA files; does not connect yet.
  static absl::StatusOr<std::unique_ptr<Client>> Create(const ConnectionOptions& options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // A unary call. Errors come back as absl::Status with the server's field
  // violations as payloads (server/util/errors.h); a server that cannot be
  // reached is UNAVAILABLE with one readable sentence.
  absl::Status Call(const google::protobuf::MethodDescriptor* method,
                    const google::protobuf::Message& request,
                    google::protobuf::Message* response);

  // A server-streaming call: `on_message` gets each message (in `scratch`)
  // and returns false to stop early.
  absl::Status Stream(const google::protobuf::MethodDescriptor* method,
                      const google::protobuf::Message& request,
                      google::protobuf::Message* scratch,
                      const std::function<bool(const google::protobuf::Message&)>& on_message);

  const std::string& server() const { return options_.server; }
  const ConnectionOptions& options() const { return options_; }

 private:
  explicit Client(ConnectionOptions options);
  // Waits (up to 3 s) for the first connection, once.
  void Connect();

  const ConnectionOptions options_;
  std::string token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::GenericStub> stub_;
  bool connected_ = false;
};

// The method "renkei.v1.OrganizationService.GetOrganization" (or any full
// name in the generated pool); nullptr when unknown.
const google::protobuf::MethodDescriptor* FindMethod(absl::string_view full_name);

// A new message of the method's input or output type.
std::unique_ptr<google::protobuf::Message> NewInput(const google::protobuf::MethodDescriptor* m);
std::unique_ptr<google::protobuf::Message> NewOutput(const google::protobuf::MethodDescriptor* m);

}  // namespace renkei::cli

#endif  // RENKEI_CLI_CLIENT_H_
