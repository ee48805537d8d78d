// Ranking records by how well their text answers a query: BM25F over the
// store's text index (title > keywords > summary > body), with the query
// widened by the thesaurus. docs/matching.md gives the formulas.
//
// Two phases keep a search cheap at a million records: candidates come from
// the postings of the query's rarer terms (each term's postings read at most
// once, within a budget), then the best few hundred are scored exactly from
// their stored search text. Thread-safe; the store must outlive the searcher.
#ifndef RENKEI_SERVER_MATCH_SEARCHER_H_
#define RENKEI_SERVER_MATCH_SEARCHER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/names/resource_name.h"
#include "server/store/text_index.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::text {
class Thesaurus;
}  // namespace renkei::text

namespace renkei::match {

struct SearchParameters {
  // BM25F field weights and length normalization, by store::SearchField.
  std::array<double, store::kSearchFieldCount> field_weights = {3.0, 2.0, 1.5, 1.0};
  std::array<double, store::kSearchFieldCount> field_b = {0.5, 0.5, 0.75, 0.75};
  double k1 = 1.2;
  // Weight of a thesaurus term next to a query term: `=` groups, `~` groups.
  double equivalent_weight = 0.9;
  double related_weight = 0.4;
  // Phase 1: postings read in all, and per term (a term's postings come most
  // telling first, so a common term contributes its best documents).
  size_t posting_budget = 24000;
  size_t postings_per_term = 3000;
  // Phase 2: candidates scored exactly.
  size_t rescored = 200;
  // Pseudo-relevance feedback: terms of the best `feedback_documents` join
  // the query, at most `feedback_terms`, the strongest weighing
  // `feedback_weight` (0 documents: off). Plain search leaves it off; the
  // matcher, which must not miss a seed said in other words, turns it on.
  size_t feedback_documents = 0;
  size_t feedback_terms = 10;
  double feedback_weight = 0.3;
  size_t feedback_posting_budget = 6000;  // postings read for the added terms
};

// One record and why it matched.
struct TextMatch {
  ResourceName name;
  double score = 0;
  // What matched, for people: spans of the query ("射出成形") and thesaurus
  // terms with what they stand for ("打音検査 ← 叩いて音で").
  std::vector<std::string> matched_terms;
  // Normalized phrases that matched (query spans and thesaurus terms), for
  // highlighting snippets.
  std::vector<std::string> matched_phrases;
};

struct RankedMatches {
  std::vector<TextMatch> matches;  // best first
  // The thesaurus terms the query was widened with, as "term ← because".
  std::vector<std::string> expansions;
};

class PhraseTerms;

class Searcher {
 public:
  explicit Searcher(const store::Store* store, SearchParameters parameters = {});
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // The records of `kind` that best match `query`, at most `limit`, best
  // first; only those `accept` returns true for (null: all). `thesaurus` may
  // be null (no expansion). A query without terms matches nothing.
  absl::StatusOr<RankedMatches> Rank(
      Kind kind, absl::string_view query, const text::Thesaurus* thesaurus,
      const std::function<absl::StatusOr<bool>(const ResourceName&)>& accept,
      size_t limit) const;

 private:
  const store::Store& store_;
  const SearchParameters parameters_;
  const std::unique_ptr<PhraseTerms> phrase_terms_;  // thread-safe
};

}  // namespace renkei::match

#endif  // RENKEI_SERVER_MATCH_SEARCHER_H_
