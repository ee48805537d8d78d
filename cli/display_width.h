// How wide text is on a terminal: East Asian Width (全角 = 2 columns,
// combining marks 0), and cutting text to a width without splitting a
// UTF-8 sequence. Thread-safe.
#ifndef RENKEI_CLI_DISPLAY_WIDTH_H_
#define RENKEI_CLI_DISPLAY_WIDTH_H_

#include <string>

#include "absl/strings/string_view.h"

namespace renkei::cli {

// Columns `text` takes: 2 for Wide and Fullwidth characters, 0 for combining
// marks and control characters, 1 otherwise (Ambiguous counts 1).
int DisplayWidth(absl::string_view text);

// `text` when it fits in `width` columns; otherwise its longest prefix that
// fits with "…" after it. Whole code points only.
std::string FitToWidth(absl::string_view text, int width);

// `text` followed by spaces up to `width` columns (nothing cut).
std::string PadToWidth(absl::string_view text, int width);

}  // namespace renkei::cli

#endif  // RENKEI_CLI_DISPLAY_WIDTH_H_
