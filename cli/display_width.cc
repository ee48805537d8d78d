#include "cli/display_width.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace renkei::cli {
namespace {

int CodePointWidth(UChar32 c) {
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
      category == U_FORMAT_CHAR) {
    return 0;
  }
  const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH ? 2 : 1;
}

// Calls visit(offset, length, width) for each code point; stops when it
// returns false.
template <typename Visit>
void ForEachCodePoint(absl::string_view text, Visit visit) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    const int width = c < 0 ? 1 : CodePointWidth(c);  // an invalid byte shows as one
    if (!visit(static_cast<size_t>(start), static_cast<size_t>(i - start), width)) return;
  }
}

}  // namespace

int DisplayWidth(absl::string_view text) {
  int width = 0;
  ForEachCodePoint(text, [&](size_t, size_t, int w) {
    width += w;
    return true;
  });
  return width;
}

std::string FitToWidth(absl::string_view text, int width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width <= 0) return "";
  const int room = width - 1;  // "…" takes one column
  size_t end = 0;
  int used = 0;
  ForEachCodePoint(text, [&](size_t offset, size_t length, int w) {
    if (used + w > room) return false;
    used += w;
    end = offset + length;
    return true;
  });
  return std::string(text.substr(0, end)) + "…";
}

std::string PadToWidth(absl::string_view text, int width) {
  std::string out(text);
  const int missing = width - DisplayWidth(text);
  if (missing > 0) out.append(static_cast<size_t>(missing), ' ');
  return out;
}

}  // namespace renkei::cli
