// Where an installed renkei-server finds its data files: in PREFIX/share/renkei
// beside PREFIX/bin/renkei-server (cmake --install, the Debian package), so a
// copy installed under any prefix needs no flags. Thread-safe (no state).
#ifndef RENKEI_SERVER_INSTALL_DIRS_H_
#define RENKEI_SERVER_INSTALL_DIRS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace renkei {

// PREFIX/share/renkei/`name` when the running binary is PREFIX/bin/… and that
// directory exists; empty otherwise (a binary run from the build tree).
std::string InstalledDataDir(absl::string_view name);

}  // namespace renkei

#endif  // RENKEI_SERVER_INSTALL_DIRS_H_
