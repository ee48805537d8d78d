#include "server/web/internal/call_metadata.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "server/util/errors.h"

namespace renkei::web {
namespace {

bool Printable(absl::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

// "127.0.0.1:5000" → "127.0.0.1", "[::1]:5000" → "::1".
absl::string_view AddressOf(absl::string_view peer) {
  if (absl::ConsumePrefix(&peer, "[")) return peer.substr(0, peer.find(']'));
  return peer.substr(0, peer.rfind(':'));
}

bool IsLoopback(absl::string_view address) {
  return absl::StartsWith(address, "127.") || address == "::1";
}

// Where the request came from: the TCP peer, or the address a proxy on
// loopback appended to X-Forwarded-For.
std::string ClientOf(const HttpRequest& request) {
  const absl::string_view forwarded = request.Header("x-forwarded-for");
  if (!IsLoopback(AddressOf(request.peer)) || forwarded.empty()) return request.peer;
  std::vector<absl::string_view> hops = absl::StrSplit(forwarded, ',');
  return std::string(absl::StripAsciiWhitespace(hops.back()));
}

}  // namespace

absl::StatusOr<CallMetadata> CallMetadataOf(const HttpRequest& request) {
  const std::string client = ClientOf(request);
  if (!Printable(client)) {
    return InvalidFieldError("X-Forwarded-For", "the header is not printable ASCII");
  }
  CallMetadata metadata = {{"x-renkei-interface", "json"}, {"x-renkei-peer", client}};
  const absl::string_view authorization = request.Header("authorization");
  if (!authorization.empty()) {
    if (!Printable(authorization)) {
      return InvalidFieldError("Authorization", "the header is not printable ASCII");
    }
    metadata.emplace_back("authorization", std::string(authorization));
  }
  return metadata;
}

}  // namespace renkei::web
