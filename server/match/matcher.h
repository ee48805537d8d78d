// Ranked, explained partners: seeds for a need or a problem typed in,
// companies for a seed, partners for an organization. The score combines
// text relevance (BM25F with the thesaurus, server/match/searcher.h), field
// fit, graph signals (shared networks, earlier collaborations), locality and
// coordinators' feedback on similar questions; each suggestion carries every
// signal's contribution and a one-line reason in Japanese. docs/matching.md
// gives the weights. Thread-safe; the store and thesaurus source must
// outlive the matcher.
#ifndef RENKEI_SERVER_MATCH_MATCHER_H_
#define RENKEI_SERVER_MATCH_MATCHER_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/match/searcher.h"
#include "server/names/resource_name.h"

namespace google::protobuf {
class Message;
}  // namespace google::protobuf

namespace renkei::v1 {
class Need;
class Organization;
class Seed;
}  // namespace renkei::v1

namespace renkei::match {

class ThesaurusSource;

struct MatchFilters {
  std::string institution;  // organizations/{id}: only this institution's seeds
  int kind = 0;             // renkei.v1.OrganizationKind of the suggested side
  std::string district;     // of the suggested side
  bool exclude_collaborating = false;
  bool use_thesaurus = true;
  // The seeds and needs the asker may see (server/access/rules.h); null:
  // all. Suggestions, their reasons and the needs they cite come only from
  // records it accepts.
  std::function<bool(const google::protobuf::Message&)> visible;
};

struct Signal {
  std::string name;  // text, field, graph, locality, feedback
  double contribution = 0;
  std::string detail;
};

struct Suggestion {
  ResourceName name;  // a seed or an organization
  double score = 0;
  std::vector<std::string> matched_terms;
  std::vector<Signal> signals;
  std::string reason;
  std::vector<std::string> related_needs;  // organizations: their matching needs
};

struct Suggestions {
  std::vector<Suggestion> items;  // best first
  std::vector<std::string> expansions;
};

// How much each signal weighs (each signal is scaled to 0..1 first, the
// feedback signal to -1..1).
struct MatchWeights {
  double text = 0.72;
  double field = 0.08;
  double graph = 0.12;
  double locality = 0.03;
  double feedback = 0.25;
  double researcher = 0.15;  // the same researcher's other seed matches well
};

class Matcher {
 public:
  Matcher(const store::Store* store, const ThesaurusSource* thesaurus,
          MatchWeights weights = {});

  // Seeds for a stored need.
  absl::StatusOr<Suggestions> ForNeed(const v1::Need& need, const MatchFilters& filters,
                                      int limit) const;
  // Seeds for a problem in words; `company` (may be empty) is who asks.
  absl::StatusOr<Suggestions> ForText(const std::string& text, const std::string& company,
                                      const MatchFilters& filters, int limit) const;
  // Companies that could use a seed.
  absl::StatusOr<Suggestions> ForSeed(const v1::Seed& seed, const MatchFilters& filters,
                                      int limit) const;
  // Partners for an organization.
  absl::StatusOr<Suggestions> Partners(const v1::Organization& organization,
                                       const MatchFilters& filters, int limit) const;

 private:
  // Seeds answering `query` asked by `company` (may be empty); `need`
  // (may be empty) is the stored need, `need_fields` its fields and keywords.
  absl::StatusOr<Suggestions> SeedsFor(const std::string& query, const std::string& company,
                                       const std::string& need,
                                       const std::vector<std::string>& need_fields,
                                       const std::vector<int>& desired_kinds,
                                       const MatchFilters& filters, int limit) const;

  const store::Store& store_;
  const ThesaurusSource& thesaurus_;
  const MatchWeights weights_;
  const Searcher searcher_;
};

}  // namespace renkei::match

#endif  // RENKEI_SERVER_MATCH_MATCHER_H_
