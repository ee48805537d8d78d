// renkei-import: loads member lists, organization lists, the NTA's 法人番号
// files, and files of people, seeds, needs and collaborations into
// renkei-server, resolving the organizations they name (docs/import.md).
// main() only reads the command line (import_flags.h); import_run.h does the
// work. `renkei import` is the same command inside the renkei client.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>

#include "cli/exit_codes.h"
#include "importer/import_flags.h"
#include "importer/import_run.h"

int main(int argc, char** argv) {
  CLI::App app("renkei-import: load lists into renkei-server, resolving the organizations they name");
  app.footer(renkei::importer::kImportHelpFooter);
  renkei::importer::ImportFlags flags;
  if (const char* server = std::getenv("RENKEI_SERVER"); server != nullptr && *server != '\0') {
    flags.options.connection.server = server;
  }
  renkei::importer::AddImportFlags(&app, &flags, /*with_server=*/true);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : renkei::cli::kExitUsage;
  }
  if (const int code = renkei::importer::FinishImportFlags(&flags, std::cerr); code != 0) return code;
  return renkei::importer::RunImport(flags.options, std::cout, std::cerr);
}
