// Fields that hold a secret or its hash (marked `[(renkei.v1.secret) = true]`
// in the .proto files): the store keeps them, and nothing else ever sees
// them. Thread-safe.
#ifndef RENKEI_SERVER_RECORDS_SECRETS_H_
#define RENKEI_SERVER_RECORDS_SECRETS_H_

namespace google::protobuf {
class Descriptor;
class Message;
}  // namespace google::protobuf

namespace renkei::records {

// Whether messages of this type hold a secret field, directly or in a
// nested message.
bool HasSecrets(const google::protobuf::Descriptor* type);

// Clears every secret field of `message` and of the messages inside it.
void ClearSecrets(google::protobuf::Message* message);

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_SECRETS_H_
