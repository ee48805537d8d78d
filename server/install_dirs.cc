#include "server/install_dirs.h"

#include <filesystem>
#include <system_error>

namespace renkei {

std::string InstalledDataDir(absl::string_view name) {
  std::error_code error;
  const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "";
  // RENKEI_BIN_TO_DATA is the data directory relative to the binaries'
  // (../share/renkei), from CMake's install directories.
  const std::filesystem::path dir =
      (binary.parent_path() / RENKEI_BIN_TO_DATA / std::string(name)).lexically_normal();
  return std::filesystem::is_directory(dir, error) ? dir.string() : "";
}

}  // namespace renkei
