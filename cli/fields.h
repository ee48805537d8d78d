// Reading and writing fields of protobuf messages by path, as the command
// line names them: "display_name", "address.district", "external_ids".
// Thread-safe (no state).
#ifndef RENKEI_CLI_FIELDS_H_
#define RENKEI_CLI_FIELDS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace google::protobuf {
class EnumDescriptor;
class Message;
}  // namespace google::protobuf

namespace renkei::cli {

// Sets the field at `path` of `message` from text, or appends to it when it
// is repeated. Text forms: numbers; enum values by full or short name,
// any case ("company", "ORGANIZATION_KIND_COMPANY"); true/false; dates
// "2025-04-01", "2025-04" or "2025"; external ids "source=value";
// participants "organizations/3" or "organizations/3:lead".
// INVALID_ARGUMENT saying why the text does not fit.
absl::Status SetField(google::protobuf::Message* message, absl::string_view path,
                      absl::string_view text);

// Clears the field at `path`. INVALID_ARGUMENT for an unknown path.
absl::Status ClearField(google::protobuf::Message* message, absl::string_view path);

// The field at `path` as one line of text for a table or CSV cell: enums by
// short lowercase name, dates as 2025-04-01, timestamps in UTC, repeated
// values joined by ", ", a path through a repeated message gives every
// element's value ("participants.organization"). Empty when unset, and for a
// zero number (proto3's unset, as the JSON mapping leaves it out).
std::string FieldText(const google::protobuf::Message& message, absl::string_view path);

// The value of `enum_type` that `text` names: full name, the name without
// the type's prefix, any case, '-' for '_'; or its number.
absl::StatusOr<int> ParseEnumValue(const google::protobuf::EnumDescriptor* enum_type,
                                   absl::string_view text);

// A record reference as users type it: a resource name of `collection`, or a
// bare id ("7" → "organizations/7").
absl::StatusOr<std::string> NormalizeReference(absl::string_view text,
                                               absl::string_view collection);

}  // namespace renkei::cli

#endif  // RENKEI_CLI_FIELDS_H_
