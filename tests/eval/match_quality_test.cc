// The matcher against a plain BM25 baseline on the held-out labelled set
// (tests/data/match), through a real server, in the same run.
//
// Measured (docs/matching.md): nDCG@10 0.830 vs 0.738 (+0.091), recall@10
// 0.764 vs 0.660 (+0.104), MRR 0.905 vs 0.832. The issue asks for at least
// +0.05 nDCG@10 and +0.10 recall@10; the ranking is deterministic, so this
// test asserts those margins as they are. The set measures; nothing is
// tuned against it (the matcher is tuned on tests/data/match_dev and
// match_dev2).
#include <gtest/gtest.h>

#include "eval/match_eval.h"
#include "tests/test_server.h"

namespace renkei::testing {
namespace {

TEST(MatchQualityTest, MatcherBeatsTheBaselineByAClearMargin) {
  const std::string data = RENKEI_MATCH_DATA;
  absl::StatusOr<eval::EvalSet> set = eval::LoadEvalSet(
      data + "/seeds.jsonl", data + "/needs.jsonl", data + "/qrels.tsv");
  ASSERT_OK(set);
  ASSERT_GE(set->seeds.size(), 80u);
  ASSERT_GE(set->needs.size(), 40u);
  TestServer server(std::function<void(ServerOptions&)>(
      [](ServerOptions& options) { options.analyzer = "words"; }));
  absl::StatusOr<std::unique_ptr<eval::ServerRanker>> ranker =
      eval::ServerRanker::Load(server.channel(), *set);
  ASSERT_OK(ranker);
  eval::Bm25Baseline baseline(*set);
  absl::StatusOr<eval::Metrics> matcher = eval::Evaluate(
      *set, [&](const std::string& id) { return (*ranker)->Rank(id, false); });
  absl::StatusOr<eval::Metrics> bm25 = eval::Evaluate(
      *set, [&](const std::string& id) -> absl::StatusOr<std::vector<std::string>> {
        return baseline.Rank(id);
      });
  ASSERT_OK(matcher);
  ASSERT_OK(bm25);
  RecordProperty("matcher_ndcg_at_10", std::to_string(matcher->ndcg_at_10));
  RecordProperty("baseline_ndcg_at_10", std::to_string(bm25->ndcg_at_10));
  RecordProperty("matcher_recall_at_10", std::to_string(matcher->recall_at_10));
  RecordProperty("baseline_recall_at_10", std::to_string(bm25->recall_at_10));
  EXPECT_GE(matcher->ndcg_at_10, bm25->ndcg_at_10 + 0.05);
  EXPECT_GE(matcher->recall_at_10, bm25->recall_at_10 + 0.10);
  EXPECT_GE(matcher->mrr, bm25->mrr + 0.03);
}

}  // namespace
}  // namespace renkei::testing
