// Reading a list's file whole, and errors that name the file (or the name
// given for its bytes) they are about.
#ifndef RENKEI_IMPORTER_INTERNAL_FILES_H_
#define RENKEI_IMPORTER_INTERNAL_FILES_H_

#include <fstream>
#include <sstream>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace renkei::importer::internal {

// `status` with "name: " put in front of its message; OK stays OK.
inline absl::Status WithName(absl::string_view name, const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(), absl::StrCat(name, ": ", status.message()));
}

// The bytes of the file at `path`: NOT_FOUND when it cannot be opened,
// DATA_LOSS when reading it fails (messages "path: cannot … the file").
inline absl::StatusOr<std::string> ReadFile(absl::string_view path) {
  std::ifstream in{std::string(path), std::ios::binary};
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open the file"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": cannot read the file"));
  return std::move(bytes).str();
}

}  // namespace renkei::importer::internal

#endif  // RENKEI_IMPORTER_INTERNAL_FILES_H_
