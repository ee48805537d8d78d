// How the server reads renkei requests off the wire.
//
// gRPC's default protobuf deserializer answers a request that does not parse
// with a bare INTERNAL. A proto3 string holding invalid UTF-8 is the common
// cause (a CP932 file read as UTF-8 by a client), and the caller deserves
// INVALID_ARGUMENT naming the field. So every renkei request type gets a
// SerializationTraits specialization that parses the same way and, on
// failure, reports the path of the offending field (docs/api.md).
//
// This header is included by each generated *.grpc.pb.h right after its
// *.pb.h (protoc's additional_header_includes), so the specializations are in
// place wherever gRPC could instantiate the default ones. Each block is keyed
// on the include guard of the .pb.h that declares its types.
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/status.h>

#ifndef RENKEI_PROTO_REQUEST_TRAITS_COMMON_
#define RENKEI_PROTO_REQUEST_TRAITS_COMMON_

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::proto {

// Parses `buffer` into `message`. On failure returns INVALID_ARGUMENT with a
// google.rpc.BadRequest naming the first string field with invalid UTF-8
// (`organization.sites[1].address.city`), or saying the bytes are not a
// valid message. Clears `buffer` either way.
grpc::Status ParseRequest(grpc::ByteBuffer* buffer,
                          google::protobuf::Message* message);

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
      return renkei::proto::ParseRequest(buffer, static_cast<Type*>(msg));  \
    }                                                                       \
  };

#endif  // RENKEI_PROTO_REQUEST_TRAITS_COMMON_

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2forganization_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_ORGANIZATION_)
#define RENKEI_PROTO_REQUEST_TRAITS_ORGANIZATION_
RENKEI_STRICT_REQUEST(renkei::v1::GetOrganizationRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListOrganizationsRequest)
RENKEI_STRICT_REQUEST(renkei::v1::CreateOrganizationRequest)
RENKEI_STRICT_REQUEST(renkei::v1::UpdateOrganizationRequest)
RENKEI_STRICT_REQUEST(renkei::v1::DeleteOrganizationRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fperson_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_PERSON_)
#define RENKEI_PROTO_REQUEST_TRAITS_PERSON_
RENKEI_STRICT_REQUEST(renkei::v1::GetPersonRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListPeopleRequest)
RENKEI_STRICT_REQUEST(renkei::v1::CreatePersonRequest)
RENKEI_STRICT_REQUEST(renkei::v1::UpdatePersonRequest)
RENKEI_STRICT_REQUEST(renkei::v1::DeletePersonRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fseed_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_SEED_)
#define RENKEI_PROTO_REQUEST_TRAITS_SEED_
RENKEI_STRICT_REQUEST(renkei::v1::GetSeedRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListSeedsRequest)
RENKEI_STRICT_REQUEST(renkei::v1::CreateSeedRequest)
RENKEI_STRICT_REQUEST(renkei::v1::UpdateSeedRequest)
RENKEI_STRICT_REQUEST(renkei::v1::DeleteSeedRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fneed_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_NEED_)
#define RENKEI_PROTO_REQUEST_TRAITS_NEED_
RENKEI_STRICT_REQUEST(renkei::v1::GetNeedRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListNeedsRequest)
RENKEI_STRICT_REQUEST(renkei::v1::CreateNeedRequest)
RENKEI_STRICT_REQUEST(renkei::v1::UpdateNeedRequest)
RENKEI_STRICT_REQUEST(renkei::v1::DeleteNeedRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fcollaboration_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_COLLABORATION_)
#define RENKEI_PROTO_REQUEST_TRAITS_COLLABORATION_
RENKEI_STRICT_REQUEST(renkei::v1::GetCollaborationRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListCollaborationsRequest)
RENKEI_STRICT_REQUEST(renkei::v1::CreateCollaborationRequest)
RENKEI_STRICT_REQUEST(renkei::v1::UpdateCollaborationRequest)
RENKEI_STRICT_REQUEST(renkei::v1::DeleteCollaborationRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fnetwork_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_NETWORK_)
#define RENKEI_PROTO_REQUEST_TRAITS_NETWORK_
RENKEI_STRICT_REQUEST(renkei::v1::GetNetworkRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListNetworksRequest)
RENKEI_STRICT_REQUEST(renkei::v1::CreateNetworkRequest)
RENKEI_STRICT_REQUEST(renkei::v1::UpdateNetworkRequest)
RENKEI_STRICT_REQUEST(renkei::v1::DeleteNetworkRequest)
RENKEI_STRICT_REQUEST(renkei::v1::CreateMembershipRequest)
RENKEI_STRICT_REQUEST(renkei::v1::GetMembershipRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListMembershipsRequest)
RENKEI_STRICT_REQUEST(renkei::v1::ListOrganizationMembershipsRequest)
RENKEI_STRICT_REQUEST(renkei::v1::UpdateMembershipRequest)
RENKEI_STRICT_REQUEST(renkei::v1::DeleteMembershipRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fchange_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_CHANGE_)
#define RENKEI_PROTO_REQUEST_TRAITS_CHANGE_
RENKEI_STRICT_REQUEST(renkei::v1::WatchChangesRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2findicator_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_INDICATOR_)
#define RENKEI_PROTO_REQUEST_TRAITS_INDICATOR_
RENKEI_STRICT_REQUEST(renkei::v1::GetIndicatorsRequest)
#endif

#if defined(GOOGLE_PROTOBUF_INCLUDED_renkei_2fv1_2fsystem_2eproto) && \
    !defined(RENKEI_PROTO_REQUEST_TRAITS_SYSTEM_)
#define RENKEI_PROTO_REQUEST_TRAITS_SYSTEM_
RENKEI_STRICT_REQUEST(renkei::v1::PingRequest)
RENKEI_STRICT_REQUEST(renkei::v1::GetServerInfoRequest)
#endif
