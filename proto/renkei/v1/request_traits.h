// How the server reads renkei requests off the wire.
//
// gRPC's default protobuf deserializer answers a request that does not parse
// with a bare INTERNAL. A proto3 string holding invalid UTF-8 is the common
// cause (a CP932 file read as UTF-8 by a client), and the caller deserves
// INVALID_ARGUMENT naming the field. So every renkei request type gets a
// SerializationTraits specialization that parses the same way and, on
// failure, reports the path of the offending field (docs/api.md).
//
// gRPC 1.51 reads unary requests through SerializationTraits<MessageLite>
// and streamed ones through SerializationTraits<RequestType>: this header
// specializes the first, and the second for each streamed request type.
// It is included by each generated *.grpc.pb.h right after its *.pb.h
// (protoc's additional_header_includes), so the specializations are in place
// wherever gRPC could instantiate the default ones; every .grpc.pb.h built
// by this project must be generated that way. Each streamed-type block is
// keyed on the include guard of the .pb.h that declares its types.
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/status.h>

#ifndef RENKEI_PROTO_REQUEST_TRAITS_COMMON_
#define RENKEI_PROTO_REQUEST_TRAITS_COMMON_

namespace renkei::proto {

// Parses `buffer` into `message`. On failure returns INVALID_ARGUMENT with a
// google.rpc.BadRequest naming the first string field with invalid UTF-8
// (`organization.sites[1].address.city`), or saying the bytes are not a
// valid message. Clears `buffer` either way.
grpc::Status ParseRequest(grpc::ByteBuffer* buffer,
                          grpc::protobuf::MessageLite* message);

}  // namespace renkei::proto

#define RENKEI_STRICT_REQUEST(Type)                                          \
  template <>                                                               \
  class grpc::SerializationTraits<Type, void> {                              \
   public:                                                                  \
    static grpc::Status Serialize(const grpc::protobuf::MessageLite& msg,   \
                                  grpc::ByteBuffer* bb, bool* own_buffer) { \
      return grpc::GenericSerialize<grpc::ProtoBufferWriter, Type>(         \
          msg, bb, own_buffer);                                             \
    }                                                                       \
    static grpc::Status Deserialize(grpc::ByteBuffer* buffer,               \
                                    grpc::protobuf::MessageLite* msg) {     \
      return renkei::proto::ParseRequest(buffer, msg);                      \
    }                                                                       \
  };

// Every unary request and response.
RENKEI_STRICT_REQUEST(grpc::protobuf::MessageLite)

#endif  // RENKEI_PROTO_REQUEST_TRAITS_COMMON_

// Streamed request types.
#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fchange_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_CHANGE_)
#define RENKEI_PROTO_REQUEST_TRAITS_CHANGE_
RENKEI_STRICT_REQUEST(renkei::v1::WatchChangesRequest)
#endif

