#include "cli/client.h"

#include <algorithm>
#include <cstdlib>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/message.h"
#include "google/rpc/status.pb.h"

namespace renkei::cli {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("cannot read ", what, " ", path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string Path(const google::protobuf::MethodDescriptor* method) {
  return absl::StrCat("/", method->service()->full_name(), "/", method->name());
}

grpc::ByteBuffer Serialize(const google::protobuf::Message& message) {
  const std::string bytes = message.SerializeAsString();
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

bool Parse(const grpc::ByteBuffer& buffer, google::protobuf::Message* message) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return false;
  std::string bytes;
  for (const grpc::Slice& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  return message->ParseFromString(bytes);
}

// Waits for `tag` on `queue`; false when the operation failed.
bool Await(grpc::CompletionQueue* queue, void* tag) {
  void* got;
  bool ok;
  while (queue->Next(&got, &ok)) {
    if (got == tag) return ok;
  }
  return false;
}

void Drain(grpc::CompletionQueue* queue) {
  queue->Shutdown();
  void* got;
  bool ok;
  while (queue->Next(&got, &ok)) {
  }
}

}  // namespace

const google::protobuf::MethodDescriptor* FindMethod(absl::string_view full_name) {
  return google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(
      std::string(full_name));
}

std::unique_ptr<google::protobuf::Message> NewInput(const google::protobuf::MethodDescriptor* m) {
  return std::unique_ptr<google::protobuf::Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(m->input_type())->New());
}

std::unique_ptr<google::protobuf::Message> NewOutput(const google::protobuf::MethodDescriptor* m) {
  return std::unique_ptr<google::protobuf::Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(m->output_type())->New());
}

Client::Client(ConnectionOptions options) : options_(std::move(options)) {}
Client::~Client() = default;

std::string SavedTokenPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    return absl::StrCat(xdg, "/renkei/token");
  }
  const char* home = std::getenv("HOME");
  return absl::StrCat(home != nullptr ? home : ".", "/.config/renkei/token");
}

absl::StatusOr<std::string> ResolveToken(const ConnectionOptions& options) {
  if (!options.token_file.empty()) {
    absl::StatusOr<std::string> token = ReadFile(options.token_file, "--token-file");
    if (!token.ok()) return token.status();
    return std::string(absl::StripAsciiWhitespace(*token));
  }
  if (const char* env = std::getenv("RENKEI_TOKEN"); env != nullptr && *env != '\0') {
    return std::string(absl::StripAsciiWhitespace(env));
  }
  std::ifstream saved(SavedTokenPath());
  if (!saved) return std::string();
  std::ostringstream content;
  content << saved.rdbuf();
  return std::string(absl::StripAsciiWhitespace(content.str()));
}

namespace {

bool IsLoopback(const std::string& server) {
  std::string host = server.substr(0, server.rfind(':'));
  if (absl::StartsWith(host, "dns:///")) host = host.substr(7);
  if (absl::StartsWith(host, "ipv4:")) host = host.substr(5);
  return host == "localhost" || host == "[::1]" || absl::StartsWith(host, "127.") ||
         absl::StartsWith(host, "unix:");
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> OpenChannel(
    const ConnectionOptions& options, const std::string& token,
    const grpc::ChannelArguments& arguments) {
  const bool tls = options.tls || !options.ca_file.empty();
  if (!token.empty() && !tls && !IsLoopback(options.server)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "refusing to send a token in clear to ", options.server,
        ": connect with --tls (and --ca-file for a private CA)"));
  }
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (tls) {
    grpc::SslCredentialsOptions ssl;
    if (!options.ca_file.empty()) {
      absl::StatusOr<std::string> roots = ReadFile(options.ca_file, "--ca-file");
      if (!roots.ok()) return roots.status();
      ssl.pem_root_certs = *roots;
    }
    credentials = grpc::SslCredentials(ssl);
  }
  return grpc::CreateCustomChannel(options.server, credentials, arguments);
}

absl::StatusOr<std::unique_ptr<Client>> Client::Create(const ConnectionOptions& options) {
  std::unique_ptr<Client> client(new Client(options));
  absl::StatusOr<std::string> token = ResolveToken(options);
  if (!token.ok()) return token.status();
  client->token_ = *token;
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(64 << 20);
  // A connection that fails on its way up (a busy machine) is tried again
  // twice before a call says the server cannot be reached; a server that is
  // down still answers that within a second.
  arguments.SetServiceConfigJSON(R"({"methodConfig": [{"name": [{}], "retryPolicy": {
      "maxAttempts": 3, "initialBackoff": "0.2s", "maxBackoff": "1s",
      "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]})");
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      OpenChannel(options, client->token_, arguments);
  if (!channel.ok()) return channel.status();
  client->channel_ = *channel;
  client->stub_ = std::make_unique<grpc::GenericStub>(client->channel_);
  return client;
}

namespace {

// The gRPC status as absl::Status, with the details as payloads.
absl::Status FromGrpc(const grpc::Status& status, const std::string& server,
                      absl::Duration timeout) {
  if (status.ok()) return absl::OkStatus();
  const auto code = static_cast<absl::StatusCode>(status.error_code());
  if (code == absl::StatusCode::kUnavailable &&
      status.error_message().find("shutting down") == std::string::npos) {
    return absl::UnavailableError(absl::StrCat(
        "cannot reach renkei-server at ", server,
        " (is it running? give its address with --server or RENKEI_SERVER): ",
        status.error_message()));
  }
  if (code == absl::StatusCode::kDeadlineExceeded) {
    return absl::DeadlineExceededError(absl::StrCat("renkei-server at ", server,
                                                    " did not answer within ",
                                                    absl::FormatDuration(timeout),
                                                    " (--timeout)"));
  }
  absl::Status out(code, status.error_message());
  google::rpc::Status details;
  if (!status.error_details().empty() && details.ParseFromString(status.error_details())) {
    for (const auto& any : details.details()) {
      out.SetPayload(any.type_url(), absl::Cord(any.value()));
    }
  }
  return out;
}

}  // namespace

void Client::Connect() {
  if (connected_) return;
  connected_ = true;
  // A first connection that fails on its way up (a busy machine) is tried
  // again by gRPC within a second or two; wait for that instead of failing
  // the first call at once. A server that is not there costs this wait.
  if (channel_->GetState(/*try_to_connect=*/true) != GRPC_CHANNEL_READY) {
    channel_->WaitForConnected(
        absl::ToChronoTime(absl::Now() + std::min(options_.timeout, absl::Seconds(3))));
  }
}

absl::Status Client::Call(const google::protobuf::MethodDescriptor* method,
                          const google::protobuf::Message& request,
                          google::protobuf::Message* response) {
  Connect();
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + options_.timeout));
  if (!token_.empty()) context.AddMetadata("authorization", "Bearer " + token_);
  grpc::CompletionQueue queue;
  auto call = stub_->PrepareUnaryCall(&context, Path(method), Serialize(request), &queue);
  call->StartCall();
  grpc::ByteBuffer reply;
  grpc::Status status;
  int tag = 0;
  call->Finish(&reply, &status, &tag);
  Await(&queue, &tag);
  Drain(&queue);
  if (!status.ok()) return FromGrpc(status, options_.server, options_.timeout);
  if (!Parse(reply, response)) {
    return absl::DataLossError(absl::StrCat("the reply to ", method->name(), " does not parse"));
  }
  return absl::OkStatus();
}

absl::Status Client::Stream(const google::protobuf::MethodDescriptor* method,
                            const google::protobuf::Message& request,
                            google::protobuf::Message* scratch,
                            const std::function<bool(const google::protobuf::Message&)>& on_message) {
  Connect();
  grpc::ClientContext context;
  if (!token_.empty()) context.AddMetadata("authorization", "Bearer " + token_);
  grpc::CompletionQueue queue;
  auto call = stub_->PrepareCall(&context, Path(method), &queue);
  int start = 0, write = 0, done = 0, read = 0, finish = 0;
  call->StartCall(&start);
  bool ok = Await(&queue, &start);
  if (ok) {
    call->Write(Serialize(request), &write);
    ok = Await(&queue, &write);
  }
  if (ok) {
    call->WritesDone(&done);
    ok = Await(&queue, &done);
  }
  bool stopped = false;
  while (ok) {
    grpc::ByteBuffer buffer;
    call->Read(&buffer, &read);
    if (!Await(&queue, &read)) break;
    if (!Parse(buffer, scratch)) {
      context.TryCancel();
      stopped = true;
      break;
    }
    if (!on_message(*scratch)) {
      context.TryCancel();
      stopped = true;
      break;
    }
  }
  grpc::Status status;
  call->Finish(&status, &finish);
  Await(&queue, &finish);
  Drain(&queue);
  if (stopped && status.error_code() == grpc::StatusCode::CANCELLED) return absl::OkStatus();
  return FromGrpc(status, options_.server, options_.timeout);
}

}  // namespace renkei::cli
