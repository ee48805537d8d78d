// What a file is, by its first bytes, before it is read as a table: a file
// that is not a table (a PDF, an image, an old Office file, binary data)
// is refused with a sentence that says what it is and what to do.
// Thread-safe.
#ifndef RENKEI_IMPORTER_FILE_KIND_H_
#define RENKEI_IMPORTER_FILE_KIND_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace renkei::importer {

// OK when `bytes` may be a table (text, or a zip that may be a workbook);
// INVALID_ARGUMENT saying what they are otherwise:
//   %PDF                     a PDF document
//   PNG, JPEG, GIF, TIFF     an image
//   D0 CF 11 E0 (OLE2)       an Excel 97–2003 workbook (.xls) or another old
//                            Office file
//   NUL bytes near the start binary data (UTF-16 text with its byte-order
//                            mark is text)
absl::Status CheckIsTable(absl::string_view bytes);

// The delimiter of text a name does not settle (.txt, Excel's 「Unicode
// テキスト」): tab when the first lines have more tabs than commas.
char SniffDelimiter(absl::string_view utf8);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_FILE_KIND_H_
