// What renkei-import prints when an import ends: the counts, the rows that
// are not members skipped, and what --sync did or why it ended nothing.
#ifndef RENKEI_IMPORTER_SUMMARY_H_
#define RENKEI_IMPORTER_SUMMARY_H_

#include <iosfwd>

#include "absl/time/time.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

// "done: 59 rows read; created 3, linked 56, …", the memberships line, the
// time. `took` is the whole run's.
void PrintSummary(const v1::ImportSummary& summary, absl::Duration took, std::ostream& out);

// With --sync: what sync did or why it ended nothing, and the memberships it
// ended or held back.
void PrintSync(const v1::ImportSummary& summary, std::ostream& out);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_SUMMARY_H_
