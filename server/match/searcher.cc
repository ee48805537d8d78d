#include "server/match/searcher.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"

#include "absl/strings/str_cat.h"
#include "server/match/phrase_terms.h"
#include "server/store/store.h"
#include "server/text/analyzer.h"
#include "server/text/normalize.h"
#include "server/text/phrase_counter.h"
#include "server/text/thesaurus.h"
#include "server/text/tokenize.h"
#include "server/util/status_macros.h"

namespace renkei::match {
namespace {

constexpr size_t kMaxExpansions = 80;
constexpr size_t kMaxMatchedTerms = 10;
// Thesaurus phrases whose analysis is remembered (PhraseTerms).
constexpr size_t kPhrasesRemembered = 100000;

double Idf(int64_t documents, int64_t df) {
  const double n = static_cast<double>(std::max<int64_t>(documents, 1));
  const double d = static_cast<double>(std::max<int64_t>(df, 0));
  return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
}

// A query term (a bigram or word of the query) or a thesaurus phrase.
struct Unit {
  std::string text;
  double weight = 1.0;  // query weight, or the thesaurus group's weight
  double idf = 0;
  int64_t df = 0;
  bool phrase = false;      // a thesaurus term, matched as a whole
  std::string because;      // for phrases: the query term it stands for
  std::string display;      // for phrases: "term ← because" as the thesaurus writes them
  std::vector<std::string> terms;  // for phrases: its index terms
  int phrase_index = -1;           // for phrases: its place in the PhraseCounter
};

// A unit's contribution to one document's score; matched false when the
// document does not hold it.
struct UnitScore {
  bool matched = false;
  double contribution = 0;
};

// A document's scores for units[from..]: BM25F of each unit, a term counted
// from the document's terms, a thesaurus phrase from `phrase_counts`
// (occurrences by field and phrase index).
void ScoreUnits(const std::vector<Unit>& units, size_t from, const store::SearchDocument& document,
                const std::array<std::vector<int>, store::kSearchFieldCount>& phrase_counts,
                const std::array<double, store::kSearchFieldCount>& norm,
                const SearchParameters& parameters, std::vector<UnitScore>* scores) {
  const double k1 = parameters.k1;
  for (size_t u = from; u < units.size(); ++u) {
    const Unit& unit = units[u];
    UnitScore& score = scores->emplace_back();
    double pseudo_tf = 0;
    const store::SearchDocument::Counts* counts =
        unit.phrase ? nullptr : document.Find(unit.text);
    if (!unit.phrase && counts == nullptr) continue;
    for (int f = 0; f < store::kSearchFieldCount; ++f) {
      const int tf = unit.phrase ? phrase_counts[f][unit.phrase_index] : (*counts)[f];
      if (tf > 0) pseudo_tf += parameters.field_weights[f] * tf / norm[f];
    }
    if (pseudo_tf <= 0) continue;
    score.matched = true;
    score.contribution = unit.weight * unit.idf * pseudo_tf * (k1 + 1) / (k1 + pseudo_tf);
  }
}

struct Candidate {
  ResourceName name;
  double partial = 0;
};

// Searchable records have plain ids (no memberships), so the id is the key.
uint64_t KeyOf(const ResourceName& name) { return name.id; }

}  // namespace

Searcher::Searcher(const store::Store* store, SearchParameters parameters)
    : store_(*store),
      parameters_(parameters),
      phrase_terms_(std::make_unique<PhraseTerms>(&store->analyzer(), kPhrasesRemembered)) {}

Searcher::~Searcher() = default;

absl::StatusOr<RankedMatches> Searcher::Rank(
    Kind kind, absl::string_view query, const text::Thesaurus* thesaurus,
    const std::function<absl::StatusOr<bool>(const ResourceName&)>& accept,
    size_t limit) const {
  RankedMatches ranked;
  const std::string normalized = text::NormalizeForSearch(query);
  const text::Analyzer& analyzer = store_.analyzer();
  const std::vector<text::TermAt> query_terms = analyzer.Terms(normalized);
  if (query_terms.empty() || limit == 0) return ranked;
  const store::SearchStats stats = store_.GetSearchStats(kind);
  if (stats.documents == 0) return ranked;

  // The query's distinct terms, weighted by how often the query repeats them.
  std::vector<Unit> units;
  std::map<std::string, size_t> term_index;
  for (const text::TermAt& term : query_terms) {
    auto [it, inserted] = term_index.emplace(term.text, units.size());
    if (inserted) {
      Unit unit;
      unit.text = term.text;
      unit.weight = 0;
      units.push_back(std::move(unit));
    }
    units[it->second].weight += 1;
  }
  for (Unit& unit : units) {
    unit.weight = 1.0 + std::log(unit.weight);
    unit.df = store_.DocumentFrequency(kind, unit.text);
    unit.idf = Idf(stats.documents, unit.df);
  }
  const size_t query_unit_count = units.size();
  // The query's terms by position (an analyzer may give a compound after its
  // parts), for the spans a match covers.
  std::vector<text::TermAt> ordered_terms = query_terms;
  std::stable_sort(ordered_terms.begin(), ordered_terms.end(),
                   [](const text::TermAt& a, const text::TermAt& b) {
                     return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
                   });
  // Thesaurus phrases, as whole phrases.
  if (thesaurus != nullptr) {
    std::vector<text::Thesaurus::Expansion> expansions =
        thesaurus->Expand(text::FoldKana(normalized));
    std::stable_sort(expansions.begin(), expansions.end(),
                     [](const auto& a, const auto& b) { return a.equivalent > b.equivalent; });
    if (expansions.size() > kMaxExpansions) expansions.resize(kMaxExpansions);
    for (const auto& expansion : expansions) {
      Unit unit;
      unit.text = expansion.phrase;
      unit.phrase = true;
      unit.because = expansion.because;
      unit.display = absl::StrCat(expansion.display, " ← ", expansion.because_display);
      unit.weight = expansion.equivalent ? parameters_.equivalent_weight
                                         : parameters_.related_weight;
      unit.terms = *phrase_terms_->Of(expansion.phrase);
      if (unit.terms.empty()) continue;
      // A phrase is as rare as its rarest term.
      unit.df = stats.documents;
      for (const std::string& term : unit.terms) {
        unit.df = std::min(unit.df, store_.DocumentFrequency(kind, term));
      }
      unit.idf = Idf(stats.documents, unit.df);
      if (unit.df == 0) continue;  // no document has it
      // A thesaurus term is worth no more than the query's word it stands for.
      int64_t because_df = stats.documents;
      for (const std::string& term : *phrase_terms_->Of(expansion.because)) {
        because_df = std::min(because_df, store_.DocumentFrequency(kind, term));
      }
      unit.idf = std::min(unit.idf, Idf(stats.documents, because_df));
      ranked.expansions.push_back(unit.display);
      units.push_back(std::move(unit));
    }
  }
  // The phrases are counted in a document's text in one pass over it.
  std::vector<std::string> phrases;
  for (Unit& unit : units) {
    if (!unit.phrase) continue;
    unit.phrase_index = static_cast<int>(phrases.size());
    phrases.push_back(unit.text);
  }
  const text::PhraseCounter phrase_counter(phrases);

  // Phase 1: candidates from the postings of the rarer terms.
  // Record id → partial score (small entries: this map is the hot spot).
  absl::flat_hash_map<uint64_t, double> candidates;
  candidates.reserve(std::min<size_t>(parameters_.posting_budget,
                                      static_cast<size_t>(stats.documents)));
  size_t budget = parameters_.posting_budget;
  std::set<std::string> probed;
  auto probe = [&](size_t from) -> absl::Status {
    struct Probe {
      std::string term;
      int64_t df;
      double value;  // weight × idf
    };
    std::vector<Probe> probes;
    for (size_t u = from; u < units.size(); ++u) {
      const Unit& unit = units[u];
      if (!unit.phrase) {
        if (unit.df > 0) probes.push_back({unit.text, unit.df, unit.weight * unit.idf});
        continue;
      }
      // A phrase is probed by its rarest term.
      std::string rarest;
      int64_t rarest_df = -1;
      for (const std::string& term : unit.terms) {
        const int64_t df = store_.DocumentFrequency(kind, term);
        if (df > 0 && (rarest_df < 0 || df < rarest_df)) {
          rarest = term;
          rarest_df = df;
        }
      }
      if (rarest_df > 0) probes.push_back({rarest, rarest_df, unit.weight * unit.idf});
    }
    std::sort(probes.begin(), probes.end(),
              [](const Probe& a, const Probe& b) { return a.df < b.df; });
    for (const Probe& p : probes) {
      if (budget == 0) break;
      if (!probed.insert(p.term).second) continue;
      const size_t take =
          std::min({budget, static_cast<size_t>(p.df), parameters_.postings_per_term});
      budget -= take;
      RENKEI_RETURN_IF_ERROR(store_.ScanPostings(kind, p.term, take, [&](const store::Posting& posting) {
        double boost = 0;
        for (int f = 0; f < store::kSearchFieldCount; ++f) {
          boost += parameters_.field_weights[f] * std::min<int>(posting.counts[f], 2);
        }
        candidates[KeyOf(posting.name)] += p.value * boost;
        return true;
      }));
    }
    return absl::OkStatus();
  };

  // Phase 2: exact BM25F of the best candidates, from their stored text.
  std::array<double, store::kSearchFieldCount> average{};
  for (int f = 0; f < store::kSearchFieldCount; ++f) {
    average[f] = std::max(1.0, static_cast<double>(stats.total_lengths[f]) /
                                   static_cast<double>(stats.documents));
  }
  absl::flat_hash_map<uint64_t, std::optional<store::SearchDocument>> documents;  // read once
  absl::flat_hash_map<uint64_t, bool> accepted;
  // Each document's unit scores, kept for the second ranking (which only
  // adds units).
  absl::flat_hash_map<uint64_t, std::vector<UnitScore>> unit_scores;
  auto rescore = [&]() -> absl::StatusOr<std::vector<TextMatch>> {
    std::vector<Candidate> ordered;
    ordered.reserve(candidates.size());
    for (const auto& [id, partial] : candidates) {
      ordered.push_back(Candidate{ResourceName{kind, id, 0}, partial});
    }
    auto better = [](const Candidate& a, const Candidate& b) {
      return a.partial != b.partial ? a.partial > b.partial : a.name.id < b.name.id;
    };
    // Only the head is rescored (and filters may reject some of it).
    const size_t head = std::min(ordered.size(), 4 * parameters_.rescored);
    std::partial_sort(ordered.begin(), ordered.begin() + static_cast<long>(head), ordered.end(),
                      better);
    ordered.resize(head);
    std::vector<TextMatch> scored;
    size_t rescored = 0;
    for (const Candidate& candidate : ordered) {
      if (rescored >= parameters_.rescored) break;
      const uint64_t key = KeyOf(candidate.name);
      if (accept) {
        auto known = accepted.find(key);
        if (known == accepted.end()) {
          RENKEI_ASSIGN_OR_RETURN(bool ok, accept(candidate.name));
          known = accepted.emplace(key, ok).first;
        }
        if (!known->second) continue;
      }
      auto cached = documents.find(key);
      if (cached == documents.end()) {
        absl::StatusOr<store::SearchDocument> document = store_.GetSearchDocument(candidate.name);
        if (!document.ok() && !absl::IsNotFound(document.status())) return document.status();
        cached = documents.emplace(key, document.ok() ? std::optional(std::move(*document))
                                                      : std::nullopt).first;
      }
      if (!cached->second.has_value()) continue;  // deleted since
      const store::SearchDocument& document = *cached->second;
      ++rescored;
      std::array<double, store::kSearchFieldCount> norm{};
      for (int f = 0; f < store::kSearchFieldCount; ++f) {
        const double length = static_cast<double>(document.lengths[f]);
        norm[f] = 1.0 - parameters_.field_b[f] + parameters_.field_b[f] * length / average[f];
      }
      std::vector<UnitScore>& scores = unit_scores[key];
      if (scores.size() < units.size()) {
        // A term is counted from the document's terms; a thesaurus phrase is
        // found in its text (all phrases are known before the first ranking).
        std::array<std::vector<int>, store::kSearchFieldCount> phrase_counts;
        if (scores.empty()) {
          for (int f = 0; f < store::kSearchFieldCount; ++f) {
            phrase_counts[f].assign(phrases.size(), 0);
            phrase_counter.Count(document.fields[f], &phrase_counts[f]);
          }
        }
        ScoreUnits(units, scores.size(), document, phrase_counts, norm, parameters_, &scores);
      }
      TextMatch match;
      match.name = candidate.name;
      std::set<std::string> matched_query_terms;
      std::map<std::string, double> best_by_because;
      for (size_t u = 0; u < units.size(); ++u) {
        const Unit& unit = units[u];
        if (!scores[u].matched) continue;
        const double contribution = scores[u].contribution;
        if (u < query_unit_count || !unit.phrase) {
          match.score += contribution;
        } else {
          // The phrases standing for one query word count once, by the best:
          // a word with many synonyms is not worth more than one with few.
          double& best = best_by_because[unit.because];
          best = std::max(best, contribution);
        }
        if (u < query_unit_count) {
          matched_query_terms.insert(unit.text);
        } else if (unit.phrase) {
          match.matched_terms.push_back(unit.display);
          match.matched_phrases.push_back(unit.text);
        }
      }
      for (const auto& [because, best] : best_by_because) match.score += best;
      if (match.score <= 0) continue;
      // Query spans covered by matched terms, the telling ones first.
      std::vector<std::pair<double, std::string>> spans;
      size_t span_begin = 0, span_end = 0;
      double span_idf = 0;
      auto close_span = [&] {
        if (span_end > span_begin) {
          spans.emplace_back(span_idf, normalized.substr(span_begin, span_end - span_begin));
        }
        span_begin = span_end = 0;
        span_idf = 0;
      };
      for (const text::TermAt& term : ordered_terms) {
        if (!matched_query_terms.contains(term.text)) continue;
        if (term.begin >= span_end) close_span();
        if (span_end == 0) span_begin = term.begin;
        span_end = std::max(span_end, term.end);
        span_idf = std::max(span_idf, units[term_index[term.text]].idf);
      }
      close_span();
      std::stable_sort(spans.begin(), spans.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      std::vector<std::string> words;
      std::set<std::string> seen;
      for (const auto& [idf, span] : spans) {
        if (seen.insert(span).second) {
          words.push_back(span);
          match.matched_phrases.push_back(text::FoldKana(span));
        }
      }
      words.insert(words.end(), match.matched_terms.begin(), match.matched_terms.end());
      if (words.size() > kMaxMatchedTerms) words.resize(kMaxMatchedTerms);
      match.matched_terms = std::move(words);
      scored.push_back(std::move(match));
    }
    std::sort(scored.begin(), scored.end(), [](const TextMatch& a, const TextMatch& b) {
      return a.score != b.score ? a.score > b.score : a.name.id < b.name.id;
    });
    return scored;
  };

  RENKEI_RETURN_IF_ERROR(probe(0));
  RENKEI_ASSIGN_OR_RETURN(std::vector<TextMatch> scored, rescore());

  // Pseudo-relevance feedback: the terms that most distinguish the best few
  // documents join the query, lightly weighted, to reach documents that say
  // the same thing in other words.
  if (parameters_.feedback_documents > 0 && !scored.empty()) {
    std::set<std::string> present;
    for (const Unit& unit : units) present.insert(unit.text);
    std::map<std::string, double> mass;
    const size_t top = std::min(scored.size(), parameters_.feedback_documents);
    for (size_t i = 0; i < top; ++i) {
      const store::SearchDocument& document = *documents[KeyOf(scored[i].name)];
      double length = 0;
      for (int f = 0; f < store::kSearchFieldCount; ++f) length += document.lengths[f];
      if (length <= 0) continue;
      for (const auto& [term, counts] : document.counts) {
        if (present.contains(term)) continue;
        double weighted = 0;
        for (int f = 0; f < store::kSearchFieldCount; ++f) {
          weighted += parameters_.field_weights[f] * counts[f];
        }
        mass[term] += weighted / length;
      }
    }
    std::vector<std::pair<double, Unit>> picked;
    for (const auto& [term, m] : mass) {
      const int64_t df = store_.DocumentFrequency(kind, term);
      if (df <= 1) continue;  // found only in one document: says nothing of others
      Unit unit;
      unit.text = term;
      unit.df = df;
      unit.idf = Idf(stats.documents, df);
      picked.emplace_back(m * unit.idf, std::move(unit));
    }
    std::sort(picked.begin(), picked.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    if (picked.size() > parameters_.feedback_terms) picked.resize(parameters_.feedback_terms);
    if (!picked.empty()) {
      const double strongest = picked.front().first;
      const size_t first_new = units.size();
      for (auto& [value, unit] : picked) {
        unit.weight = parameters_.feedback_weight * value / strongest;
        units.push_back(std::move(unit));
      }
      budget = std::min(budget, parameters_.feedback_posting_budget);
      RENKEI_RETURN_IF_ERROR(probe(first_new));
      RENKEI_ASSIGN_OR_RETURN(scored, rescore());
    }
  }
  if (scored.size() > limit) scored.resize(limit);
  ranked.matches = std::move(scored);
  return ranked;
}

}  // namespace renkei::match
