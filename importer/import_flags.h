// The command line of an import, shared by `renkei-import` and
// `renkei import`: the same options, help and checks in both.
#ifndef RENKEI_IMPORTER_IMPORT_FLAGS_H_
#define RENKEI_IMPORTER_IMPORT_FLAGS_H_

#include <iosfwd>
#include <string>

#include "importer/import_run.h"

namespace CLI {
class App;
}  // namespace CLI

namespace renkei::importer {

// What the options fill in; Finish turns it into ImportOptions.
struct ImportFlags {
  ImportOptions options;
  std::string kind;
  std::string encoding;
  bool quiet = false;
};

// Examples and notes for the end of the help.
extern const char kImportHelpFooter[];

// Adds KIND, FILE and the options to `command` (and --server when
// `with_server`; `renkei` has its own).
void AddImportFlags(CLI::App* command, ImportFlags* flags, bool with_server);

// Checks what the options cannot (the kind, the encoding) and completes
// `flags->options`. Returns 0, or the usage exit code after a line on `err`.
int FinishImportFlags(ImportFlags* flags, std::ostream& err);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_IMPORT_FLAGS_H_
