#include "importer/internal/zip_parts.h"

#include <zip.h>

#include "absl/strings/str_cat.h"

namespace renkei::importer::internal {

absl::StatusOr<std::unique_ptr<ZipParts>> ZipParts::Open(absl::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(absl::StrCat("not a readable zip archive: ", why));
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    const std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(absl::StrCat("a damaged zip archive: ", why));
  }
  zip_error_fini(&error);
  return std::unique_ptr<ZipParts>(new ZipParts(archive));
}

ZipParts::~ZipParts() { zip_discard(archive_); }

bool ZipParts::Has(absl::string_view name) const {
  return zip_name_locate(archive_, std::string(name).c_str(), 0) >= 0;
}

absl::StatusOr<std::string> ZipParts::Read(absl::string_view name, uint64_t max_bytes) const {
  const std::string part(name);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_, part.c_str(), 0, &stat) != 0) {
    return absl::NotFoundError(absl::StrCat("the workbook has no part ", part));
  }
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > max_bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the part ", part, " is larger than ", max_bytes >> 20, " MiB unpacked"));
  }
  zip_file_t* file = zip_fopen(archive_, part.c_str(), 0);
  if (file == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("the part ", part, " cannot be read: ", zip_strerror(archive_)));
  }
  std::string bytes(static_cast<size_t>(stat.size), '\0');
  const zip_int64_t read = zip_fread(file, bytes.data(), stat.size);
  zip_fclose(file);
  if (read < 0 || static_cast<uint64_t>(read) != stat.size) {
    return absl::InvalidArgumentError(absl::StrCat("the part ", part, " is damaged"));
  }
  return bytes;
}

}  // namespace renkei::importer::internal
