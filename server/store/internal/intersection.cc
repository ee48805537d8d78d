#include "server/store/internal/intersection.h"

#include <rocksdb/db.h>

#include <algorithm>

#include "server/store/internal/families.h"

namespace renkei::store::internal {

struct Intersection::Cursor {
  std::unique_ptr<rocksdb::Iterator> it;
  std::string prefix;
  bool in_records = false;

  bool Valid() const { return it->Valid() && it->key().starts_with(prefix); }
  // The record key at the current position.
  absl::string_view RecordKey() const {
    absl::string_view key = View(it->key());
    return in_records ? key : key.substr(prefix.size());
  }
  // Moves to the first entry whose record key >= target; false if none.
  bool SeekAtLeast(const std::string& target) {
    if (it->Valid() && Valid() && RecordKey() >= target) return true;
    if (in_records) {
      it->Seek(std::max(prefix, target));
    } else {
      it->Seek(prefix + target);
    }
    return Valid();
  }
};

Intersection::Intersection(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* records,
                           rocksdb::ColumnFamilyHandle* index,
                           const rocksdb::ReadOptions& read,
                           const std::vector<IndexTerm>& terms) {
  for (const IndexTerm& term : terms) {
    auto cursor = std::make_unique<Cursor>();
    cursor->it.reset(db->NewIterator(read, term.in_records ? records : index));
    cursor->prefix = term.prefix;
    cursor->in_records = term.in_records;
    cursors_.push_back(std::move(cursor));
  }
}

Intersection::~Intersection() = default;

Intersection::Step Intersection::Next(std::string* position, int* budget) {
  const size_t n = cursors_.size();
  size_t agreeing = 0;
  size_t i = 0;
  std::string target = *position;
  while (true) {
    if (*budget <= 0) {
      *position = target;
      return Step::kBudgetSpent;
    }
    --*budget;
    Cursor& cursor = *cursors_[i];
    if (!cursor.SeekAtLeast(target)) return Step::kExhausted;
    absl::string_view key = cursor.RecordKey();
    if (key == target) {
      ++agreeing;
    } else {
      target.assign(key.data(), key.size());
      agreeing = 1;
    }
    if (agreeing == n) {
      *position = target;
      return Step::kMatch;
    }
    i = (i + 1) % n;
  }
}

absl::string_view Intersection::RecordValue() const {
  for (const auto& cursor : cursors_) {
    if (cursor->in_records) return View(cursor->it->value());
  }
  return {};
}

absl::Status Intersection::status() const {
  for (const auto& cursor : cursors_) {
    if (!cursor->it->status().ok()) return FromRocks(cursor->it->status(), "listing");
  }
  return absl::OkStatus();
}

}  // namespace renkei::store::internal
