// Excel workbooks (.xlsx, Office Open XML) read directly: one sheet's cells
// as text, as the workbook stores them (docs/import.md, "Reading the file").
//
//   - The zip is read with libzip, the XML with expat, from bytes in memory.
//   - The sheet is the first visible one, or the one named (or numbered
//     from 1) by `sheet`.
//   - Shared strings (rich text runs joined; furigana runs <rPh> left out),
//     inline strings, formula results, booleans (TRUE / FALSE) and numbers
//     as stored: an integer stored as a number is written with all its
//     digits (a 法人番号 8402501099001 stays 13 digits, where a CSV export
//     would show 8.40E+12), other numbers as the workbook writes them; a
//     date stays Excel's serial number (ParseYear reads 5-digit serials).
//   - A cell merged over several rows gives its value to each of those rows
//     (a company written once beside its two plants); one merged across
//     columns (a title over the table) stays in its first cell.
//   - Rows are numbered as Excel numbers them, from 1, with empty rows for
//     the rows the sheet does not store.
//
// Errors (INVALID_ARGUMENT) say what the file is when it is not a workbook:
// a zip without xl/workbook.xml (an OpenDocument spreadsheet, a Word
// document, another archive), a damaged zip or XML, a sheet that is not
// there (naming the sheets). Limits guard against damaged or hostile files:
// each part at most 512 MiB unpacked, 1,048,576 rows and 16,384 columns
// (Excel's own), 50 million cells.
//
// ReadXlsx takes bytes and nothing else: a fuzzer can call it directly.
// Thread-safe.
#ifndef RENKEI_IMPORTER_XLSX_READER_H_
#define RENKEI_IMPORTER_XLSX_READER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace renkei::importer {

struct Sheet {
  std::string name;                      // as its tab shows it
  std::vector<std::string> sheet_names;  // every sheet of the workbook, in tab order
  // Row i is Excel's row i + 1; cells from column A, without empty cells at
  // the right.
  std::vector<std::vector<std::string>> rows;
};

// Whether `bytes` start like a zip archive (an .xlsx is one).
bool LooksLikeZip(absl::string_view bytes);

// The sheet `sheet` ("" for the first visible sheet; a name, or a number
// from 1) of the workbook in `bytes`.
absl::StatusOr<Sheet> ReadXlsx(absl::string_view bytes, absl::string_view sheet);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_XLSX_READER_H_
