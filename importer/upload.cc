#include "importer/upload.h"

#include <utility>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "renkei/v1/import.grpc.pb.h"

namespace renkei::importer {

struct Upload::Stream {
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<v1::ImportService::Stub> stub;
  grpc::ClientContext context;
  std::unique_ptr<grpc::ClientReaderWriter<v1::ImportRequest, v1::ImportResponse>> rw;
  std::string server;
};

absl::StatusOr<std::unique_ptr<Upload>> Upload::Start(const cli::ConnectionOptions& connection,
                                                      const v1::ImportHeader& header,
                                                      int batch_size, OnResponse on_response) {
  auto stream = std::make_unique<Stream>();
  const std::string& server = connection.server;
  stream->server = server;
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 << 20);
  args.SetMaxSendMessageSize(64 << 20);
  absl::StatusOr<std::string> token = cli::ResolveToken(connection);
  if (!token.ok()) return token.status();
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel =
      cli::OpenChannel(connection, *token, args);
  if (!channel.ok()) return channel.status();
  stream->channel = *channel;
  if (!token->empty()) stream->context.AddMetadata("authorization", "Bearer " + *token);
  // Connect first, so that a server that is not there is one clear line; a
  // refused connection fails at once, a silent one after 10 s.
  const auto deadline = std::chrono::system_clock::now() + std::chrono::seconds(10);
  grpc_connectivity_state state = stream->channel->GetState(/*try_to_connect=*/true);
  while (state != GRPC_CHANNEL_READY) {
    if (state == GRPC_CHANNEL_TRANSIENT_FAILURE || state == GRPC_CHANNEL_SHUTDOWN ||
        !stream->channel->WaitForStateChange(state, deadline)) {
      return absl::UnavailableError(
          absl::StrCat("cannot reach renkei-server at ", server, " (is it running? --server)"));
    }
    state = stream->channel->GetState(/*try_to_connect=*/true);
  }
  stream->stub = v1::ImportService::NewStub(stream->channel);
  stream->rw = stream->stub->Import(&stream->context);
  std::unique_ptr<Upload> upload(
      new Upload(std::move(stream), batch_size, std::move(on_response)));
  v1::ImportRequest request;
  *request.mutable_header() = header;
  if (!upload->stream_->rw->Write(request)) return upload->Failed();
  return upload;
}

Upload::Upload(std::unique_ptr<Stream> stream, int batch_size, OnResponse on_response)
    : stream_(std::move(stream)), batch_size_(batch_size), on_response_(std::move(on_response)) {}

Upload::~Upload() {
  if (stream_ != nullptr && stream_->rw != nullptr) stream_->context.TryCancel();
}

absl::Status Upload::Failed() {
  const grpc::Status status = stream_->rw->Finish();
  stream_->rw.reset();
  if (status.ok()) return absl::InternalError("the server ended the import early");
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    return absl::UnavailableError(
        absl::StrCat("renkei-server at ", stream_->server, " went away: ", status.error_message()));
  }
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
}

absl::Status Upload::ReadOne() {
  v1::ImportResponse response;
  if (!stream_->rw->Read(&response)) return Failed();
  --in_flight_;
  on_response_(response);
  return absl::OkStatus();
}

absl::Status Upload::SendBatch() {
  if (stream_->rw == nullptr) return absl::FailedPreconditionError("the upload has ended");
  if (pending_.batch().rows().empty()) return absl::OkStatus();
  if (!stream_->rw->Write(pending_)) return Failed();
  ++in_flight_;
  pending_.mutable_batch()->clear_rows();
  // One batch is resolved on the server while the next is being read here.
  while (in_flight_ > 1) {
    absl::Status read = ReadOne();
    if (!read.ok()) return read;
  }
  return absl::OkStatus();
}

absl::Status Upload::Add(v1::ImportRow row) {
  *pending_.mutable_batch()->add_rows() = std::move(row);
  if (pending_.batch().rows_size() >= batch_size_) return SendBatch();
  return absl::OkStatus();
}

absl::StatusOr<v1::ImportSummary> Upload::Finish() {
  absl::Status sent = SendBatch();
  if (!sent.ok()) return sent;
  while (in_flight_ > 0) {
    absl::Status read = ReadOne();
    if (!read.ok()) return read;
  }
  stream_->rw->WritesDone();
  v1::ImportResponse last;
  if (!stream_->rw->Read(&last)) return Failed();
  on_response_(last);
  const grpc::Status status = stream_->rw->Finish();
  stream_->rw.reset();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return last.summary();
}

}  // namespace renkei::importer
