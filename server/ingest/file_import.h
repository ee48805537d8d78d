// An import of a whole file sent in one request (ImportService.ImportFile,
// the web's 取込 page): the file is read exactly as renkei-import reads it
// (importer/file_rows.h: encodings, layouts, the column mapping, the checks of
// each row), then its rows are resolved and written by a Session in batches,
// as Import's streamed rows are.
#ifndef RENKEI_SERVER_INGEST_FILE_IMPORT_H_
#define RENKEI_SERVER_INGEST_FILE_IMPORT_H_

#include "absl/status/statusor.h"
#include "renkei/v1/import.pb.h"
#include "server/store/actor.h"

namespace renkei::store {
class Store;
}  // namespace renkei::store

namespace renkei::resolve {
class Reader;
}  // namespace renkei::resolve

namespace renkei::ingest {

class ProfileCache;

// Reads `request.content` as `request.file_name` says and imports it as
// `actor`. INVALID_ARGUMENT naming the field for a request without a file
// or kind; FAILED_PRECONDITION (listing the first problems) when rows are
// invalid and the request neither is a dry run nor skips them: nothing is
// written then. `reader` and `profiles` may be null. Not thread-safe with
// other imports (the import service runs one at a time).
absl::StatusOr<v1::ImportFileResponse> ImportFile(store::Store* store,
                                                  const resolve::Reader* reader,
                                                  ProfileCache* profiles,
                                                  const v1::ImportFileRequest& request,
                                                  const store::Actor& actor);

}  // namespace renkei::ingest

#endif  // RENKEI_SERVER_INGEST_FILE_IMPORT_H_
