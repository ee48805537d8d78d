// resolve_eval DIR: entity resolution on a labelled set of member lists
// (tests/data/resolve), beside the exact-name baseline, in one run.
#include <cstdio>
#include <string>

#include "eval/resolve_eval.h"

int main(int argc, char** argv) {
  const bool explain = argc == 3 && std::string(argv[2]) == "--explain";
  if (argc != 2 && !explain) {
    std::fprintf(stderr,
                 "usage: resolve_eval DIR [--explain]  (a directory with truth.csv and its lists;\n"
                 "--explain prints every row's outcome by entity: for a development set)\n");
    return 2;
  }
  absl::StatusOr<renkei::eval::ResolveEvaluation> r = renkei::eval::EvaluateResolution(argv[1]);
  if (!r.ok()) {
    std::fprintf(stderr, "resolve_eval: %s\n", std::string(r.status().message()).c_str());
    return 1;
  }
  if (explain) {
    for (const std::string& line : r->rows_explained) std::printf("%s\n", line.c_str());
  }
  std::printf("%d lists, %d rows, %d entities\n", r->lists, r->rows, r->entities);
  std::printf("%-10s %9s %9s %9s %8s %10s %9s %8s\n", "", "precision", "recall", "F1", "orgs",
              "org error", "ambiguous", "rejected");
  auto line = [](const char* label, const renkei::eval::LinkMetrics& m, bool resolver) {
    std::printf("%-10s %9.3f %9.3f %9.3f %8d %+9.1f%% %9s %8s\n", label, m.precision, m.recall, m.f1,
                m.organizations, 100 * m.organization_count_error,
                resolver ? std::to_string(m.ambiguous).c_str() : "-",
                resolver ? std::to_string(m.rejected).c_str() : "-");
  };
  line("resolver", r->resolver, true);
  line("baseline", r->baseline, false);
  return 0;
}
