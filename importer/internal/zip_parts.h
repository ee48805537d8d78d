// The parts (files) of a zip archive held in memory, read with libzip: what
// an .xlsx is made of. Not thread-safe; the bytes must outlive it.
#ifndef RENKEI_IMPORTER_INTERNAL_ZIP_PARTS_H_
#define RENKEI_IMPORTER_INTERNAL_ZIP_PARTS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

typedef struct zip zip_t;

namespace renkei::importer::internal {

class ZipParts {
 public:
  // INVALID_ARGUMENT when `bytes` are not a zip archive libzip can open.
  static absl::StatusOr<std::unique_ptr<ZipParts>> Open(absl::string_view bytes);
  ~ZipParts();
  ZipParts(const ZipParts&) = delete;
  ZipParts& operator=(const ZipParts&) = delete;

  bool Has(absl::string_view name) const;
  // The part's bytes, unpacked. NOT_FOUND when there is no such part;
  // INVALID_ARGUMENT when it is damaged or larger than `max_bytes`.
  absl::StatusOr<std::string> Read(absl::string_view name, uint64_t max_bytes) const;

 private:
  explicit ZipParts(zip_t* archive) : archive_(archive) {}
  zip_t* const archive_;  // owned
};

}  // namespace renkei::importer::internal

#endif  // RENKEI_IMPORTER_INTERNAL_ZIP_PARTS_H_
