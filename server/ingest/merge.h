// Merging what a row of a list says about an organization into the record,
// field by field, keeping where each field came from (field_sources):
//   - a field the record lacks is set, with the row as its source;
//   - a field set from the same source is replaced (a newer list of that
//     source), unless an earlier row of this same import already set or
//     confirmed it (then the first row wins, so a re-run changes nothing);
//   - a field another source (or a person, through the API) set is kept;
//   - the name a row writes differently is added to aliases; industries
//     are added; a plant's or branch's row adds or updates that site.
// The corporate registry (Origin::authoritative) replaces name, kana and
// address whoever set them, keeping the old name as a former name.
// Thread-compatible.
#ifndef RENKEI_SERVER_INGEST_MERGE_H_
#define RENKEI_SERVER_INGEST_MERGE_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "google/protobuf/timestamp.pb.h"
#include "renkei/v1/common.pb.h"
#include "renkei/v1/organization.pb.h"

namespace renkei::ingest {

struct Origin {
  std::string source;  // ImportHeader.source
  int64_t row = 0;
  google::protobuf::Timestamp time;
  bool authoritative = false;  // the corporate registry
};

// The field_sources entry for a field set from `origin`'s row: its source,
// row and time.
v1::FieldSource SourceOf(const Origin& origin);

// What one row says: the organization (company part; display name as the
// row writes it) and, for a site's row, the site.
struct RowFacts {
  v1::Organization organization;
  bool has_site = false;
  v1::Site site;
};

// Merges `facts` into `target`. `claimed` holds the field paths earlier rows
// of this import set or confirmed on this record; it is updated. Returns the
// paths that changed ("contact.phone", "aliases", "sites[一関工場]"). A
// site's fields are keyed in field_sources as "sites.一関工場.phone".
std::vector<std::string> Merge(const RowFacts& facts, const Origin& origin,
                               std::set<std::string>* claimed, v1::Organization* target);

// A new organization from a row: its facts, with every field's source set.
// `claimed` (may be null) receives the paths the row set, as Merge's does.
v1::Organization NewOrganization(const RowFacts& facts, const Origin& origin,
                                 std::set<std::string>* claimed = nullptr);

}  // namespace renkei::ingest

#endif  // RENKEI_SERVER_INGEST_MERGE_H_
