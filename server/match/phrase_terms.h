// The index terms of thesaurus phrases, analyzed once and then remembered:
// a query widened by the thesaurus needs the terms of up to 80 phrases and
// of the words they stand for, and running MeCab on each again for every
// query cost more than the rest of a small search. The analyzer never
// changes for a store, so a phrase's terms never do. At most `capacity`
// phrases are held; a full memo starts again empty.
//
// Thread-safe. The analyzer must outlive it.
#ifndef RENKEI_SERVER_MATCH_PHRASE_TERMS_H_
#define RENKEI_SERVER_MATCH_PHRASE_TERMS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace renkei::text {
class Analyzer;
}  // namespace renkei::text

namespace renkei::match {

class PhraseTerms {
 public:
  PhraseTerms(const text::Analyzer* analyzer, size_t capacity);
  PhraseTerms(const PhraseTerms&) = delete;
  PhraseTerms& operator=(const PhraseTerms&) = delete;

  // analyzer.DistinctTerms(phrase). `phrase` is normalized (NormalizeForSearch, FoldKana).
  std::shared_ptr<const std::vector<std::string>> Of(absl::string_view phrase) const;

  size_t size() const;

 private:
  const text::Analyzer& analyzer_;
  const size_t capacity_;

  mutable absl::Mutex mu_;
  mutable absl::flat_hash_map<std::string, std::shared_ptr<const std::vector<std::string>>> terms_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace renkei::match

#endif  // RENKEI_SERVER_MATCH_PHRASE_TERMS_H_
