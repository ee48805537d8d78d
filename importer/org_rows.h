// Rows that describe organizations (member lists, the 製造業データベース,
// the NTA's 法人番号 files) turned into the ImportRow the server resolves.
//
// The values are parsed here (values.h) so that a bad cell is reported at its
// file, line and column before anything is sent; the server compares and
// merges. What a cell becomes:
//   name            organization.display_name, as written (the server reads
//                   the legal form and a plant's label out of it)
//   kana            organization.kana
//   corporate_number  organization.corporate_number when valid. Excel's
//                   scientific notation (digits lost), a wrong check digit or
//                   a wrong length leave it unset with a note: a typo is no
//                   evidence either way.
//   address, city, postal_code  organization.address: kanji lot numbers
//                   turned into digits, split into prefecture, city, district
//                   and street; a separate 市町村 column is put in front of
//                   an address that has no municipality.
//   phone, fax      contact.phone/fax, hyphenated; a local number without an
//                   area code gets the code of the row's city (一関市 0191 …)
//   representative, representative_title (a title written in the name cell,
//                   代表取締役　小野寺 茂樹, is set apart), industry (values.h SplitList), url,
//   email, employees (名, 人, commas), capital (円, 千円, 万円, 億円)
//   site            row.site_label (a plant's label in a column of its own)
//   member_no       membership.external_ids {networks/N/member-no, value}
//   role            membership.role (会長, 副会長, 理事, 幹事, 監事, 会員,
//                   賛助会員, 顧問, 事務局) and role_label when it says more
//   joined          membership.since (和暦 or 西暦; 年度 → April 1)
#ifndef RENKEI_IMPORTER_ORG_ROWS_H_
#define RENKEI_IMPORTER_ORG_ROWS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "importer/nta_reader.h"
#include "importer/problem.h"
#include "importer/row_source.h"
#include "renkei/v1/import.pb.h"

namespace renkei::importer {

struct OrgRowOptions {
  // Members: the network, `networks/{id}`; its member numbers are kept as
  // external ids with the source "networks/{id}/member-no".
  std::string network;
};

struct Converted {
  v1::ImportRow row;
  // Cells that make the row invalid: nothing of the file is written while
  // any row has one (unless the user skips invalid rows).
  std::vector<Problem> problems;
  // Cells that were left out, with why (法人番号 4.402E+12: digits lost).
  std::vector<Problem> notes;
};

// One row of a member list or organization list.
Converted ConvertOrganizationRow(const MappedRow& row, const OrgRowOptions& options);

// One row of an NTA file: the corporation as the registry states it.
Converted ConvertCorporateRecord(const CorporateRecord& record, int number);

// The telephone area code of a municipality of the region ("0191" for
// 一関市 and 平泉町), or "" when it is not known.
absl::string_view AreaCodeOf(absl::string_view city);

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_ORG_ROWS_H_
