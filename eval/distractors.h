// Distractors for match_eval --distractors: generated seeds (bench/synthetic,
// the region's technical vocabulary, deterministic in their number) loaded
// beside a labelled set, so that its relevant seeds must be found among many
// others that share its words. None of them is relevant to any need.
#ifndef RENKEI_EVAL_DISTRACTORS_H_
#define RENKEI_EVAL_DISTRACTORS_H_

#include "absl/status/status.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::eval {

// Creates `count` generated seeds of two generated institutions through the
// store's write path, in batches (as match_bench loads its data).
absl::Status LoadDistractors(store::Store* store, int count);

}  // namespace renkei::eval

#endif  // RENKEI_EVAL_DISTRACTORS_H_
