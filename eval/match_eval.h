// Measuring the matcher on a labelled set (tests/data/match: seeds.jsonl,
// needs.jsonl, qrels.tsv; see its README.md): nDCG@10, recall@10 and MRR of
// SuggestForNeed through a real server, beside a plain BM25 baseline
// (character bigrams, NFKC only, no thesaurus, no graph) computed in the
// same run. The set measures; nothing here is tuned against it.
#ifndef RENKEI_EVAL_MATCH_EVAL_H_
#define RENKEI_EVAL_MATCH_EVAL_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace renkei::eval {

struct EvalSeed {
  std::string id, institution, researcher, department, title, summary;
  std::vector<std::string> keywords, fields, applications;
};

struct EvalNeed {
  std::string id, company, industry, title, body;
};

struct EvalSet {
  std::vector<EvalSeed> seeds;
  std::vector<EvalNeed> needs;
  std::map<std::string, std::map<std::string, int>> grades;  // need → seed → 0..3
};

absl::StatusOr<EvalSet> LoadEvalSet(const std::string& seeds_jsonl, const std::string& needs_jsonl,
                                    const std::string& qrels_tsv);

// Seed ids, best first, for a need id.
using Ranker = std::function<absl::StatusOr<std::vector<std::string>>(const std::string& need_id)>;

// Over the needs with at least one seed graded above 0. nDCG uses the grades
// (gain 2^grade - 1); recall and MRR count a seed as relevant when its grade
// is 1 or more, as trec_eval does by default. The same for grade 2 or more
// ("strongly relevant") is reported beside them.
struct Metrics {
  double ndcg_at_10 = 0;
  double recall_at_10 = 0;
  double mrr = 0;
  double recall_at_10_strong = 0;  // relevant = grade >= 2, over needs having one
  double mrr_strong = 0;
  int needs_graded = 0;
  int needs_with_strong = 0;
};

absl::StatusOr<Metrics> Evaluate(const EvalSet& set, const Ranker& ranker);

// Loads the set into the server behind `channel` (institutions, researchers,
// companies, seeds, needs) and ranks with MatchService.SuggestForNeed.
class ServerRanker {
 public:
  static absl::StatusOr<std::unique_ptr<ServerRanker>> Load(std::shared_ptr<grpc::Channel> channel,
                                                            const EvalSet& set);
  absl::StatusOr<std::vector<std::string>> Rank(const std::string& need_id,
                                                bool without_thesaurus) const;
  // The whole answer, for comparing two builds: one line per suggestion
  // ("need rank seed score reason"), the score to 9 significant digits.
  absl::StatusOr<std::string> Describe(const std::string& need_id, bool without_thesaurus) const;
  // A coordinator's mark on seed `seed_id` suggested for need `need_id`
  // (MatchService.RecordFeedback): useful, or not useful.
  absl::Status RecordFeedback(const std::string& need_id, const std::string& seed_id,
                              bool useful) const;

 private:
  absl::StatusOr<std::string> Suggest(const std::string& need_id, bool without_thesaurus,
                                      std::vector<std::string>* ids, std::string* lines) const;

  std::shared_ptr<grpc::Channel> channel_;
  std::map<std::string, std::string> need_names_;  // need id → needs/{n}
  std::map<std::string, std::string> seed_names_;  // seed id → seeds/{n}
};

// The baseline: BM25 (k1 1.2, b 0.75) over one field holding a seed's title,
// summary, keywords, fields and applications; terms are the bigrams of the
// NFKC-normalized text (a lone character as itself); the query is the
// need's title and body.
class Bm25Baseline {
 public:
  explicit Bm25Baseline(const EvalSet& set);
  std::vector<std::string> Rank(const std::string& need_id) const;

 private:
  struct Document {
    std::string id;
    std::map<std::string, int> tf;
    int length = 0;
  };
  std::vector<Document> documents_;
  std::map<std::string, int> df_;
  double average_length_ = 0;
  std::map<std::string, std::string> queries_;  // need id → text
};

}  // namespace renkei::eval

#endif  // RENKEI_EVAL_MATCH_EVAL_H_
