// How search text becomes index terms. Two analyzers, measured against each
// other (docs/matching.md):
//  - kBigram: character bigrams of kanji/kana runs and Latin words
//    (tokenize.h); nothing to install.
//  - kWords: MeCab with Debian's IPA dictionary: content words (nouns,
//    independent verbs and adjectives in their base form) and adjacent pairs
//    inside noun compounds (無電解 / 電解めっき); particles, auxiliaries and
//    symbols are dropped.
// Term texts have hiragana folded to katakana. Thread-safe.
#ifndef RENKEI_SERVER_TEXT_ANALYZER_H_
#define RENKEI_SERVER_TEXT_ANALYZER_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/text/tokenize.h"

namespace renkei::text {

enum class AnalyzerKind { kBigram, kWords };

// "bigram" or "words".
absl::StatusOr<AnalyzerKind> ParseAnalyzerKind(absl::string_view name);
std::string AnalyzerName(AnalyzerKind kind);

class Analyzer {
 public:
  virtual ~Analyzer() = default;
  // UNAVAILABLE when the MeCab dictionary cannot be loaded.
  static absl::StatusOr<std::unique_ptr<Analyzer>> Create(AnalyzerKind kind);

  virtual AnalyzerKind kind() const = 0;
  // The terms of `normalized` (NormalizeForSearch), in order, with where they
  // are in it; repeats kept.
  virtual std::vector<TermAt> Terms(absl::string_view normalized) const = 0;

  // The distinct terms, in first-seen order.
  std::vector<std::string> DistinctTerms(absl::string_view normalized) const;
};

}  // namespace renkei::text

#endif  // RENKEI_SERVER_TEXT_ANALYZER_H_
