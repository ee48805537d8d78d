// match_eval: ranking quality of the matcher on a labelled set, beside a
// plain BM25 baseline computed in the same run.
//
//   build/eval/match_eval tests/data/match/seeds.jsonl tests/data/match/needs.jsonl
//       tests/data/match/qrels.tsv [--thesaurus_dir data/thesaurus]
//
// Starts a renkei server on a temporary data directory, loads the seeds (with
// their institutions and researchers) and the needs (with their companies)
// through the API, asks SuggestForNeed for each graded need, and prints
// nDCG@10 (graded), recall@10 and MRR (relevant = grade ≥ 1, as trec_eval
// counts; the same for grade ≥ 2 beside them) for: the matcher, the matcher
// without the thesaurus, and the baseline (character bigrams of NFKC text,
// BM25, no thesaurus, no graph).
#include <cstdio>
#include <filesystem>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "eval/match_eval.h"
#include "server/server.h"

ABSL_FLAG(std::string, thesaurus_dir, "", "thesaurus directory (default: the server's default)");
ABSL_FLAG(std::string, analyzer, "words", "the server's analyzer: words or bigram");

int main(int argc, char** argv) {
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 4) {
    std::fprintf(stderr, "usage: match_eval SEEDS.jsonl NEEDS.jsonl QRELS.tsv\n");
    return 2;
  }
  absl::StatusOr<renkei::eval::EvalSet> set = renkei::eval::LoadEvalSet(args[1], args[2], args[3]);
  if (!set.ok()) {
    std::fprintf(stderr, "match_eval: %s\n", std::string(set.status().message()).c_str());
    return 1;
  }
  const std::string dir = (std::filesystem::temp_directory_path() /
                           absl::StrCat("renkei-match-eval-", getpid())).string();
  renkei::ServerOptions options;
  options.data_dir = dir;
  options.listen_address = "127.0.0.1:0";
  options.analyzer = absl::GetFlag(FLAGS_analyzer);
  if (!absl::GetFlag(FLAGS_thesaurus_dir).empty()) {
    options.thesaurus_dir = absl::GetFlag(FLAGS_thesaurus_dir);
  }
  auto server = renkei::RenkeiServer::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "match_eval: %s\n", std::string(server.status().message()).c_str());
    return 1;
  }
  int exit_code = 0;
  {
    auto ranker = renkei::eval::ServerRanker::Load((*server)->InProcessChannel(), *set);
    if (!ranker.ok()) {
      std::fprintf(stderr, "match_eval: %s\n", std::string(ranker.status().message()).c_str());
      exit_code = 1;
    } else {
      renkei::eval::Bm25Baseline baseline(*set);
      std::printf("match_eval: %zu seeds, %zu needs\n", set->seeds.size(), set->needs.size());
      std::printf("%-28s %8s %10s %8s %16s %10s\n", "ranker", "nDCG@10", "recall@10", "MRR",
                  "recall@10 (>=2)", "MRR (>=2)");
      auto print = [](const char* name, const renkei::eval::Metrics& m) {
        std::printf("%-28s %8.3f %10.3f %8.3f %16.3f %10.3f\n", name, m.ndcg_at_10,
                    m.recall_at_10, m.mrr, m.recall_at_10_strong, m.mrr_strong);
      };
      auto matcher = renkei::eval::Evaluate(
          *set, [&](const std::string& id) { return (*ranker)->Rank(id, false); });
      auto plain = renkei::eval::Evaluate(
          *set, [&](const std::string& id) { return (*ranker)->Rank(id, true); });
      auto bm25 = renkei::eval::Evaluate(
          *set, [&](const std::string& id) -> absl::StatusOr<std::vector<std::string>> {
            return baseline.Rank(id);
          });
      if (!matcher.ok() || !plain.ok() || !bm25.ok()) {
        std::fprintf(stderr, "match_eval: evaluation failed\n");
        exit_code = 1;
      } else {
        print("matcher", *matcher);
        print("matcher without thesaurus", *plain);
        print("baseline BM25 (bigrams)", *bm25);
        std::printf("difference (matcher - baseline): nDCG@10 %+.3f, recall@10 %+.3f, MRR %+.3f\n",
                    matcher->ndcg_at_10 - bm25->ndcg_at_10,
                    matcher->recall_at_10 - bm25->recall_at_10, matcher->mrr - bm25->mrr);
        std::printf("needs graded: %d; with a grade >= 2 seed: %d\n", matcher->needs_graded,
                    matcher->needs_with_strong);
      }
    }
  }
  (*server)->Shutdown();
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  return exit_code;
}
