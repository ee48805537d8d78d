// Channels whose every call carries fixed metadata, such as
// "authorization: Bearer <token>": for in-process clients of the server (the
// demo loader, the JSON API) and for tests and tools. Thread-safe.
#ifndef RENKEI_SERVER_UTIL_CALL_METADATA_H_
#define RENKEI_SERVER_UTIL_CALL_METADATA_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <grpcpp/support/client_interceptor.h>

namespace renkei {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// An interceptor factory that adds `metadata` to every call of the channel
// it is given to (grpc::experimental::CreateCustomChannelWithInterceptors,
// Server::experimental().InProcessChannelWithInterceptors).
std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface> AddMetadata(
    Metadata metadata);

// "authorization" → "Bearer <token>".
Metadata BearerMetadata(const std::string& token);

}  // namespace renkei

#endif  // RENKEI_SERVER_UTIL_CALL_METADATA_H_
