#include "server/text/phrase_counter.h"

#include "absl/strings/match.h"
#include "server/text/utf8.h"

namespace renkei::text {

PhraseCounter::PhraseCounter(const std::vector<std::string>& phrases) : phrases_(phrases) {
  for (size_t i = 0; i < phrases_.size(); ++i) {
    if (phrases_[i].empty()) continue;
    by_first_[std::string(FirstCodePoint(phrases_[i]))].push_back(static_cast<uint32_t>(i));
  }
}

void PhraseCounter::Count(absl::string_view text, std::vector<int>* counts) const {
  if (by_first_.empty()) return;
  // A phrase of valid UTF-8 can only start where a code point does.
  for (size_t at = 0; at < text.size();) {
    const absl::string_view rest = text.substr(at);
    const absl::string_view first = FirstCodePoint(rest);
    auto found = by_first_.find(first);
    if (found != by_first_.end()) {
      for (uint32_t i : found->second) {
        if (absl::StartsWith(rest, phrases_[i])) ++(*counts)[i];
      }
    }
    at += first.size();
  }
}

}  // namespace renkei::text
