#include "server/store/internal/page_token.h"

#include "absl/strings/escaping.h"
#include "server/store/internal/keys.h"
#include "server/util/errors.h"

namespace renkei::store::internal {
namespace {
constexpr char kVersion = 1;
}  // namespace

std::string EncodePageToken(uint64_t filter_hash, absl::string_view start_key) {
  std::string raw(1, kVersion);
  AppendBigEndian64(&raw, filter_hash);
  raw.append(start_key.data(), start_key.size());
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            uint64_t filter_hash) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() < 9 ||
      raw[0] != kVersion) {
    return InvalidFieldError("page_token", "is not a page token of this server");
  }
  if (ReadBigEndian64(absl::string_view(raw).substr(1, 8)) != filter_hash) {
    return InvalidFieldError(
        "page_token",
        "was made for a list with other filters; repeat the filters of the "
        "first page or start again without a token");
  }
  return raw.substr(9);
}

}  // namespace renkei::store::internal
