// Finds the records that every filter of a List holds, by leapfrogging
// iterators over index prefixes (each ordered by record key) with Seek: the
// work follows the rarest filter, never the size of the collection.
#ifndef RENKEI_SERVER_STORE_INTERNAL_INTERSECTION_H_
#define RENKEI_SERVER_STORE_INTERNAL_INTERSECTION_H_

#include <memory>
#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "server/store/index.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Iterator;
struct ReadOptions;
}  // namespace rocksdb

namespace renkei::store::internal {

class Intersection {
 public:
  enum class Step { kMatch, kExhausted, kBudgetSpent };

  // `terms` must not be empty. `read` (with its snapshot) must outlive this.
  Intersection(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* records,
               rocksdb::ColumnFamilyHandle* index, const rocksdb::ReadOptions& read,
               const std::vector<IndexTerm>& terms);
  ~Intersection();

  // Finds the first record key >= `*position` held by every term, spending
  // at most `*budget` seeks. On kMatch `*position` is that key; on
  // kBudgetSpent it is where to resume.
  Step Next(std::string* position, int* budget);

  // After kMatch: the record's bytes when a term iterates the records family
  // itself, else empty (the caller reads the record).
  absl::string_view RecordValue() const;

  absl::Status status() const;

 private:
  struct Cursor;
  std::vector<std::unique_ptr<Cursor>> cursors_;
};

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_INTERSECTION_H_
