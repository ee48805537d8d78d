// The simulation of coordinators' feedback (eval/feedback_eval.h) on the
// development set tests/data/match_dev, through real servers: marks made
// from the grades, a tenth of them flipped, and feedback that is wrong
// costing the measured half nothing (the issue's "no loss when feedback is
// wrong"). Measured 2026-12-08 (docs/matching.md): no gain either, because
// feedback reaches only questions that share a fifth of their terms.
#include <gtest/gtest.h>

#include "eval/feedback_eval.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

TEST(FeedbackEvalTest, WrongMarksCostTheMeasuredHalfNothing) {
  const std::string data = RENKEI_MATCH_DEV_DATA;
  absl::StatusOr<eval::EvalSet> set = eval::LoadEvalSet(
      data + "/seeds.jsonl", data + "/needs.jsonl", data + "/qrels.tsv");
  ASSERT_OK(set);
  TempDir dir;
  ServerOptions options;
  options.data_dir = dir.path() + "/server";
  absl::StatusOr<eval::FeedbackEvaluation> r = eval::EvaluateFeedback(*set, options);
  ASSERT_OK(r);
  EXPECT_GT(r->needs_marking, 0);
  EXPECT_GE(r->needs_measured, r->needs_marking - 1);
  EXPECT_GT(r->marks, 0);
  EXPECT_EQ(r->marks_flipped, r->marks / 10);
  EXPECT_GE(r->after.ndcg_at_10, r->before.ndcg_at_10 - 1e-9);
  EXPECT_GE(r->after_wrong.ndcg_at_10, r->before.ndcg_at_10 - 0.005);
  EXPECT_GE(r->after_wrong.recall_at_10, r->before.recall_at_10 - 0.005);
}

}  // namespace
}  // namespace renkei::testing
