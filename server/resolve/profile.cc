#include "server/resolve/profile.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
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

}  // namespace

PlaceKey PlaceKeyOf(const v1::Address& address) {
  PlaceKey key;
  key.city = text::NormalizeText(address.city());
  std::string street = text::NormalizeText(address.street());
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
