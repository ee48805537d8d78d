// The merge operator of the meta family: counters are int64 values that
// writes add to with Merge, so a WriteBatch can adjust a count without
// reading it first.
#ifndef RENKEI_SERVER_STORE_INTERNAL_COUNTER_MERGE_H_
#define RENKEI_SERVER_STORE_INTERNAL_COUNTER_MERGE_H_

#include <cstdint>
#include <memory>
#include <string>
#include "absl/strings/string_view.h"

namespace rocksdb {
class MergeOperator;
}  // namespace rocksdb

namespace renkei::store::internal {

// 8 bytes, little-endian two's complement.
std::string EncodeCounter(int64_t value);
// 0 for anything that is not 8 bytes.
int64_t DecodeCounter(absl::string_view bytes);

std::shared_ptr<rocksdb::MergeOperator> NewCounterMergeOperator();

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_COUNTER_MERGE_H_
