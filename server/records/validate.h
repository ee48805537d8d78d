// Checks of record content, and the fields the server fills in itself.
//
// Every function takes one of the seven record messages (Organization, Person,
// Seed, Need, Collaboration, Network, Membership) as a Message and dispatches
// on its type. Field paths in errors are relative to the record
// ("address.city"); the service layer puts the request field in front.
// Whether referenced records exist is the store's check, not these.
// Thread-safe.
#ifndef RENKEI_SERVER_RECORDS_VALIDATE_H_
#define RENKEI_SERVER_RECORDS_VALIDATE_H_

#include "absl/strings/string_view.h"

#include "absl/status/status.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::records {

// OK, or INVALID_ARGUMENT with a google.rpc.BadRequest listing every problem:
// required fields, lengths (limits.h), enum values, 法人番号, dates, the form
// of resource names in reference fields, external ids, field_sources keys.
absl::Status ValidateRecord(const google::protobuf::Message& record);

// OK, or INVALID_ARGUMENT (no field path: the record itself) when `record`
// encodes to more than kMaxRecordBytes (limits.h). ValidateRecord checks it
// too; the store checks it on every write, whatever the path.
absl::Status CheckRecordSize(const google::protobuf::Message& record);

// Clears the output-only fields of a record about to be created, and the
// fields this version does not know (never stored: the store drops them on
// every write as well), and fills in
// defaults (need status OPEN, visibility COORDINATORS, member role MEMBER,
// case_count 1), then derived fields.
void PrepareForCreate(google::protobuf::Message* record);

// Recomputes derived fields (a collaboration's fiscal_year and fiscal_years
// from its dates). Call after any change.
void DeriveFields(google::protobuf::Message* record);

// Whether `path` ("name", "etag", "fiscal_year" …) is output only, or
// immutable after create (a membership's organization), in `record`'s type.
bool IsOutputOnly(const google::protobuf::Message& record, absl::string_view path);

// OK, or INVALID_ARGUMENT naming "request_id" when it is not 1..128 printable
// ASCII characters. An empty id is OK (no idempotency asked).
absl::Status ValidateRequestId(absl::string_view request_id);

}  // namespace renkei::records

#endif  // RENKEI_SERVER_RECORDS_VALIDATE_H_
