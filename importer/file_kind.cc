#include "importer/file_kind.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace renkei::importer {
namespace {

constexpr size_t kSniffBytes = 4096;

constexpr char kSaveAs[] = ": export the list as .xlsx or CSV and import that";

}  // namespace

absl::Status CheckIsTable(absl::string_view bytes) {
  if (absl::StartsWith(bytes, "%PDF")) {
    return absl::InvalidArgumentError(absl::StrCat("a PDF document, not a table", kSaveAs));
  }
  for (absl::string_view image : {absl::string_view("\x89PNG"), absl::string_view("\xFF\xD8\xFF"),
                                  absl::string_view("GIF8"), absl::string_view("II*\0", 4),
                                  absl::string_view("MM\0*", 4)}) {
    if (absl::StartsWith(bytes, image)) {
      return absl::InvalidArgumentError(
          "an image, not a table: a scanned list has to be typed in (or read by OCR) first");
    }
  }
  if (absl::StartsWith(bytes, absl::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
    return absl::InvalidArgumentError(
        "an Excel 97–2003 workbook (.xls) or another old Office file: open it in Excel and save "
        "it as .xlsx (Excel ブック) or CSV");
  }
  const bool utf16 = absl::StartsWith(bytes, "\xFF\xFE") || absl::StartsWith(bytes, "\xFE\xFF");
  const bool zip = absl::StartsWith(bytes, "PK");
  if (!utf16 && !zip && bytes.substr(0, kSniffBytes).find('\0') != absl::string_view::npos) {
    return absl::InvalidArgumentError("binary data, not a table (CSV, TSV, .xlsx or JSON Lines)");
  }
  return absl::OkStatus();
}

char SniffDelimiter(absl::string_view utf8) {
  const absl::string_view head = utf8.substr(0, kSniffBytes);
  const auto tabs = std::count(head.begin(), head.end(), '\t');
  const auto commas = std::count(head.begin(), head.end(), ',');
  return tabs > commas ? '\t' : ',';
}

}  // namespace renkei::importer
