// Applying an Update request's FieldMask to a stored record.
#ifndef RENKEI_SERVER_RECORDS_UPDATE_MASK_H_
#define RENKEI_SERVER_RECORDS_UPDATE_MASK_H_

#include "absl/status/status.h"

namespace google::protobuf {
class FieldMask;
class Message;
}  // namespace google::protobuf

namespace renkei::records {

// Copies the fields `mask` names from `patch` into `record` (same type).
// Repeated and map fields and whole sub-messages are replaced, not merged, so
// naming a field that `patch` leaves unset clears it. An empty mask means the
// top-level fields set in `patch` (output-only ones ignored); "*" means every
// field that is not output only.
// INVALID_ARGUMENT naming "update_mask.paths[i]" for an unknown path, a path
// through a repeated field, or an output-only field; `record` is unchanged then.
absl::Status ApplyUpdateMask(const google::protobuf::Message& patch,
                             const google::protobuf::FieldMask& mask,
                             google::protobuf::Message* record);

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_UPDATE_MASK_H_
