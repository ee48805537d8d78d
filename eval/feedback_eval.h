// Coordinators simulated: does feedback on some needs improve the
// suggestions for the others (issue 15)? On a labelled set, the graded needs
// are split in two halves (by their order in needs.jsonl: even positions
// give feedback, odd ones are measured). For each need of the first half,
// the seeds of its top 10 are marked as a coordinator would from the
// grades: useful for grade 2 or more, not useful for grade 0 (ungraded
// seeds are not marked). The second half is measured before any feedback,
// after the right feedback, and, on a fresh server, after the same feedback
// with every tenth mark flipped (feedback that is wrong).
#ifndef RENKEI_EVAL_FEEDBACK_EVAL_H_
#define RENKEI_EVAL_FEEDBACK_EVAL_H_

#include "absl/status/statusor.h"
#include "eval/match_eval.h"
#include "server/server.h"

namespace renkei::eval {

struct FeedbackEvaluation {
  Metrics before;       // the measured half, no feedback at all
  Metrics after;        // after the right marks on the other half
  Metrics after_wrong;  // after the marks with every tenth flipped
  int needs_marking = 0;
  int needs_measured = 0;
  int marks = 0;
  int marks_flipped = 0;
};

// Starts a server for each of the two runs on `options` (its data_dir is
// used as a parent of fresh directories).
absl::StatusOr<FeedbackEvaluation> EvaluateFeedback(const EvalSet& set,
                                                    const ServerOptions& options);

}  // namespace renkei::eval

#endif  // RENKEI_EVAL_FEEDBACK_EVAL_H_
