// Hashes of a list's rows and of the list, which bind a review file to the
// version of the list it was made from (review_file.h): a decision is taken
// only by the row it was made for. FNV-1a 64-bit over the row's cells as
// read (trimmed, unit separator between them), written as 16 hex digits; a
// check against accidents (an edited or re-sorted list), not against forgery.
//
// Thread-compatible plain data.
#ifndef RENKEI_IMPORTER_FINGERPRINT_H_
#define RENKEI_IMPORTER_FINGERPRINT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::importer {

// The hash of one row's cells, 16 lower-case hex digits.
std::string HashCells(const std::vector<std::string>& cells);
// The hash of text (a JSON Lines record as written).
std::string HashText(absl::string_view text);

// The rows of a list, as read: their hashes and written names, by row
// number, and the hash of the whole list (the row hashes in order).
class ListFingerprint {
 public:
  struct Row {
    std::string hash;
    std::string written_name;
  };

  void Add(int64_t row, std::string hash, std::string written_name);
  // The list's hash, 16 hex digits ("" before any row).
  std::string hash() const;
  // The row numbered `row`, or nullptr when the list has none.
  const Row* Find(int64_t row) const;
  size_t size() const { return rows_.size(); }

 private:
  std::map<int64_t, Row> rows_;
  uint64_t state_ = 0;
  bool empty_ = true;
};

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_FINGERPRINT_H_
