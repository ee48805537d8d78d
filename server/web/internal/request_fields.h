// Builds a request message from what an HTTP request carries, as
// google.api.http says: the JSON body (into the whole message or one field),
// the variables of the path, and query parameters for the other fields.
// Thread-safe (pure functions over the message given).
//
// A query parameter names a field by its path, each part in proto or JSON
// spelling ("page_size" or "pageSize", "filters.district"); a repeated field
// is given by repeating the parameter; an enum by its name or number; a bool
// as true/false/1/0; a google.protobuf.FieldMask as comma-separated paths.
#ifndef RENKEI_SERVER_WEB_INTERNAL_REQUEST_FIELDS_H_
#define RENKEI_SERVER_WEB_INTERNAL_REQUEST_FIELDS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "server/web/internal/route_table.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::web {

// Fills `request` (of route.method's input type, empty) from `body`, then
// `bindings`, then `query` (still percent-encoded). INVALID_ARGUMENT with a
// BadRequest naming the parameter or JSON field for: JSON that does not parse
// or has unknown fields or wrong types, an unknown query parameter, one that
// names a field the body or the path sets, a value of the wrong type, text
// that is not UTF-8.
absl::Status BuildRequest(const Route& route, const PathBindings& bindings, absl::string_view query,
                          absl::string_view body, google::protobuf::Message* request);

// Sets the field `path` of `message` from `text`, as a query parameter does.
absl::Status SetFieldFromText(absl::string_view path, absl::string_view text,
                              google::protobuf::Message* message);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_REQUEST_FIELDS_H_
