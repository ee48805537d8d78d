// renkei-import: loads member lists, organization lists, the NTA's 法人番号
// files, and files of people, seeds, needs and collaborations into
// renkei-server, resolving the organizations they name (docs/import.md).
// main() only reads the command line; importer/import_run.h does the work.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/exit_codes.h"
#include "importer/encoding.h"
#include "importer/import_run.h"

namespace {

constexpr char kFooter[] = R"(
KIND is members, organizations, people, seeds, needs, collaborations or
registry (the NTA's 法人番号 files, 全件 or 差分, Shift-JIS or Unicode).
The whole file is checked before anything is written; any invalid row stops
the import (exit 4) unless --skip-invalid.

Environment: RENKEI_SERVER (the server, default 127.0.0.1:50051).
Exit codes: 0 done, 2 usage, 3 file or network not found, 4 invalid rows,
7 server unavailable, 1 other failure.

Examples:
  renkei-import members 会員名簿2025.csv --network networks/3 --dry-run
  renkei-import members 会員名簿2025.csv --network 3 --report report.csv --sync
  renkei-import members 会員名簿2025.csv --network 3 --review 会員名簿2025.review.csv
  renkei-import organizations 製造業一覧.csv --map '事業所名=name' --map '備考=ignore'
  renkei-import registry 03_iwate_all_20261031.csv
  renkei-import seeds seeds2026.csv --id-source kosen-seeds)";

}  // namespace

int main(int argc, char** argv) {
  using renkei::importer::ImportOptions;
  CLI::App app("renkei-import: load lists into renkei-server, resolving the organizations they name");
  app.footer(kFooter);
  ImportOptions options;
  if (const char* server = std::getenv("RENKEI_SERVER"); server != nullptr && *server != '\0') {
    options.server = server;
  }
  std::string kind, encoding;
  bool quiet = false;
  app.add_option("KIND", kind, "members, organizations, people, seeds, needs, collaborations, registry")
      ->required();
  app.add_option("FILE", options.file, "the file: CSV, TSV or JSON Lines (.jsonl)")->required();
  app.add_option("--server", options.server, "renkei-server host:port")->capture_default_str();
  app.add_option("--network", options.network, "members: the network, networks/N or N");
  app.add_option("--source", options.source, "where the rows come from (default: the file's name)");
  app.add_option("--source-list", options.source_list,
                 "members: the list the memberships come from (default: --source)");
  app.add_option("--id-source", options.id_source,
                 "records: the source of a 番号/id column's external ids (default: the file's stem)");
  app.add_flag("--dry-run", options.dry_run, "resolve and report; write nothing");
  app.add_flag("--sync", options.sync,
               "members: end the memberships of this list's earlier imports that it no longer has");
  app.add_flag("--skip-invalid", options.skip_invalid,
               "write the valid rows; set the invalid ones aside in --rejected FILE");
  app.add_option("--report", options.report, "write the resolution report (CSV) here");
  app.add_option("--review", options.review, "apply the decisions of a review file");
  app.add_option("--review-out", options.review_out,
                 "where rows left ambiguous go (default: STEM.review.csv)");
  app.add_option("--rejected", options.rejected_out,
                 "--skip-invalid: where invalid rows go (default: STEM.rejected.csv)");
  app.add_option("--map", options.maps, "'column=field': how to read a column (repeatable)");
  app.add_option("--mapping-file", options.mapping_file, "a file of column=field lines");
  app.add_option("--encoding", encoding, "utf-8, utf-8-bom or cp932 (default: detected)");
  app.add_option("--header-line", options.header_line, "the header's line (default: found)");
  app.add_option("--batch-size", options.batch_size, "rows a batch (one write each)")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app.add_option("--link-threshold", options.link_threshold, "link at or above this score (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--create-threshold", options.create_threshold, "create below this score (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  app.add_flag("-v,--verbose", options.verbose, "print every row's outcome");
  app.add_flag("-q,--quiet", quiet, "no progress bar");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : renkei::cli::kExitUsage;
  }
  options.progress = !quiet;
  absl::StatusOr<renkei::v1::ImportKind> parsed = renkei::importer::ParseImportKind(kind);
  if (!parsed.ok()) {
    std::cerr << "renkei-import: " << parsed.status().message() << "\n";
    return renkei::cli::kExitUsage;
  }
  options.kind = *parsed;
  if (!encoding.empty()) {
    absl::StatusOr<renkei::importer::Encoding> e = renkei::importer::ParseEncodingName(encoding);
    if (!e.ok()) {
      std::cerr << "renkei-import: --encoding: " << e.status().message() << "\n";
      return renkei::cli::kExitUsage;
    }
    options.encoding = *e;
  }
  return renkei::importer::RunImport(options, std::cout, std::cerr);
}
