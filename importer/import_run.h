// One run of renkei-import: read a file, check every row, send the rows to
// renkei-server's ImportService, and write what happened (docs/import.md).
//
//   1. Open the file (encoding, layout, column mapping) and print the
//      mapping chosen.
//   2. Check every row: values parsed (values.h) and the record validated
//      as the server will. Problems are listed with file, line and column.
//      Unless skip_invalid, any problem means nothing is written (exit 4).
//      Files of people, seeds, needs and collaborations are also checked by
//      the server (a dry run: their organizations must resolve).
//   3. Stream the rows in batches; write the report, the review file (rows
//      left ambiguous) and, with skip_invalid, the rejected rows.
//   4. Print the summary.
#ifndef RENKEI_IMPORTER_IMPORT_RUN_H_
#define RENKEI_IMPORTER_IMPORT_RUN_H_

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "importer/encoding.h"
#include "cli/client.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

struct ImportOptions {
  v1::ImportKind kind = v1::IMPORT_KIND_UNSPECIFIED;
  std::string file;
  cli::ConnectionOptions connection;  // the server, TLS and the token
  std::string network;      // members: networks/N, N or the network's name
  std::string source;       // default: the file's base name
  std::string source_list;  // members: the list the memberships come from and sync
                            // replaces; default `source`
  std::string id_source;    // record kinds: the source of a 番号 column; default: the file's stem
  bool dry_run = false;
  bool sync = false;
  bool yes = false;  // --yes: sync may end more than a third of the members
  bool skip_invalid = false;
  std::string report;        // --report FILE
  std::string review;        // --review FILE: decisions to apply
  std::string review_out;    // where ambiguous rows go; default NAME.review.csv
  std::string rejected_out;  // --skip-invalid: default NAME.rejected.csv
  std::vector<std::string> maps;  // --map column=field
  std::string mapping_file;
  std::optional<Encoding> encoding;
  std::string sheet;  // .xlsx: the sheet, by name or number; "" = the first
  int header_line = 0;
  int batch_size = 1000;
  double link_threshold = 0;    // 0: the server's default
  double create_threshold = 0;  // 0: the server's default
  bool progress = true;  // a progress bar when stderr is a terminal
  bool verbose = false;  // every row's outcome on stdout (dry runs: all but linked)
};

// "members" … "registry" → the kind; INVALID_ARGUMENT listing them.
absl::StatusOr<v1::ImportKind> ParseImportKind(absl::string_view word);
absl::string_view ImportKindWord(v1::ImportKind kind);

// Runs the import; messages go to `out` (mapping, summary) and `err`
// (problems). Returns the exit code (cli/exit_codes.h): 0 done, 2 usage,
// 3 a file or the network not found, 4 invalid rows (nothing written unless
// skip_invalid), 5 sync held back (it asks for `yes`, or for `source_list`),
// 7 server unavailable, 1 anything else.
int RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_IMPORT_RUN_H_
