// match_eval --distractors: the matcher's figures on a labelled set loaded
// alone and beside N generated seeds (eval/distractors.h), for several N side
// by side, with the time of each SuggestForNeed.
#ifndef RENKEI_EVAL_SCALE_EVAL_H_
#define RENKEI_EVAL_SCALE_EVAL_H_

#include <vector>

#include "absl/status/statusor.h"
#include "eval/match_eval.h"

namespace renkei {
struct ServerOptions;
}  // namespace renkei

namespace renkei::eval {

struct ScalePoint {
  int distractors = 0;
  Metrics matcher;
  double p50_ms = 0, p99_ms = 0;  // SuggestForNeed over the in-process channel
  double load_seconds = 0;        // the distractors
};

// For each count, a fresh server on `options` (its data_dir is used and
// removed) holding that many distractors and `set`, ranked with the
// thesaurus.
absl::StatusOr<std::vector<ScalePoint>> EvaluateAtScale(const EvalSet& set,
                                                        const std::vector<int>& counts,
                                                        const ServerOptions& options);

// Prints the points as columns, with each metric's share of its value at the
// first point.
void PrintScale(const std::vector<ScalePoint>& points);

}  // namespace renkei::eval

#endif  // RENKEI_EVAL_SCALE_EVAL_H_
