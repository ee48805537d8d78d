// One-line log messages on stderr: "2026-11-24T11:23:26Z renkei-server: …".
// Thread-safe (each line is written whole).
#ifndef RENKEI_SERVER_UTIL_LOG_H_
#define RENKEI_SERVER_UTIL_LOG_H_

#include "absl/strings/string_view.h"

namespace renkei {

void LogInfo(absl::string_view message);

}  // namespace renkei

#endif  // RENKEI_SERVER_UTIL_LOG_H_
