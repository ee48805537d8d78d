// The filters of List and Search requests as index terms. Requests name
// their filters the same way across resources (kind, district, institution,
// status, fiscal_year …), so one function reads any of them by field name.
#ifndef RENKEI_SERVER_SERVICE_FILTERS_H_
#define RENKEI_SERVER_SERVICE_FILTERS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "server/names/resource_name.h"
#include "server/store/index.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::service {

// The index terms for the filters set in `request` (a List…Request or
// Search…Request of records of `kind`). INVALID_ARGUMENT naming the field for
// a malformed reference, an unknown enum value, a bad JSIC code or 年度.
absl::StatusOr<std::vector<store::IndexTerm>> FilterTerms(
    Kind kind, const google::protobuf::Message& request);

}  // namespace renkei::service

#endif  // RENKEI_SERVER_SERVICE_FILTERS_H_
