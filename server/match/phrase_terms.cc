#include "server/match/phrase_terms.h"

#include "server/text/analyzer.h"

namespace renkei::match {

PhraseTerms::PhraseTerms(const text::Analyzer* analyzer, size_t capacity)
    : analyzer_(*analyzer), capacity_(capacity) {}

std::shared_ptr<const std::vector<std::string>> PhraseTerms::Of(absl::string_view phrase) const {
  {
    absl::ReaderMutexLock lock(&mu_);
    auto it = terms_.find(phrase);
    if (it != terms_.end()) return it->second;
  }
  auto terms = std::make_shared<const std::vector<std::string>>(analyzer_.DistinctTerms(phrase));
  absl::MutexLock lock(&mu_);
  if (terms_.size() >= capacity_) terms_.clear();
  terms_.emplace(phrase, terms);
  return terms;
}

size_t PhraseTerms::size() const {
  absl::ReaderMutexLock lock(&mu_);
  return terms_.size();
}

}  // namespace renkei::match
