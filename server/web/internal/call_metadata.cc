#include "server/web/internal/call_metadata.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "server/access/credentials.h"
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

bool ChangesState(const HttpRequest& request) {
  return request.method != "GET" && request.method != "HEAD";
}

}  // namespace

std::string SessionCookieOf(const HttpRequest& request) {
  for (const auto& [name, value] : request.headers) {
    if (name != "cookie") continue;
    for (absl::string_view pair : absl::StrSplit(value, ';')) {
      pair = absl::StripAsciiWhitespace(pair);
      if (absl::ConsumePrefix(&pair, kSessionCookie) && absl::ConsumePrefix(&pair, "=")) {
        return std::string(pair);
      }
    }
  }
  return "";
}

std::string CsrfTokenOf(absl::string_view session_token) {
  return access::HashToken(absl::StrCat("renkei-csrf:", session_token)).substr(0, 32);
}

absl::StatusOr<CallMetadata> ClientMetadataOf(const HttpRequest& request,
                                              absl::string_view interface) {
  const std::string client = ClientOf(request);
  if (!Printable(client)) {
    return InvalidFieldError("X-Forwarded-For", "the header is not printable ASCII");
  }
  return CallMetadata{{"x-renkei-interface", std::string(interface)}, {"x-renkei-peer", client}};
}

bool ViaHttps(const HttpRequest& request) {
  return IsLoopback(AddressOf(request.peer)) &&
         absl::EqualsIgnoreCase(request.Header("x-forwarded-proto"), "https");
}

absl::StatusOr<CallMetadata> CallMetadataOf(const HttpRequest& request) {
  const absl::string_view authorization = request.Header("authorization");
  const std::string session = authorization.empty() ? SessionCookieOf(request) : "";
  absl::StatusOr<CallMetadata> client = ClientMetadataOf(request, session.empty() ? "json" : "web");
  if (!client.ok()) return client.status();
  CallMetadata metadata = std::move(*client);
  if (!authorization.empty()) {
    if (!Printable(authorization)) {
      return InvalidFieldError("Authorization", "the header is not printable ASCII");
    }
    metadata.emplace_back("authorization", std::string(authorization));
  } else if (!session.empty()) {
    if (!Printable(session)) return InvalidFieldError("Cookie", "the session is not printable");
    if (ChangesState(request) && request.Header(kCsrfHeader) != CsrfTokenOf(session)) {
      return absl::PermissionDeniedError(
          "this request needs the X-CSRF-Token header of your session (GET /web/session "
          "gives it); a page of another site cannot send it");
    }
    metadata.emplace_back("authorization", absl::StrCat("Bearer ", session));
  }
  return metadata;
}

}  // namespace renkei::web
