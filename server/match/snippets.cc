#include "server/match/snippets.h"

#include <unicode/utf8.h>

#include <algorithm>

#include "server/text/normalize.h"

namespace renkei::match {
namespace {

struct CodePoint {
  size_t begin;  // byte offset in the original
  size_t end;
};

}  // namespace

std::vector<Snippet> MakeSnippets(const std::vector<std::pair<std::string, std::string>>& fields,
                                  const std::vector<std::string>& phrases, int width) {
  std::vector<Snippet> snippets;
  for (const auto& [field, original] : fields) {
    if (original.empty()) continue;
    // Normalize code point by code point, remembering where each came from.
    std::vector<CodePoint> points;
    std::string normalized;
    std::vector<int> owner;  // normalized byte → code point index
    const auto* bytes = reinterpret_cast<const uint8_t*>(original.data());
    const auto length = static_cast<int32_t>(original.size());
    for (int32_t i = 0; i < length;) {
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      points.push_back({static_cast<size_t>(start), static_cast<size_t>(i)});
      const std::string folded = text::FoldKana(text::NormalizeForSearch(
          absl::string_view(original).substr(start, static_cast<size_t>(i - start))));
      normalized += folded;
      owner.insert(owner.end(), folded.size(), static_cast<int>(points.size() - 1));
    }
    // Mark the code points every phrase covers.
    std::vector<bool> marked(points.size(), false);
    bool any = false;
    for (const std::string& phrase : phrases) {
      if (phrase.empty()) continue;
      for (size_t at = normalized.find(phrase); at != std::string::npos;
           at = normalized.find(phrase, at + 1)) {
        for (size_t b = at; b < at + phrase.size(); ++b) marked[owner[b]] = true;
        any = true;
      }
    }
    if (!any) continue;
    // The window with the most marked code points.
    const int n = static_cast<int>(points.size());
    const int w = std::min(width, n);
    int count = 0;
    for (int i = 0; i < w; ++i) count += marked[i];
    int best = count, best_start = 0;
    for (int start = 1; start + w <= n; ++start) {
      count += marked[start + w - 1] - marked[start - 1];
      if (count > best) {
        best = count;
        best_start = start;
      }
    }
    // Start a little before the first match in the window when there is room.
    int first = best_start;
    while (first < best_start + w && !marked[first]) ++first;
    int start = std::max(0, std::min(best_start, first - 10));
    start = std::min(start, n - w);
    const int end = start + w;
    Snippet snippet;
    snippet.field = field;
    int offset = 0;
    if (start > 0) {
      snippet.text = "…";
      offset = 1;
    }
    snippet.text += original.substr(points[start].begin, points[end - 1].end - points[start].begin);
    if (end < n) snippet.text += "…";
    for (int i = start; i < end;) {
      if (!marked[i]) {
        ++i;
        continue;
      }
      int j = i;
      while (j < end && marked[j]) ++j;
      snippet.highlights.emplace_back(i - start + offset, j - start + offset);
      i = j;
    }
    snippets.push_back(std::move(snippet));
  }
  return snippets;
}

}  // namespace renkei::match
