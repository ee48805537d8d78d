// Page tokens of List (docs/page_token.md): where the next page starts, bound
// to the filters of the request that made it.
#ifndef RENKEI_SERVER_STORE_INTERNAL_PAGE_TOKEN_H_
#define RENKEI_SERVER_STORE_INTERNAL_PAGE_TOKEN_H_

#include <cstdint>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/status/statusor.h"

namespace renkei::store::internal {

// base64url(version 1 | be64 filter hash | start key).
std::string EncodePageToken(uint64_t filter_hash, absl::string_view start_key);

// The start key of a token made for `filter_hash`. INVALID_ARGUMENT naming
// "page_token" when it is not a token or was made for other filters.
absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            uint64_t filter_hash);

}  // namespace renkei::store::internal

#endif  // RENKEI_SERVER_STORE_INTERNAL_PAGE_TOKEN_H_
