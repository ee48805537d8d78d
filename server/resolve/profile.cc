#include "server/resolve/profile.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "renkei/v1/organization.pb.h"
#include "server/resolve/names.h"
#include "server/resolve/reading.h"
#include "server/text/normalize.h"

namespace renkei::resolve {
namespace {

std::string Digits(absl::string_view text) {
  std::string digits;
  for (char c : text) {
    if (absl::ascii_isdigit(c)) digits.push_back(c);
  }
  return digits;
}

std::string LastDigits(const std::string& digits, size_t n) {
  return digits.size() <= n ? digits : digits.substr(digits.size() - n);
}

bool IsNumberChar(char c) { return absl::ascii_isdigit(c) || c == '-'; }

// Municipalities merged into 一関市 (2005; 藤沢町 2011), as addresses written
// before name them, and how their street is written today.
struct MergedTown {
  absl::string_view county;  // 東磐井郡
  absl::string_view name;    // 川崎村
  absl::string_view today;   // 川崎町
};
constexpr MergedTown kMergedIntoIchinoseki[] = {
    {"西磐井郡", "花泉町", "花泉町"}, {"東磐井郡", "大東町", "大東町"},
    {"東磐井郡", "千厩町", "千厩町"}, {"東磐井郡", "東山町", "東山町"},
    {"東磐井郡", "川崎村", "川崎町"}, {"東磐井郡", "室根村", "室根町"},
    {"東磐井郡", "藤沢町", "藤沢町"},
};

// The city as compared (NormalizeText'ed): without a prefecture written in
// front or a 郡 (西磐井郡平泉町 → 平泉町), a town merged into 一関市 as
// 一関市; `street_prefix` receives how such a town's street begins today.
std::string CityKey(absl::string_view normalized_city, std::string* street_prefix) {
  absl::string_view city = normalized_city;
  const size_t ken = city.find("県");
  if (ken != absl::string_view::npos && ken > 0 && ken + 3 < city.size()) {
    city.remove_prefix(ken + 3);
  }
  for (absl::string_view prefecture : {"東京都", "京都府", "大阪府", "北海道"}) {
    if (city.size() > prefecture.size()) absl::ConsumePrefix(&city, prefecture);
  }
  absl::string_view county;
  const size_t gun = city.find("郡");
  if (gun != absl::string_view::npos && gun > 0 && gun + 3 < city.size()) {
    county = city.substr(0, gun + 3);
    city.remove_prefix(gun + 3);
  }
  for (const MergedTown& town : kMergedIntoIchinoseki) {
    if (city == town.name && (county.empty() || county == town.county)) {
      *street_prefix = std::string(town.today);
      return "一関市";
    }
  }
  return std::string(city);
}

}  // namespace

PlaceKey PlaceKeyOf(const v1::Address& address) {
  PlaceKey key;
  std::string street_prefix;
  key.city = CityKey(text::NormalizeText(address.city()), &street_prefix);
  std::string street = text::NormalizeText(address.street());
  // 東磐井郡千厩町 千厩字石堂 is today 一関市 千厩町千厩字石堂.
  if (!street_prefix.empty() && !street.empty() && !absl::StartsWith(street, street_prefix)) {
    street = absl::StrCat(street_prefix, street);
  }
  // Lot and block words become hyphens; 字 and 大字 go.
  street = absl::StrReplaceAll(street, {{"大字", ""}, {"字", ""}, {"番地ノ", "-"}, {"番地", "-"},
                                        {"丁目", "-"}, {"地割", "-"}, {"番ノ", "-"},
                                        {"番", "-"}, {"号", "-"}});
  // "の" between digits: 12の3.
  std::string folded;
  for (size_t i = 0; i < street.size(); ++i) {
    if (street.compare(i, 3, "ノ") == 0 && i > 0 && absl::ascii_isdigit(street[i - 1]) &&
        i + 3 < street.size() && absl::ascii_isdigit(street[i + 3])) {
      folded.push_back('-');
      i += 2;
      continue;
    }
    folded.push_back(street[i]);
  }
  // The area is the text before the first number; the number runs from there.
  size_t first = folded.size();
  for (size_t i = 0; i < folded.size(); ++i) {
    if (absl::ascii_isdigit(folded[i])) {
      first = i;
      break;
    }
  }
  key.area = folded.substr(0, first);
  std::string number;
  for (size_t i = first; i < folded.size() && IsNumberChar(folded[i]); ++i) {
    if (folded[i] == '-' && (number.empty() || number.back() == '-')) continue;
    number.push_back(folded[i]);
  }
  while (!number.empty() && number.back() == '-') number.pop_back();
  key.number = number;
  // A district written where the city has none (一関市 千厩町…) stays in area.
  return key;
}

Profile ProfileOf(const v1::Organization& organization, const Reader* reader,
                  absl::string_view site_label, absl::string_view site_manager) {
  Profile profile;
  profile.display_name = organization.display_name();
  profile.corporate_number = organization.corporate_number();
  profile.name_keys.push_back(NameKey(organization.display_name()));
  for (const std::string& alias : organization.aliases()) profile.name_keys.push_back(NameKey(alias));
  for (const std::string& former : organization.former_names()) {
    profile.name_keys.push_back(NameKey(former));
  }
  if (reader != nullptr) profile.reading = reader->Read(profile.name_keys.front());
  if (!organization.kana().empty()) profile.kana = FoldReading(NameKey(organization.kana()));
  profile.place = PlaceKeyOf(organization.address());
  const std::string phone = Digits(organization.contact().phone());
  if (phone.size() >= 10) profile.phone = phone;
  profile.phone_local = LastDigits(phone, 6);
  profile.representative = PersonKey(organization.representative());
  for (const v1::Site& site : organization.sites()) {
    SiteProfile s;
    s.label_key = NameKey(site.display_name());
    s.place = PlaceKeyOf(site.address());
    s.phone = LastDigits(Digits(site.phone()), 6);
    s.manager = PersonKey(site.manager());
    profile.sites.push_back(std::move(s));
  }
  if (!site_label.empty()) {
    profile.site_label_key = NameKey(site_label);
    if (!site_manager.empty()) profile.representative = PersonKey(site_manager);
  }
  return profile;
}

}  // namespace renkei::resolve
