// The open database and its column families, as the store's internal pieces
// see them. Owned by Store; valid while it lives.
#ifndef RENKEI_SERVER_STORE_INTERNAL_FAMILIES_H_
#define RENKEI_SERVER_STORE_INTERNAL_FAMILIES_H_

#include <string>

#include "absl/status/status.h"

#include <rocksdb/slice.h>

#include "absl/strings/string_view.h"

namespace renkei::text {
class Analyzer;
}  // namespace renkei::text

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Status;
}  // namespace rocksdb

namespace renkei::store::internal {

struct Families {
  rocksdb::DB* db = nullptr;
  rocksdb::ColumnFamilyHandle* records = nullptr;
  rocksdb::ColumnFamilyHandle* index = nullptr;
  rocksdb::ColumnFamilyHandle* log = nullptr;
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* requests = nullptr;
  rocksdb::ColumnFamilyHandle* text = nullptr;
  const text::Analyzer* analyzer = nullptr;  // makes the search index's terms
};

// rocksdb::Status → absl::Status (NotFound → NOT_FOUND, IO errors →
// UNAVAILABLE, corruption → DATA_LOSS, anything else INTERNAL), with
// `context` in front of the message.
// The bytes of a RocksDB slice as an absl::string_view.
inline absl::string_view View(const rocksdb::Slice& slice) {
  return absl::string_view(slice.data(), slice.size());
}

absl::Status FromRocks(const rocksdb::Status& status, const std::string& context);

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_FAMILIES_H_
