// Values quoted in error messages, cut short: an error never repeats a huge
// value back (a 1 MB etag gives a message of about a hundred characters).
#ifndef RENKEI_SERVER_UTIL_QUOTE_H_
#define RENKEI_SERVER_UTIL_QUOTE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace renkei {

// The characters of an error message that quote a value, at most.
inline constexpr size_t kMaxQuotedChars = 100;

// `value` in double quotes; when longer than `max_chars` code points, its
// first `max_chars` followed by "…" and the length: "\"abc…\" (1048576
// characters)". Invalid UTF-8 is cut at a byte boundary.
std::string Quote(absl::string_view value, size_t max_chars = kMaxQuotedChars);

// The longest prefix of `text` of at most `max_bytes` bytes that does not end
// inside a UTF-8 sequence.
absl::string_view CutUtf8(absl::string_view text, size_t max_bytes);

}  // namespace renkei

#endif  // RENKEI_SERVER_UTIL_QUOTE_H_
