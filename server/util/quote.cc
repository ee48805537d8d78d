#include "server/util/quote.h"

#include "absl/strings/str_cat.h"

namespace renkei {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

absl::string_view CutUtf8(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && IsContinuation(text[end])) --end;
  return text.substr(0, end);
}

std::string Quote(absl::string_view value, size_t max_chars) {
  size_t chars = 0;
  size_t cut = value.size();
  for (size_t i = 0; i < value.size(); ++i) {
    if (IsContinuation(value[i])) continue;
    if (chars == max_chars) cut = i;
    ++chars;
  }
  if (chars <= max_chars) return absl::StrCat("\"", value, "\"");
  return absl::StrCat("\"", value.substr(0, cut), "…\" (", chars, " characters)");
}

}  // namespace renkei
