// Short passages of a record's text around what matched, with the matched
// stretches marked, for people to see why a record was found.
#ifndef RENKEI_SERVER_MATCH_SNIPPETS_H_
#define RENKEI_SERVER_MATCH_SNIPPETS_H_

#include <string>
#include <utility>
#include <vector>

namespace renkei::match {

struct Snippet {
  std::string field;
  std::string text;  // a stretch of the original text, "…" where cut
  std::vector<std::pair<int, int>> highlights;  // [start, end) in code points of `text`
};

// For each (field name, original text) holding one of `phrases` (normalized
// with text::NormalizeForSearch and text::FoldKana), the window of at most `width` code points
// with the most matched text. Fields without a match give nothing.
std::vector<Snippet> MakeSnippets(const std::vector<std::pair<std::string, std::string>>& fields,
                                  const std::vector<std::string>& phrases, int width = 80);

}  // namespace renkei::match

#endif  // RENKEI_SERVER_MATCH_SNIPPETS_H_
