#include "importer/org_rows.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "importer/internal/trim.h"
#include "importer/values.h"
#include "server/resolve/names.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

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

// The message of a parser's error without the value it quotes (the problem
// shows the value already): `phone "0191-23" has 6 digits` → `phone has 6
// digits`.
std::string Unquoted(absl::string_view message) {
  const size_t open = message.find(" \"");
  if (open == absl::string_view::npos) return std::string(message);
  const size_t close = message.find('"', open + 2);
  if (close == absl::string_view::npos) return std::string(message);
  return absl::StrCat(message.substr(0, open), message.substr(close + 1));
}

// Adds problems and notes at one cell of a row, in the one form of
// problem.h (line, column, header, value).
class Cells {
 public:
  Cells(const MappedRow& row, Converted* out) : row_(row), out_(out) {}
  const std::string& operator[](Field f) const { return row_.value(f); }
  void Problem(Field f, std::string message) {
    out_->problems.push_back(At(f, std::move(message)));
  }
  void Note(Field f, std::string message) { out_->notes.push_back(At(f, std::move(message))); }

 private:
  importer::Problem At(Field f, std::string message) const {
    return {row_.line, row_.column(f), std::move(message), row_.HeaderOf(f), row_.value(f)};
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

// Whether `text` has letters, kana or kanji (not only marks and digits).
bool HasWords(absl::string_view text) {
  for (char32_t c : text::DecodeUtf8(text)) {
    if (c >= 0x3040 || (c < 0x80 && absl::ascii_isalpha(static_cast<unsigned char>(c)))) {
      if (c == U'ー' || c == U'－' || c == U'―' || c == U'‐' || c == U'　') continue;
      return true;
    }
  }
  return false;
}

// The formatted number of a phone or FAX cell ("" when there is none or it
// cannot be read, with a note): a local number gets the area code of `city`;
// a number Excel lost the leading 0 of gets it back.
std::string PhoneOf(Cells& cells, Field field, absl::string_view city) {
  const std::string& written = cells[field];
  if (written.empty()) return "";
  absl::StatusOr<Phone> phone = ParsePhone(written);
  if (!phone.ok()) {
    if (std::optional<Phone> restored = RestoreDroppedZero(written)) {
      cells.Note(field, absl::StrCat("Excel dropped the leading 0; read as ", restored->formatted));
      return restored->formatted;
    }
    const bool none = absl::IsNotFound(phone.status()) && !HasWords(written);
    if (none) return "";  // －, ―: written as missing
    const std::string why = absl::IsNotFound(phone.status())
                                ? std::string("not a phone number")
                                : Unquoted(phone.status().message());
    cells.Note(field, absl::StrCat(why, "; left out"));
    return "";
  }
  if (phone->missing_area_code) {
    const absl::string_view code = AreaCodeOf(city);
    if (code.empty()) {
      cells.Note(field, "a local number and the row's town has no known area code; left out");
      return "";
    }
    absl::StatusOr<Phone> full = WithAreaCode(*phone, code);
    if (!full.ok()) {
      cells.Note(field, absl::StrCat(Unquoted(full.status().message()), "; left out"));
      return "";
    }
    *phone = *std::move(full);
  }
  return phone->formatted;
}

// The postal code as 021-0041; "" (with a note) when it cannot be read: it
// does not identify the organization, so the row is imported without it.
std::string PostalCodeOf(Cells& cells) {
  const std::string& written = cells[Field::kPostalCode];
  absl::StatusOr<PostalCode> code = ParsePostalCode(written);
  if (absl::IsNotFound(code.status())) return "";
  if (!code.ok()) {
    cells.Note(Field::kPostalCode, absl::StrCat(Unquoted(code.status().message()), "; left out"));
    return "";
  }
  if (code->restored) {
    cells.Note(Field::kPostalCode,
               absl::StrCat("Excel dropped the leading 0; read as ", code->formatted));
  }
  return code->formatted;
}

// The name without the marks lists put before officers' names (◎会長 ○副会長).
std::string Unmarked(const std::string& name) {
  absl::string_view n = name;
  bool stripped = true;
  while (stripped) {
    stripped = false;
    for (absl::string_view mark : {"◎", "○", "〇", "●", "☆", "★", "△", "▲", "・", "＊", "*"}) {
      stripped = absl::ConsumePrefix(&n, mark) || stripped;
    }
    n = internal::Trim(n);
  }
  return std::string(n);
}

// Whether `name` says more than a legal form and marks (株式会社, －).
bool IsUsableName(absl::string_view name) {
  const std::string key = text::NormalizeText(name);
  for (absl::string_view form : {"株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)",
                                 "(有)", "(同)", "一般社団法人", "一般財団法人"}) {
    if (key == form) return false;
  }
  return HasWords(key) || std::any_of(key.begin(), key.end(), [](char c) {
           return absl::ascii_isalnum(static_cast<unsigned char>(c));
         });
}

// A usable name: something besides a legal form and marks.
void SetName(Cells& cells, v1::Organization* org) {
  const std::string name = Unmarked(cells[Field::kName]);
  if (name.empty()) {
    cells.Problem(Field::kName, "name is empty: a row without a name cannot be imported");
  } else if (!IsUsableName(name)) {
    cells.Problem(Field::kName, "the name has nothing but a legal form or marks");
  }
  org->set_display_name(name);
  // ｲﾁﾉｾｷｾｲｺｳ and いちのせきせいこう are kept as イチノセキセイコウ.
  org->set_kana(text::NormalizeText(cells[Field::kKana]));
}

void SetCorporateNumber(Cells& cells, v1::Organization* org) {
  if (cells[Field::kCorporateNumber].empty()) return;
  absl::StatusOr<std::string> number = ParseCorporateNumber(cells[Field::kCorporateNumber]);
  if (number.ok()) {
    org->set_corporate_number(*number);
  } else if (!absl::IsNotFound(number.status())) {
    const std::string why = Unquoted(number.status().message());
    cells.Note(Field::kCorporateNumber,
               absl::IsDataLoss(number.status()) ? why : absl::StrCat(why, "; treated as missing"));
  }
}

void SetAddressAndContact(Cells& cells, v1::Organization* org) {
  const std::string postal_code = PostalCodeOf(cells);
  if (!cells[Field::kAddress].empty() || !cells[Field::kCity].empty()) {
    *org->mutable_address() = AddressOf(cells[Field::kAddress], cells[Field::kCity], postal_code);
  } else if (!postal_code.empty()) {
    org->mutable_address()->set_postal_code(postal_code);
  }
  const std::string city = org->address().city();
  const std::string phone = PhoneOf(cells, Field::kPhone, city);
  if (!phone.empty()) org->mutable_contact()->set_phone(phone);
  const std::string fax = PhoneOf(cells, Field::kFax, city);
  if (!fax.empty()) org->mutable_contact()->set_fax(fax);
  if (!cells[Field::kUrl].empty()) org->mutable_contact()->set_url(cells[Field::kUrl]);
  if (!cells[Field::kEmail].empty()) org->mutable_contact()->set_email(cells[Field::kEmail]);
}

void SetPeople(Cells& cells, v1::Organization* org) {
  // The name as written (NFKC: 小野寺　茂樹 → 小野寺 茂樹), and a title
  // written in its cell ("代表取締役　小野寺 茂樹") set apart.
  org->set_representative(resolve::PersonName(cells[Field::kRepresentative]));
  org->set_representative_title(cells[Field::kRepresentativeTitle]);
  if (org->representative_title().empty()) {
    org->set_representative_title(resolve::PersonTitle(cells[Field::kRepresentative]));
  }
  for (std::string& industry : SplitList(cells[Field::kIndustry], /*slash=*/true)) {
    org->add_industries(std::move(industry));
  }
}

// Sets `*date` from a year or date cell; a note (and nothing set) when it
// cannot be read.
void SetDate(Cells& cells, Field field, v1::Date* date) {
  if (cells[field].empty()) return;
  absl::StatusOr<YearValue> year = ParseYear(cells[field]);
  if (!year.ok()) {
    if (!absl::IsNotFound(year.status())) {
      cells.Note(field, absl::StrCat(Unquoted(year.status().message()), "; left out"));
    }
    return;
  }
  date->set_year(year->year);
  date->set_month(year->month != 0 ? year->month : (year->fiscal ? 4 : 0));
  date->set_day(year->day != 0 ? year->day : (year->fiscal && year->month == 0 ? 1 : 0));
}

// Employees, capital, founded: a value that cannot be read is noted and
// left out (they do not identify the organization).
void SetFigures(Cells& cells, v1::Organization* org) {
  if (!cells[Field::kEmployees].empty()) {
    std::optional<int64_t> n = ParseCount(cells[Field::kEmployees]);
    if (!n.has_value() || *n > 10'000'000) {
      cells.Note(Field::kEmployees, "not a number of people; left out");
    } else {
      org->set_employees(static_cast<int32_t>(*n));
    }
  }
  if (!cells[Field::kCapital].empty()) {
    std::optional<int64_t> yen = ParseYen(cells[Field::kCapital]);
    if (!yen.has_value()) {
      cells.Note(Field::kCapital, "not an amount (1000万円, 3億円, 10,000千円, 5000000); left out");
    } else {
      org->set_capital_yen(*yen);
    }
  }
  v1::Date founded;
  SetDate(cells, Field::kFounded, &founded);
  if (founded.year() != 0) *org->mutable_founded() = founded;
}

// A site column's label; "" for the head office itself (本社, 本店), and
// without the company's name when the cell repeats it.
std::string SiteLabelOf(const std::string& site, const std::string& company) {
  const std::string label = text::NormalizeText(site);
  if (label == "本社" || label == "本店" || label == "本社事務所") return "";
  const std::string company_key = resolve::NameKey(company);
  if (!company_key.empty() && absl::StartsWith(resolve::NameKey(site), company_key)) {
    const resolve::NameParts parts = resolve::SplitSite(site, "");
    return parts.site_label;
  }
  return site;
}

void SetMembership(Cells& cells, const MappedRow& row, const OrgRowOptions& options,
                   v1::Membership* membership) {
  if (!cells[Field::kMemberNo].empty() && !options.network.empty()) {
    v1::ExternalId* id = membership->add_external_ids();
    id->set_source(absl::StrCat(options.network, "/member-no"));
    id->set_value(text::NormalizeText(cells[Field::kMemberNo]));
  }
  if (!cells[Field::kRole].empty()) {
    SetRole(cells[Field::kRole], membership);
  } else if (!row.section.empty()) {
    SetRole(row.section, membership);  // the heading above the row: 【賛助会員】
  }
  v1::Date since;
  SetDate(cells, Field::kJoined, &since);
  if (since.year() != 0) *membership->mutable_since() = since;
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
  SetName(cells, &org);
  SetCorporateNumber(cells, &org);
  SetAddressAndContact(cells, &org);
  SetPeople(cells, &org);
  SetFigures(cells, &org);
  out.row.set_site_label(SiteLabelOf(cells[Field::kSite], cells[Field::kName]));
  SetMembership(cells, row, options, out.row.mutable_membership());
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
