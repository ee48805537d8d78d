// The labelled member lists in tests/data/resolve (see its README.md), read
// without the importer so they can check it: file bytes, the number of data
// rows truth.csv gives each list, and the entities' 法人番号.
#ifndef RENKEI_TESTS_IMPORTER_RESOLVE_DATA_H_
#define RENKEI_TESTS_IMPORTER_RESOLVE_DATA_H_

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"

namespace renkei::importer::testing {

inline std::string DataPath(absl::string_view name) {
  return absl::StrCat(RENKEI_RESOLVE_DATA, "/", name);
}

// The bytes of a file ("" when it cannot be read; tests then fail on it).
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::string ReadDataFile(absl::string_view name) { return ReadBytes(DataPath(name)); }

struct TruthRow {
  std::string file;
  int row = 0;
  std::string entity_id;
  std::string site;
};

// truth.csv (plain comma-separated: no field there is quoted).
inline std::vector<TruthRow> Truth() {
  std::vector<TruthRow> rows;
  bool header = true;
  for (absl::string_view line :
       absl::StrSplit(ReadDataFile("truth.csv"), '\n', absl::SkipEmpty())) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cells = absl::StrSplit(line, ',');
    TruthRow row;
    row.file = cells.at(0);
    if (!absl::SimpleAtoi(cells.at(1), &row.row)) row.row = -1;
    row.entity_id = cells.at(2);
    row.site = cells.size() > 3 ? cells[3] : "";
    rows.push_back(row);
  }
  return rows;
}

// file → the data rows truth.csv lists for it, in order.
inline std::map<std::string, std::vector<int>> TruthRowsByFile() {
  std::map<std::string, std::vector<int>> rows;
  for (const TruthRow& row : Truth()) rows[row.file].push_back(row.row);
  return rows;
}

// entity_id → 法人番号 ("" when it has none), from entities.tsv.
inline std::map<std::string, std::string> EntityCorporateNumbers() {
  std::map<std::string, std::string> numbers;
  bool header = true;
  for (absl::string_view line :
       absl::StrSplit(ReadDataFile("entities.tsv"), '\n', absl::SkipEmpty())) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cells = absl::StrSplit(line, '\t');
    numbers[cells.at(0)] = cells.at(3);
  }
  return numbers;
}

// The delivered CSV lists (the JSON Lines file is separate).
inline const std::vector<std::string>& CsvFiles() {
  static const auto* const files = new std::vector<std::string>{
      "cci_kogyo_bukai.csv",    "ryoban_plaza.csv",      "iwate_semicon.csv",
      "senmaya_kogyo_club.csv", "kennan_tech_sanjo.csv", "ryoban_shinko_h16.csv",
  };
  return *files;
}

}  // namespace renkei::importer::testing

#endif  // RENKEI_TESTS_IMPORTER_RESOLVE_DATA_H_
