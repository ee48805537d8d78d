#include "server/access/credentials.h"

#include <sodium.h>

#include <array>

#include "absl/strings/str_cat.h"
#include "server/text/normalize.h"
#include "server/util/errors.h"

namespace renkei::access {
namespace {

// sodium_init() is safe to call more than once, from any thread.
void InitSodium() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
}

constexpr absl::string_view kTokenPrefix = "rk_";

// A hash for passwords that never matches, made once: verifying against it
// takes as long as against a real one.
const std::string& DummyHash() {
  static const std::string* const hash = [] {
    absl::StatusOr<std::string> made = HashPassword(NewPassword());
    return new std::string(made.ok() ? *made : "");
  }();
  return *hash;
}

}  // namespace

std::string NewTokenSecret() {
  InitSodium();
  std::array<unsigned char, 32> random;
  randombytes_buf(random.data(), random.size());
  char encoded[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof(encoded), random.data(), random.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return absl::StrCat(kTokenPrefix, encoded);
}

std::string HashToken(absl::string_view secret) {
  InitSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof(hex), digest.data(), digest.size());
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string TokenHint(absl::string_view secret) {
  return std::string(secret.substr(0, kTokenPrefix.size() + 4));
}

std::string NewPassword() {
  InitSodium();
  constexpr absl::string_view kAlphabet =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string password;
  for (int i = 0; i < 20; ++i) {
    password.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
  }
  return password;
}

absl::Status CheckNewPassword(absl::string_view password, absl::string_view username,
                              const std::string& field) {
  const size_t length = text::CodePointCount(password);
  if (length < 10) {
    return InvalidFieldError(field, absl::StrCat("is ", length,
                                                 " characters long; at least 10 are needed"));
  }
  if (length > 256) return InvalidFieldError(field, "is longer than 256 characters");
  if (password == username) return InvalidFieldError(field, "must not be the user name");
  return absl::OkStatus();
}

absl::StatusOr<std::string> HashPassword(absl::string_view password) {
  InitSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return absl::ResourceExhaustedError("not enough memory to hash a password");
  }
  return std::string(hash);
}

bool VerifyPassword(absl::string_view hash, absl::string_view password) {
  InitSodium();
  const std::string stored(hash.empty() ? DummyHash() : hash);
  const bool matches =
      crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
  return matches && !hash.empty();
}

}  // namespace renkei::access
