#include "importer/org_rows.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "importer/values.h"
#include "server/resolve/names.h"
#include "server/text/normalize.h"

namespace renkei::importer {
namespace {

struct AreaCode {
  absl::string_view city;
  absl::string_view code;
};
// The municipalities of the region and their area codes (総務省 市外局番の一覧).
constexpr AreaCode kAreaCodes[] = {
    {"一関市", "0191"},         {"西磐井郡平泉町", "0191"}, {"奥州市", "0197"},
    {"北上市", "0197"},         {"胆沢郡金ケ崎町", "0197"}, {"花巻市", "0198"},
    {"遠野市", "0198"},         {"盛岡市", "019"},          {"大船渡市", "0192"},
    {"陸前高田市", "0192"},     {"釜石市", "0193"},         {"宮古市", "0193"},
    {"栗原市", "0228"},         {"登米市", "0220"},         {"気仙沼市", "0226"},
    {"気仙郡住田町", "0197"},
};

// Adds problems and notes at one cell of a row.
class Cells {
 public:
  Cells(const MappedRow& row, Converted* out) : row_(row), out_(out) {}
  const std::string& operator[](Field f) const { return row_.value(f); }
  void Problem(Field f, std::string message) {
    out_->problems.push_back({row_.line, row_.column(f), Described(f, std::move(message))});
  }
  void Note(Field f, std::string message) {
    out_->notes.push_back({row_.line, row_.column(f), Described(f, std::move(message))});
  }

 private:
  std::string Described(Field f, std::string message) const {
    return absl::StrCat(FieldName(f), " 「", row_.value(f), "」: ", message);
  }
  const MappedRow& row_;
  Converted* out_;
};

// "120名", "約1,200人", "１２０" → 120.
std::optional<int64_t> ParseCount(absl::string_view text) {
  std::string s = text::NormalizeText(text);
  s = absl::StrReplaceAll(s, {{",", ""}, {"約", ""}});
  absl::string_view v = s;
  for (absl::string_view unit : {"名", "人"}) absl::ConsumeSuffix(&v, unit);
  int64_t n = 0;
  if (!absl::SimpleAtoi(v, &n) || n < 0) return std::nullopt;
  return n;
}

// "1,000万円", "3億", "10,000千円", "5000000" (yen) → yen.
std::optional<int64_t> ParseYen(absl::string_view text) {
  std::string s = text::NormalizeText(text);
  s = absl::StrReplaceAll(s, {{",", ""}, {"約", ""}});
  absl::string_view v = s;
  absl::ConsumeSuffix(&v, "円");
  double unit = 1;
  if (absl::ConsumeSuffix(&v, "千")) {
    unit = 1e3;
  } else if (absl::ConsumeSuffix(&v, "百万")) {
    unit = 1e6;
  } else if (absl::ConsumeSuffix(&v, "万")) {
    unit = 1e4;
  } else if (absl::ConsumeSuffix(&v, "億")) {
    unit = 1e8;
  }
  // "1億5000万"
  double total = 0;
  if (size_t oku = v.find("億"); oku != absl::string_view::npos) {
    double high = 0;
    if (!absl::SimpleAtod(v.substr(0, oku), &high)) return std::nullopt;
    total += high * 1e8;
    v = v.substr(oku + std::string("億").size());
    if (v.empty()) return static_cast<int64_t>(std::llround(total));
  }
  double value = 0;
  if (!absl::SimpleAtod(v, &value) || value < 0 || !std::isfinite(value)) return std::nullopt;
  total += value * unit;
  if (total > 9e15) return std::nullopt;
  return static_cast<int64_t>(std::llround(total));
}

struct RoleWord {
  absl::string_view word;
  v1::MemberRole role;
};
// Looked for in this order: 副会長 before 会長, 賛助会員 before 会員.
constexpr RoleWord kRoleWords[] = {
    {"副会長", v1::MEMBER_ROLE_VICE_PRESIDENT}, {"会長", v1::MEMBER_ROLE_PRESIDENT},
    {"理事", v1::MEMBER_ROLE_DIRECTOR},         {"幹事", v1::MEMBER_ROLE_SECRETARY},
    {"監事", v1::MEMBER_ROLE_AUDITOR},          {"顧問", v1::MEMBER_ROLE_ADVISOR},
    {"事務局", v1::MEMBER_ROLE_SECRETARIAT},    {"賛助", v1::MEMBER_ROLE_SUPPORTING_MEMBER},
    {"会員", v1::MEMBER_ROLE_MEMBER},
};

void SetRole(absl::string_view written, v1::Membership* membership) {
  const std::string role = text::NormalizeText(written);
  for (const RoleWord& w : kRoleWords) {
    // 部会長 and 会長代行 are not the 会長: they keep their words, as members.
    const bool exact = role == w.word;
    const bool inside = absl::StrContains(role, w.word) &&
                        w.role != v1::MEMBER_ROLE_PRESIDENT;
    if (exact || inside) {
      membership->set_role(w.role);
      if (!exact) membership->set_role_label(std::string(written));
      return;
    }
  }
  membership->set_role(v1::MEMBER_ROLE_MEMBER);
  membership->set_role_label(std::string(written));
}

v1::Address AddressOf(absl::string_view written, absl::string_view city_column,
                      absl::string_view postal_code) {
  std::string text = ConvertKanjiNumerals(written);
  AddressParts parts = SplitAddress(text);
  if (parts.city.empty() && !city_column.empty()) {
    parts = SplitAddress(absl::StrCat(city_column, text));
  }
  v1::Address address;
  address.set_postal_code(parts.postal_code.empty() ? std::string(postal_code) : parts.postal_code);
  address.set_prefecture(parts.prefecture);
  address.set_city(parts.city);
  address.set_district(parts.district);
  address.set_street(parts.rest);
  return address;
}

// Sets `*out` to the formatted number; a local number gets the area code of
// `city`. Returns false (with a problem) when the cell is not a number.
bool SetPhone(Cells& cells, Field field, absl::string_view city, std::string* out) {
  const std::string& written = cells[field];
  if (written.empty()) return true;
  absl::StatusOr<Phone> phone = ParsePhone(written);
  if (absl::IsNotFound(phone.status())) return true;
  if (!phone.ok()) {
    cells.Problem(field, std::string(phone.status().message()));
    return false;
  }
  if (phone->missing_area_code) {
    const absl::string_view code = AreaCodeOf(city);
    if (code.empty()) {
      cells.Note(field, "a local number and the row's town has no known area code; left out");
      return true;
    }
    absl::StatusOr<Phone> full = WithAreaCode(*phone, code);
    if (!full.ok()) {
      cells.Problem(field, std::string(full.status().message()));
      return false;
    }
    *phone = *std::move(full);
  }
  *out = phone->formatted;
  return true;
}

}  // namespace

absl::string_view AreaCodeOf(absl::string_view city) {
  for (const AreaCode& a : kAreaCodes) {
    if (a.city == city) return a.code;
  }
  return "";
}

Converted ConvertOrganizationRow(const MappedRow& written, const OrgRowOptions& options) {
  // A cell may hold line breaks (an address and a remark under it): every
  // field here is one line.
  MappedRow row = written;
  for (std::string& value : row.values) {
    if (value.find_first_of("\r\n") == std::string::npos) continue;
    value = absl::StrReplaceAll(value, {{"\r\n", " "}, {"\n", " "}, {"\r", " "}});
  }
  Converted out;
  out.row.set_row(row.number);
  out.problems = row.problems;
  Cells cells(row, &out);
  v1::Organization& org = *out.row.mutable_organization();

  if (cells[Field::kName].empty()) {
    out.problems.push_back({row.line, row.column(Field::kName),
                            absl::StrCat(FieldName(Field::kName), ": is empty")});
  }
  org.set_display_name(cells[Field::kName]);
  // ｲﾁﾉｾｷｾｲｺｳ and いちのせきせいこう are kept as イチノセキセイコウ.
  org.set_kana(text::NormalizeText(cells[Field::kKana]));
  if (!cells[Field::kCorporateNumber].empty()) {
    absl::StatusOr<std::string> number = ParseCorporateNumber(cells[Field::kCorporateNumber]);
    if (number.ok()) {
      org.set_corporate_number(*number);
    } else if (!absl::IsNotFound(number.status())) {
      cells.Note(Field::kCorporateNumber,
                 absl::IsDataLoss(number.status())
                     ? std::string(number.status().message())
                     : absl::StrCat(number.status().message(), "; treated as missing"));
    }
  }
  if (!cells[Field::kAddress].empty() || !cells[Field::kCity].empty()) {
    *org.mutable_address() =
        AddressOf(cells[Field::kAddress], cells[Field::kCity], cells[Field::kPostalCode]);
  } else if (!cells[Field::kPostalCode].empty()) {
    org.mutable_address()->set_postal_code(cells[Field::kPostalCode]);
  }
  const std::string city = org.address().city();
  std::string phone, fax;
  SetPhone(cells, Field::kPhone, city, &phone);
  SetPhone(cells, Field::kFax, city, &fax);
  if (!phone.empty()) org.mutable_contact()->set_phone(phone);
  if (!fax.empty()) org.mutable_contact()->set_fax(fax);
  if (!cells[Field::kUrl].empty()) org.mutable_contact()->set_url(cells[Field::kUrl]);
  if (!cells[Field::kEmail].empty()) org.mutable_contact()->set_email(cells[Field::kEmail]);
  // The name as written (NFKC: 小野寺　茂樹 → 小野寺 茂樹), and a title
  // written in its cell ("代表取締役　小野寺 茂樹") set apart.
  org.set_representative(resolve::PersonName(cells[Field::kRepresentative]));
  org.set_representative_title(cells[Field::kRepresentativeTitle]);
  if (org.representative_title().empty()) {
    org.set_representative_title(resolve::PersonTitle(cells[Field::kRepresentative]));
  }
  for (std::string& industry : SplitList(cells[Field::kIndustry], /*slash=*/true)) {
    org.add_industries(std::move(industry));
  }
  if (!cells[Field::kEmployees].empty()) {
    std::optional<int64_t> n = ParseCount(cells[Field::kEmployees]);
    if (!n.has_value() || *n > 10'000'000) {
      cells.Problem(Field::kEmployees, "is not a number of people");
    } else {
      org.set_employees(static_cast<int32_t>(*n));
    }
  }
  if (!cells[Field::kCapital].empty()) {
    std::optional<int64_t> yen = ParseYen(cells[Field::kCapital]);
    if (!yen.has_value()) {
      cells.Problem(Field::kCapital, "is not an amount (1000万円, 3億円, 10,000千円, 5000000)");
    } else {
      org.set_capital_yen(*yen);
    }
  }
  out.row.set_site_label(cells[Field::kSite]);

  // The membership, for member lists.
  v1::Membership& membership = *out.row.mutable_membership();
  if (!cells[Field::kMemberNo].empty() && !options.network.empty()) {
    v1::ExternalId* id = membership.add_external_ids();
    id->set_source(absl::StrCat(options.network, "/member-no"));
    id->set_value(text::NormalizeText(cells[Field::kMemberNo]));
  }
  if (!cells[Field::kRole].empty()) SetRole(cells[Field::kRole], &membership);
  if (!cells[Field::kJoined].empty()) {
    absl::StatusOr<YearValue> year = ParseYear(cells[Field::kJoined]);
    if (!year.ok()) {
      cells.Problem(Field::kJoined, std::string(year.status().message()));
    } else {
      v1::Date* since = membership.mutable_since();
      since->set_year(year->year);
      since->set_month(year->month != 0 ? year->month : (year->fiscal ? 4 : 0));
      since->set_day(year->day != 0 ? year->day : (year->fiscal && year->month == 0 ? 1 : 0));
    }
  }
  return out;
}

Converted ConvertCorporateRecord(const CorporateRecord& record, int number) {
  Converted out;
  out.row.set_row(number);
  v1::Organization& org = *out.row.mutable_organization();
  org.set_corporate_number(record.corporate_number);
  org.set_display_name(record.name);
  org.set_kana(record.kana);
  if (!record.city.empty() || !record.street.empty()) {
    std::string postal;
    if (record.postal_code.size() == 7) {
      postal = absl::StrCat(record.postal_code.substr(0, 3), "-", record.postal_code.substr(3));
    }
    *org.mutable_address() =
        AddressOf(absl::StrCat(record.prefecture, record.city, record.street), "", postal);
  }
  if (record.name.empty()) {
    out.problems.push_back({record.line, 0, "商号又は名称 is empty (published as an image only)"});
  }
  return out;
}

}  // namespace renkei::importer
