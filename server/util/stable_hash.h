// A stable 64-bit hash: FNV-1a, the same in every process and version, for
// what is written down and read back (page tokens bind a request's filters
// by it).
#ifndef RENKEI_SERVER_UTIL_STABLE_HASH_H_
#define RENKEI_SERVER_UTIL_STABLE_HASH_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace renkei {

uint64_t StableHash(absl::string_view bytes);

}  // namespace renkei

#endif  // RENKEI_SERVER_UTIL_STABLE_HASH_H_
