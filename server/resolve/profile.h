// What entity resolution compares of an organization, or of a row that
// describes one: its keys, normalized once (names.h, reading.h).
// Thread-compatible plain data.
#ifndef RENKEI_SERVER_RESOLVE_PROFILE_H_
#define RENKEI_SERVER_RESOLVE_PROFILE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace renkei::v1 {
class Address;
class Organization;
}  // namespace renkei::v1

namespace renkei::resolve {

class Reader;

// An address as compared: city, district and the street folded so that
// 萩荘字高梨南方3番地5 and 萩荘高梨南方3-5 agree, and an address written
// before a merger as today's (東磐井郡千厩町 千厩字石堂 → 一関市
// 千厩町千厩石堂).
struct PlaceKey {
  std::string city;      // 一関市; 平泉町 (without its 郡 or prefecture)
  std::string area;      // the street without its numbers: 萩荘高梨南方
  std::string number;    // 3-5
  bool empty() const { return city.empty() && area.empty(); }
};

PlaceKey PlaceKeyOf(const v1::Address& address);

struct SiteProfile {
  std::string label_key;  // NameKey of the label: 一関工場
  PlaceKey place;
  std::string phone;      // digits
  std::string manager;    // PersonKey
};

struct Profile {
  std::string display_name;      // for reports
  std::string corporate_number;  // 13 digits or ""
  // NameKey of the display name first, then of aliases and former names.
  std::vector<std::string> name_keys;
  std::string reading;  // Reader::Read of the first name key; "" if unknown
  std::string kana;     // the kana field, folded; "" if none
  PlaceKey place;
  std::string phone;          // digits with the area code, or ""
  std::string phone_local;    // the last six digits (a local number as written)
  std::string representative;  // PersonKey
  std::vector<SiteProfile> sites;
  // A row that is a site's (a plant's): its label; then `place`, `phone`
  // and `representative` are the site's.
  std::string site_label_key;
};

// The profile of an organization record, or of a row's organization with
// its site label ("" for the company itself) and the site's head.
// `reader` may be null (no readings).
Profile ProfileOf(const v1::Organization& organization, const Reader* reader,
                  absl::string_view site_label = "", absl::string_view site_manager = "");

}  // namespace renkei::resolve

#endif  // RENKEI_SERVER_RESOLVE_PROFILE_H_
