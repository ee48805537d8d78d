// The domain thesaurus (data/thesaurus, format in its README.md): groups of
// equivalent terms (`A = B = C`) and of related terms (`A ~ B ~ C`) that
// coordinators edit as text. Loaded at start and on reload; immutable once
// loaded, so one instance is safe to share between threads.
#ifndef RENKEI_SERVER_TEXT_THESAURUS_H_
#define RENKEI_SERVER_TEXT_THESAURUS_H_

#include <memory>
#include <string>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace renkei::text {

class Thesaurus {
 public:
  // A term the query did not contain, and why it is searched for.
  struct Expansion {
    std::string phrase;    // normalized (NormalizeForSearch, then FoldKana)
    std::string because;   // the term found in the query, normalized
    std::string display;          // `phrase` as the thesaurus writes it
    std::string because_display;  // `because` as the thesaurus writes it
    bool equivalent;       // from an `=` group; else from a `~` group
  };

  // Reads every *.txt file of `directory`. INVALID_ARGUMENT naming
  // "file:line" for a line that is not a group of 2..12 terms.
  static absl::StatusOr<std::unique_ptr<Thesaurus>> LoadDirectory(const std::string& directory);
  // Parses one file's text (`name` appears in errors).
  static absl::StatusOr<std::unique_ptr<Thesaurus>> Parse(absl::string_view text,
                                                          const std::string& name);
  // An empty thesaurus.
  static std::unique_ptr<Thesaurus> Empty();
  Thesaurus(const Thesaurus&) = delete;  // ordered_ points into terms_
  Thesaurus& operator=(const Thesaurus&) = delete;

  // The other terms of every group with a term the query holds.
  // `folded_query` is normalized with NormalizeForSearch, then FoldKana. A
  // term matches when its normalized form occurs in the query, or, for
  // terms of 5 or more characters, when at least 2/3 of its bigrams do (a
  // plain phrase is rarely typed word for word). An expansion found through
  // an `=` group wins over the same phrase through a `~` group.
  std::vector<Expansion> Expand(absl::string_view folded_query) const;

  size_t group_count() const { return groups_.size(); }
  size_t term_count() const { return terms_.size(); }

 private:
  Thesaurus() = default;
  absl::Status AddFile(absl::string_view text, const std::string& name);
  // Fills ordered_, by_prefix_, by_gram_ and the groups' positions (after
  // the last AddFile).
  void BuildIndex();

  struct Group {
    std::vector<std::string> terms;     // normalized
    std::vector<std::string> displays;  // as written
    bool equivalent;
    std::vector<uint32_t> positions;    // of each term in ordered_ (BuildIndex)
  };
  struct Term {
    std::vector<size_t> groups;
    std::vector<std::string> grams;  // its bigrams, for terms long enough to match loosely
  };
  std::vector<Group> groups_;
  // Normalized term → the groups it is in.
  std::unordered_map<std::string, Term> terms_;
  // What Expand looks at instead of every term: the terms in terms_'s order,
  // and their positions there by their first two code points (the one of a
  // one-character term), which a literal occurrence must show at some
  // position of the query, and (loosely matched terms) by bigram.
  std::vector<const std::pair<const std::string, Term>*> ordered_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_prefix_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_gram_;
};

}  // namespace renkei::text

#endif  // RENKEI_SERVER_TEXT_THESAURUS_H_
