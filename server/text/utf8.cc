#include "server/text/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace renkei::text {
namespace {

const uint8_t* Bytes(absl::string_view text) {
  return reinterpret_cast<const uint8_t*>(text.data());
}

int32_t Length(absl::string_view text) { return static_cast<int32_t>(text.size()); }

}  // namespace

absl::string_view FirstCodePoint(absl::string_view text) {
  int32_t end = 0;
  if (!text.empty()) U8_FWD_1(Bytes(text), end, Length(text));
  return text.substr(0, static_cast<size_t>(end));
}

std::vector<absl::string_view> SplitCodePoints(absl::string_view text) {
  std::vector<absl::string_view> points;
  const int32_t length = Length(text);
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    U8_FWD_1(Bytes(text), i, length);
    points.push_back(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return points;
}

std::u32string DecodeUtf8(absl::string_view text) {
  std::u32string points;
  const int32_t length = Length(text);
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT_OR_FFFD(Bytes(text), i, length, c);
    points.push_back(static_cast<char32_t>(c));
  }
  return points;
}

void AppendUtf8(char32_t c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, static_cast<UChar32>(c),
            error);
  if (!error) out->append(buffer, static_cast<size_t>(length));
}

}  // namespace renkei::text
