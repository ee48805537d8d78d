// Merging a row's record (person, seed, need, collaboration) into the stored
// one, field by field with field_sources, by the rules of merge.h: a field
// the record lacks is set; one set from the same source is replaced (first
// row of an import wins); one another source set is kept. External ids the
// record lacks are added. Works on any renkei.v1 record by reflection.
// Thread-compatible.
#ifndef RENKEI_SERVER_INGEST_RECORD_MERGE_H_
#define RENKEI_SERVER_INGEST_RECORD_MERGE_H_

#include <set>
#include <string>
#include <vector>

#include "server/ingest/merge.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::ingest {

// Merges `row` into `target` (same message type). Returns the changed
// top-level field names.
std::vector<std::string> MergeRecord(const google::protobuf::Message& row, const Origin& origin,
                                     std::set<std::string>* claimed,
                                     google::protobuf::Message* target);

// Sets field_sources of every field `record` has to `origin` (a new record).
// `claimed` (may be null) receives those fields, as MergeRecord's does.
void SetSources(const Origin& origin, google::protobuf::Message* record,
                std::set<std::string>* claimed = nullptr);

}  // namespace renkei::ingest

#endif  // RENKEI_SERVER_INGEST_RECORD_MERGE_H_
