// Secrets: random tokens (256 bits) kept only as their SHA-256, and
// passwords kept only as Argon2id hashes (libsodium). Thread-safe.
#ifndef RENKEI_SERVER_ACCESS_CREDENTIALS_H_
#define RENKEI_SERVER_ACCESS_CREDENTIALS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace renkei::access {

// A new token: "rk_" and 43 characters of URL-safe base64 (256 random bits).
std::string NewTokenSecret();
// The SHA-256 of a token, in lowercase hex: what the store keeps.
std::string HashToken(absl::string_view secret);
// The first characters of a token, to tell tokens apart in a list.
std::string TokenHint(absl::string_view secret);

// A new random password of 20 letters and digits (no look-alikes).
std::string NewPassword();
// OK, or INVALID_ARGUMENT naming `field` when the password is shorter than
// 10 or longer than 256 characters or equals the user name.
absl::Status CheckNewPassword(absl::string_view password, absl::string_view username,
                              const std::string& field);
// An Argon2id hash of `password` in libsodium's string form (interactive
// limits: 2 passes over 64 MiB, about 0.1 s).
absl::StatusOr<std::string> HashPassword(absl::string_view password);
// Whether `password` matches `hash`. An empty hash matches nothing but costs
// the same time, so an unknown user name is not told apart by timing.
bool VerifyPassword(absl::string_view hash, absl::string_view password);

}  // namespace renkei::access

#endif  // RENKEI_SERVER_ACCESS_CREDENTIALS_H_
