#include "server/records/secrets.h"

#include <set>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "renkei/v1/access.pb.h"

namespace renkei::records {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

bool IsSecret(const FieldDescriptor* field) {
  return field->options().GetExtension(v1::secret);
}

bool HasSecretsBelow(const Descriptor* type, std::set<const Descriptor*>* seen) {
  if (!seen->insert(type).second) return false;  // recursive types
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (IsSecret(field)) return true;
    if (field->message_type() != nullptr && HasSecretsBelow(field->message_type(), seen)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool HasSecrets(const Descriptor* type) {
  std::set<const Descriptor*> seen;
  return HasSecretsBelow(type, &seen);
}

void ClearSecrets(google::protobuf::Message* message) {
  const Descriptor* type = message->GetDescriptor();
  const auto* reflection = message->GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (IsSecret(field)) {
      reflection->ClearField(message, field);
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
               HasSecrets(field->message_type())) {
      if (field->is_repeated()) {
        for (int j = 0; j < reflection->FieldSize(*message, field); ++j) {
          ClearSecrets(reflection->MutableRepeatedMessage(message, field, j));
        }
      } else if (reflection->HasField(*message, field)) {
        ClearSecrets(reflection->MutableMessage(message, field));
      }
    }
  }
}

}  // namespace renkei::records
