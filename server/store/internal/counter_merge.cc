#include "server/store/internal/counter_merge.h"

#include <rocksdb/merge_operator.h>
#include <rocksdb/slice.h>

namespace renkei::store::internal {
namespace {

class CounterMergeOperator final : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice& /*key*/, const rocksdb::Slice* existing,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger* /*logger*/) const override {
    int64_t sum = existing == nullptr
                      ? 0
                      : DecodeCounter(absl::string_view(existing->data(), existing->size()));
    sum += DecodeCounter(absl::string_view(value.data(), value.size()));
    *new_value = EncodeCounter(sum);
    return true;
  }
  const char* Name() const override { return "renkei.CounterAdd"; }
};

}  // namespace

std::string EncodeCounter(int64_t value) {
  std::string bytes(8, '\0');
  const auto bits = static_cast<uint64_t>(value);
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((bits >> (8 * i)) & 0xFF);
  return bytes;
}

int64_t DecodeCounter(absl::string_view bytes) {
  if (bytes.size() != 8) return 0;
  uint64_t bits = 0;
  for (int i = 7; i >= 0; --i) bits = (bits << 8) | static_cast<unsigned char>(bytes[i]);
  return static_cast<int64_t>(bits);
}

std::shared_ptr<rocksdb::MergeOperator> NewCounterMergeOperator() {
  return std::make_shared<CounterMergeOperator>();
}

}  // namespace renkei::store::internal
