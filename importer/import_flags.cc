#include "importer/import_flags.h"

#include <CLI/CLI.hpp>

#include <ostream>

#include "cli/exit_codes.h"
#include "importer/encoding.h"

namespace renkei::importer {

const char kImportHelpFooter[] = R"(
KIND is members, organizations, people, seeds, needs, collaborations or
registry (the NTA's 法人番号 files, 全件 or 差分, Shift-JIS or Unicode).
The whole file is checked before anything is written; any invalid row stops
the import (exit 4) unless --skip-invalid. docs/import.md has the details.

Exit codes: 0 done, 2 usage, 3 file or network not found, 4 invalid rows,
5 --sync held back (it asks for --yes or --source-list), 7 server
unavailable, 1 other failure.

Examples:
  renkei-import members 会員名簿2025.csv --network networks/3 --dry-run
  renkei-import members 会員名簿2025.csv --network 3 --report report.csv --sync
  renkei-import members 会員名簿2026.csv --network 両磐インダストリアルプラザ --sync \
      --source-list 会員名簿2025.csv
  renkei-import members 会員名簿2025.csv --network 3 --review 会員名簿2025.review.csv
  renkei-import organizations 製造業一覧.csv --map '事業所名=name' --map '備考=ignore'
  renkei-import registry 03_iwate_all_20261031.csv
  renkei-import seeds seeds2026.csv --id-source kosen-seeds)";

void AddImportFlags(CLI::App* app, ImportFlags* flags, bool with_server) {
  ImportOptions& options = flags->options;
  app->add_option("KIND", flags->kind,
                  "members, organizations, people, seeds, needs, collaborations, registry")
      ->required();
  app->add_option("FILE", options.file,
                  "the file: .xlsx, CSV, TSV (Excel's Unicode text too) or JSON Lines (.jsonl)")
      ->required();
  if (with_server) {
    app->add_option("--server", options.connection.server,
                    "renkei-server host:port (or RENKEI_SERVER)")
        ->capture_default_str();
    app->add_flag("--tls", options.connection.tls, "connect with TLS");
    app->add_option("--ca-file", options.connection.ca_file, "PEM root certificates for TLS");
    app->add_option("--token-file", options.connection.token_file,
                    "file with a bearer token (else RENKEI_TOKEN, else `renkei login`'s)");
  }
  app->add_option("--network", options.network,
                  "members: the network: networks/N, N, or its name");
  app->add_option("--source", options.source, "where the rows come from (default: the file's name)");
  app->add_option("--source-list", options.source_list,
                  "members: the list the memberships come from, and which earlier import --sync "
                  "replaces (default: --source); name last year's file to follow a list renamed "
                  "for a new year");
  app->add_option("--id-source", options.id_source,
                  "records: the source of a 番号/id column's external ids (default: the file's stem)");
  app->add_flag("--dry-run", options.dry_run, "resolve and report; write nothing");
  app->add_flag("--sync", options.sync,
                "members: end the memberships of this list's earlier imports that it no longer has");
  app->add_flag("--yes", options.yes,
                "--sync: end the memberships even when they are more than a third of the network's");
  app->add_flag("--skip-invalid", options.skip_invalid,
                "write the valid rows; set the invalid ones aside in --rejected FILE");
  app->add_option("--report", options.report, "write the resolution report (CSV) here");
  app->add_option("--review", options.review, "apply the decisions of a review file");
  app->add_option("--review-out", options.review_out,
                  "where rows left ambiguous go (default: STEM.review.csv)");
  app->add_option("--rejected", options.rejected_out,
                  "--skip-invalid: where invalid rows go (default: STEM.rejected.csv)");
  app->add_option("--map", options.maps, "'column=field': how to read a column (repeatable)")
      ->allow_extra_args(false);
  app->add_option("--mapping-file", options.mapping_file, "a file of column=field lines");
  app->add_option("--encoding", flags->encoding,
                  "utf-8, utf-8-bom, cp932 or utf-16 (default: detected)");
  app->add_option("--sheet", options.sheet,
                  ".xlsx: the sheet to read, by name or number (default: the first)");
  app->add_option("--header-line", options.header_line, "the header's line (default: found)");
  app->add_option("--batch-size", options.batch_size, "rows a batch (one write each)")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  app->add_option("--link-threshold", options.link_threshold, "link at or above this score (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  app->add_option("--create-threshold", options.create_threshold, "create below this score (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  app->add_flag("-v,--verbose", options.verbose, "print every row's outcome");
  app->add_flag("-q,--quiet", flags->quiet, "no progress bar");
}

int FinishImportFlags(ImportFlags* flags, std::ostream& err) {
  flags->options.progress = !flags->quiet;
  absl::StatusOr<v1::ImportKind> kind = ParseImportKind(flags->kind);
  if (!kind.ok()) {
    err << "renkei-import: " << kind.status().message() << "\n";
    return cli::kExitUsage;
  }
  flags->options.kind = *kind;
  if (!flags->encoding.empty()) {
    absl::StatusOr<Encoding> encoding = ParseEncodingName(flags->encoding);
    if (!encoding.ok()) {
      err << "renkei-import: --encoding: " << encoding.status().message() << "\n";
      return cli::kExitUsage;
    }
    flags->options.encoding = *encoding;
  }
  return 0;
}

}  // namespace renkei::importer
