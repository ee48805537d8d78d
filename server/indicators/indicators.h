// The figures the city plan tracks each 年度 (April–March), computed from the
// records: joint research by type and institution, 試験分析 cases, new
// products and technologies, SDGs and BCP among companies, members per
// network. docs/indicators.md says how each is counted.
#ifndef RENKEI_SERVER_INDICATORS_INDICATORS_H_
#define RENKEI_SERVER_INDICATORS_INDICATORS_H_

#include "absl/status/statusor.h"

namespace renkei::v1 {
class Indicators;
}  // namespace renkei::v1

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::indicators {

// INVALID_ARGUMENT naming "fiscal_year" unless it is 1800..2200. Reads
// counters and the records of the 年度 only: no scan of the collections.
absl::StatusOr<v1::Indicators> ComputeIndicators(const store::Store& store,
                                                 int fiscal_year);

}  // namespace renkei::indicators

#endif  // RENKEI_SERVER_INDICATORS_INDICATORS_H_
