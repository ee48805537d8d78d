#include "server/access/credentials.h"

#include <set>

#include "tests/test_util.h"

namespace renkei::access {
namespace {

TEST(CredentialsTest, TokensAreRandomUrlSafeAndKeptOnlyAsTheirHash) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = NewTokenSecret();
    ASSERT_EQ(token.size(), 46u);  // "rk_" + 43 characters: 256 bits
    EXPECT_EQ(token.substr(0, 3), "rk_");
    EXPECT_EQ(token.find_first_not_of(
                  "rk_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"),
              std::string::npos);
    EXPECT_TRUE(seen.insert(token).second);
  }
  // SHA-256 of "abc" (FIPS 180-2).
  EXPECT_EQ(HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(TokenHint("rk_AbCdEfGh"), "rk_AbCd");
}

TEST(CredentialsTest, PasswordsAreArgon2idHashesThatVerify) {
  absl::StatusOr<std::string> hash = HashPassword("正しい馬の電池ホチキス");
  ASSERT_OK(hash);
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*hash, "正しい馬の電池ホチキス"));
  EXPECT_FALSE(VerifyPassword(*hash, "正しい馬の電池ホチキ"));
  EXPECT_FALSE(VerifyPassword("", ""));  // no hash matches nothing
  absl::StatusOr<std::string> again = HashPassword("正しい馬の電池ホチキス");
  ASSERT_OK(again);
  EXPECT_NE(*again, *hash);  // salted
}

TEST(CredentialsTest, NewPasswordsMustBeLongEnoughAndNotTheUserName) {
  EXPECT_OK(CheckNewPassword("correct horse", "sato", "password"));
  EXPECT_EQ(CheckNewPassword("short", "sato", "password").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckNewPassword("sato-ichiro", "sato-ichiro", "password").code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(NewPassword().size(), 20u);
}

}  // namespace
}  // namespace renkei::access
