#include "server/resolve/resolver.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "absl/hash/hash.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/text/char_class.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

namespace renkei::resolve {
namespace {

// Weights of the evidence, in log-odds (docs/import.md lists them).
constexpr double kPrior = -1.0;
constexpr double kNameEqual = 4.5;
constexpr double kNameCommonCap = 2.5;  // a common name loses up to this much
constexpr double kReadingEqual = 3.5;
constexpr double kNameAbbreviated = 2.0;
constexpr double kNameLostCharacters = 3.0;  // ?橋精密 / 髙橋精密
constexpr double kNameOtherCompany = -4.0;  // ABC電機 / ABC電機サービス
constexpr double kNameLookalike = -5.0;     // 一関精工 / 一関精機
constexpr double kNameDifferent = -6.0;
constexpr double kAddressEqual = 2.5;
constexpr double kAddressNear = 2.0;  // 174 / 174-1
constexpr double kAddressSameArea = 0.5;
constexpr double kAddressOtherArea = -1.0;
constexpr double kAddressOtherCity = -2.0;
constexpr double kPhoneEqual = 3.5;
constexpr double kPhoneShared = 1.5;  // a number several organizations give
constexpr double kPhoneLocalEqual = 3.0;
constexpr double kPhoneDifferent = -1.5;
constexpr double kSitePhoneEqual = 3.0;
constexpr double kRepresentativeEqual = 2.0;
constexpr double kRepresentativeDifferent = -0.5;
constexpr double kSiteManagerEqual = 1.5;

// Blocking buckets bigger than this are too common to find candidates by
// (a name prefix, a shared street).
constexpr size_t kMaxLooseBucket = 64;
constexpr size_t kMaxCandidates = 200;

enum KeyType : char {
  kName = 'n',
  kReading = 'r',
  kCorporate = 'c',
  kPhone = 'p',
  kPhoneLocal = 'l',
  kPlace = 'a',
  kPrefix = 'x',
};

uint64_t KeyHash(KeyType type, absl::string_view value) {
  return absl::Hash<std::pair<char, absl::string_view>>{}({type, value});
}

// The first `points` code points of `key`.
std::string Prefix(absl::string_view key, size_t points) {
  size_t bytes = 0;
  for (size_t i = 0; i < points && bytes < key.size(); ++i) {
    bytes += text::FirstCodePoint(key.substr(bytes)).size();
  }
  return std::string(key.substr(0, bytes));
}

// Code-point edit distance, capped: enough to tell one-character variants.
size_t EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Words that make a longer name another company's: 一関精工 / 一関精工販売.
bool StartsAnotherWord(const std::u32string& longer, size_t at) {
  static const std::vector<std::u32string> kWords = {
      U"サービス", U"販売", U"商事", U"工業", U"興業", U"産業", U"建設", U"ホールディングス",
      U"hd", U"システム", U"テクノ", U"エンジニアリング", U"製作所", U"技研", U"物流",
      U"運輸", U"リース", U"開発", U"電子", U"精密", U"グループ", U"ジャパン", U"東北"};
  for (const std::u32string& word : kWords) {
    if (longer.compare(at, word.size(), word) == 0) return true;
  }
  // A kanji after the shorter name begins a word of its own.
  return text::IsKanji(longer[at]);
}

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

struct Tally {
  double sum = kPrior;
  std::vector<std::string> evidence;
  void Add(double weight, std::string what) {
    sum += weight;
    evidence.push_back(std::move(what));
  }
};

// Compares two addresses; returns the weight and its words.
std::pair<double, std::string> ComparePlaces(const PlaceKey& a, const PlaceKey& b) {
  if (a.empty() || b.empty()) return {0, ""};
  if (!a.city.empty() && !b.city.empty() && a.city != b.city) {
    return {kAddressOtherCity, "市町村が異なる"};
  }
  if (a.area.empty() || b.area.empty()) return {0, ""};
  if (a.area != b.area) return {kAddressOtherArea, "住所が異なる"};
  if (a.number == b.number) return {kAddressEqual, "住所一致"};
  const std::string& shorter = a.number.size() < b.number.size() ? a.number : b.number;
  const std::string& longer = a.number.size() < b.number.size() ? b.number : a.number;
  if (shorter.empty() ||
      (absl::StartsWith(longer, shorter) && longer[shorter.size()] == '-')) {
    return {kAddressNear, "住所ほぼ一致"};
  }
  return {kAddressSameArea, "同じ地区(番地違い)"};
}

}  // namespace

std::vector<uint64_t> Resolver::KeysOf(const Profile& p) const {
  std::vector<uint64_t> keys;
  for (const std::string& name : p.name_keys) {
    if (!name.empty()) keys.push_back(KeyHash(kName, name));
  }
  if (!p.name_keys.empty() && !p.name_keys.front().empty()) {
    keys.push_back(KeyHash(kPrefix, Prefix(p.name_keys.front(), 3)));
  }
  if (!p.reading.empty()) keys.push_back(KeyHash(kReading, p.reading));
  if (!p.kana.empty() && p.kana != p.reading) keys.push_back(KeyHash(kReading, p.kana));
  if (!p.corporate_number.empty()) keys.push_back(KeyHash(kCorporate, p.corporate_number));
  if (!p.phone.empty()) keys.push_back(KeyHash(kPhone, p.phone));
  if (p.phone_local.size() == 6) keys.push_back(KeyHash(kPhoneLocal, p.phone_local));
  for (const SiteProfile& site : p.sites) {
    if (site.phone.size() == 6) keys.push_back(KeyHash(kPhoneLocal, site.phone));
  }
  if (!p.place.area.empty()) {
    keys.push_back(KeyHash(kPlace, absl::StrCat(p.place.city, "|", p.place.area, "|",
                                                p.place.number)));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

void Resolver::Add(uint64_t id, Profile profile) {
  if (profiles_.contains(id)) {
    for (uint64_t key : KeysOf(profiles_[id])) {
      auto it = by_key_.find(key);
      if (it == by_key_.end()) continue;
      std::erase(it->second, id);
      if (it->second.empty()) by_key_.erase(it);
    }
  }
  for (uint64_t key : KeysOf(profile)) by_key_[key].push_back(id);
  profiles_[id] = std::move(profile);
}

void Resolver::Rename(uint64_t from, uint64_t to) {
  auto it = profiles_.find(from);
  if (it == profiles_.end()) return;
  Profile profile = std::move(it->second);
  for (uint64_t key : KeysOf(profile)) {
    auto bucket = by_key_.find(key);
    if (bucket == by_key_.end()) continue;
    std::replace(bucket->second.begin(), bucket->second.end(), from, to);
  }
  profiles_.erase(it);
  profiles_[to] = std::move(profile);
}

const Profile* Resolver::Find(uint64_t id) const {
  auto it = profiles_.find(id);
  return it == profiles_.end() ? nullptr : &it->second;
}

size_t Resolver::Count(uint64_t key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? 0 : it->second.size();
}

std::vector<uint64_t> Resolver::Candidates(const Profile& row) const {
  std::set<uint64_t> found;
  auto take = [&](uint64_t key, bool loose) {
    auto it = by_key_.find(key);
    if (it == by_key_.end() || (loose && it->second.size() > kMaxLooseBucket)) return;
    for (uint64_t id : it->second) {
      if (found.size() >= kMaxCandidates) return;
      found.insert(id);
    }
  };
  if (!row.corporate_number.empty()) take(KeyHash(kCorporate, row.corporate_number), false);
  for (const std::string& name : row.name_keys) {
    if (!name.empty()) take(KeyHash(kName, name), false);
  }
  if (!row.reading.empty()) take(KeyHash(kReading, row.reading), false);
  if (!row.kana.empty()) take(KeyHash(kReading, row.kana), false);
  if (!row.name_keys.empty() && !row.name_keys.front().empty()) {
    take(KeyHash(kPrefix, Prefix(row.name_keys.front(), 3)), true);
  }
  if (!row.phone.empty()) take(KeyHash(kPhone, row.phone), true);
  if (row.phone_local.size() == 6) take(KeyHash(kPhoneLocal, row.phone_local), true);
  if (!row.place.area.empty()) {
    take(KeyHash(kPlace, absl::StrCat(row.place.city, "|", row.place.area, "|", row.place.number)),
         true);
  }
  return {found.begin(), found.end()};
}

namespace {

// A character an export could not write (CP932 has no 𠮷, JIS X 0208 no
// 髙): `?`, or the geta mark.
bool IsLost(char32_t c) { return c == U'?' || c == U'〓'; }

// Whether `a` and `b` are one name where either lost characters: equal
// position by position where neither is lost, with at least two characters
// known for each one lost; a lost character at either end may stand for
// nothing (㈱ → ?).
bool EqualButLostCharacters(const std::u32string& a, const std::u32string& b) {
  if (std::none_of(a.begin(), a.end(), IsLost) && std::none_of(b.begin(), b.end(), IsLost)) {
    return false;
  }
  auto aligned = [](const std::u32string& x, const std::u32string& y) {
    if (x.size() != y.size()) return false;
    size_t known = 0, lost = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      if (IsLost(x[i]) || IsLost(y[i])) {
        ++lost;
      } else if (x[i] == y[i]) {
        ++known;
      } else {
        return false;
      }
    }
    return known >= 2 * lost;
  };
  if (aligned(a, b)) return true;
  auto trimmed = [](std::u32string x) {
    while (!x.empty() && IsLost(x.front())) x.erase(x.begin());
    while (!x.empty() && IsLost(x.back())) x.pop_back();
    return x;
  };
  const std::u32string ta = trimmed(a), tb = trimmed(b);
  return ta.size() >= 2 && (ta != a || tb != b) && aligned(ta, tb);
}

// How two names relate, from the strongest agreement to the strongest
// contradiction.
enum class NameRelation { kUnknown, kEqual, kReading, kAbbreviated, kOtherCompany, kLookalike, kDifferent };

// Adds the evidence of the names to `tally`; `count` tells how many held
// organizations have a name key (a common name weighs less).
NameRelation CompareNames(const Profile& row, const Profile& c,
                          const std::function<size_t(const std::string&)>& count, Tally& tally) {
  const std::string& key = row.name_keys.empty() ? "" : row.name_keys.front();
  bool name_equal = false;
  for (const std::string& other : c.name_keys) name_equal = name_equal || (!key.empty() && other == key);
  const bool reading_equal =
      (!row.reading.empty() && (row.reading == c.reading || row.reading == c.kana)) ||
      (!row.kana.empty() && (row.kana == c.reading || row.kana == c.kana));
  if (name_equal) {
    const double common = std::log2(static_cast<double>(std::max<size_t>(1, count(key))));
    tally.Add(kNameEqual - std::min(kNameCommonCap, common), absl::StrCat("名称一致(", key, ")"));
    return NameRelation::kEqual;
  }
  if (reading_equal) {
    tally.Add(kReadingEqual, "読み一致");
    return NameRelation::kReading;
  }
  if (key.empty() || c.name_keys.empty()) return NameRelation::kUnknown;
  const std::u32string a = text::DecodeUtf8(key), b = text::DecodeUtf8(c.name_keys.front());
  auto has_lost = [](const std::string& name) {
    return name.find('?') != std::string::npos || name.find("〓") != std::string::npos;
  };
  for (const std::string& other : c.name_keys) {
    if (!has_lost(key) && !has_lost(other)) continue;  // the common case: nothing to decode
    if (EqualButLostCharacters(a, text::DecodeUtf8(other))) {
      tally.Add(kNameLostCharacters, absl::StrCat("名称一致(", other, "、文字化けを除く)"));
      return NameRelation::kEqual;
    }
  }
  const std::u32string& shorter = a.size() < b.size() ? a : b;
  const std::u32string& longer = a.size() < b.size() ? b : a;
  const bool prefix = shorter.size() >= 4 && shorter.size() < longer.size() &&
                      std::equal(shorter.begin(), shorter.end(), longer.begin());
  if (prefix && StartsAnotherWord(longer, shorter.size())) {
    tally.Add(kNameOtherCompany, "名称が別会社の形");
    return NameRelation::kOtherCompany;
  }
  if (prefix && text::IsKatakana(longer[shorter.size() - 1]) &&
      text::IsKatakana(longer[shorter.size()])) {
    tally.Add(kNameAbbreviated, "名称の略記");
    return NameRelation::kAbbreviated;
  }
  if (EditDistance(a, b) <= std::max<size_t>(1, shorter.size() / 4)) {
    tally.Add(kNameLookalike, "名称が似て非なる");
    return NameRelation::kLookalike;
  }
  tally.Add(kNameDifferent, "名称不一致");
  return NameRelation::kDifferent;
}

// Whether the address (equal or nearly) and a phone of the candidate's own
// (not one several organizations give) agree.
struct PlaceAgreement {
  bool address = false;
  bool phone = false;
};

// What the address, phone and representative say about one place where the
// candidate is: its site of the row's label, else its head office.
PlaceAgreement ComparePlaceAndContact(const Profile& row, const Profile& c, bool phone_shared, Tally& tally) {
  if (!row.site_label_key.empty()) {
    const SiteProfile* site = nullptr;
    for (const SiteProfile& s : c.sites) {
      if (s.label_key == row.site_label_key) site = &s;
    }
    if (site == nullptr) return {};
    auto [weight, words] = ComparePlaces(row.place, site->place);
    if (weight > 0) tally.Add(weight, absl::StrCat("事業所の", words));
    const bool phone = !row.phone_local.empty() && row.phone_local == site->phone;
    if (phone) tally.Add(kSitePhoneEqual, "事業所の電話一致");
    if (!row.representative.empty() && row.representative == site->manager) {
      tally.Add(kSiteManagerEqual, "事業所長一致");
    }
    return {weight >= kAddressNear, phone};
  }
  auto [weight, words] = ComparePlaces(row.place, c.place);
  if (weight != 0) tally.Add(weight, words);
  bool phone = false;
  if (!row.phone.empty() && row.phone == c.phone) {
    tally.Add(phone_shared ? kPhoneShared : kPhoneEqual, phone_shared ? "電話一致(共有)" : "電話一致");
    phone = !phone_shared;
  } else if (row.phone_local.size() == 6 && row.phone_local == c.phone_local) {
    tally.Add(kPhoneLocalEqual, "電話一致(市外局番なし)");
    phone = true;
  } else if (!row.phone_local.empty() && !c.phone_local.empty()) {
    tally.Add(kPhoneDifferent, "電話が異なる");
  }
  if (!row.representative.empty() && !c.representative.empty()) {
    if (row.representative == c.representative) {
      tally.Add(kRepresentativeEqual, "代表者一致");
    } else {
      tally.Add(kRepresentativeDifferent, "代表者が異なる");
    }
  }
  return {weight >= kAddressNear, phone};
}

}  // namespace

Scored Resolver::Compare(const Profile& row, uint64_t id) const {
  Scored scored;
  scored.id = id;
  const Profile* candidate = Find(id);
  if (candidate == nullptr) return scored;
  const Profile& c = *candidate;
  Tally tally;
  const NameRelation name = CompareNames(
      row, c, [this](const std::string& key) { return Count(KeyHash(kName, key)); }, tally);
  const bool phone_shared = !row.phone.empty() && Count(KeyHash(kPhone, row.phone)) > 1;
  const PlaceAgreement place = ComparePlaceAndContact(row, c, phone_shared, tally);
  scored.score = Logistic(tally.sum);
  scored.evidence = absl::StrJoin(tally.evidence, " ");
  if (name == NameRelation::kDifferent && place.address && place.phone && row.site_label_key.empty() &&
      scored.score < options_.create_threshold) {
    // Another name where the held one is, reached by its own phone: a
    // company renamed since the other list, or another company at its
    // address. Not created silently: a person decides.
    scored.score = options_.create_threshold;
    scored.evidence = absl::StrCat(scored.evidence, " (社名変更か同じ所在地の別会社)");
  }
  if (!row.corporate_number.empty() && !c.corporate_number.empty()) {
    // Names of two companies, or another name with nothing else in common
    // (a parent's number on its subsidiary's row, a number copied wrong).
    const bool name_says_other =
        name == NameRelation::kOtherCompany || name == NameRelation::kLookalike ||
        (name == NameRelation::kDifferent && !place.address && !place.phone);
    WeighCorporateNumbers(row.corporate_number == c.corporate_number, name_says_other,
                          (name == NameRelation::kEqual || name == NameRelation::kReading) &&
                              (place.address || place.phone),
                          &scored);
  }
  return scored;
}

void Resolver::WeighCorporateNumbers(bool equal, bool name_says_other, bool rest_says_same,
                                     Scored* scored) const {
  // Between the thresholds: neither linked nor created, a person decides.
  const double for_a_person = options_.create_threshold;
  scored->same_number = equal;
  if (equal && !name_says_other) {
    scored->decisive = true;
    scored->score = 1.0;
    scored->evidence = "法人番号一致";
  } else if (equal) {  // ABC電機 / ABC電機サービス with one number: a parent's number?
    scored->score = for_a_person;
    scored->evidence = absl::StrCat("法人番号一致 ", scored->evidence, " (名称は別会社を示す)");
  } else if (rest_says_same) {  // a mistyped number, or a parent's on its subsidiary
    scored->score = for_a_person;
    scored->evidence = absl::StrCat("法人番号が異なる ", scored->evidence, " (ほかは一致)");
  } else {
    scored->decisive = true;
    scored->score = 0.0;
    scored->evidence = "法人番号が異なる";
  }
}

Decision Resolver::Resolve(const Profile& row) const {
  Decision decision;
  std::vector<Scored> scored;
  for (uint64_t id : Candidates(row)) scored.push_back(Compare(row, id));
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  if (scored.empty() || scored.front().score < options_.create_threshold) {
    decision.action = Decision::Action::kCreate;
    if (!scored.empty()) {
      decision.score = scored.front().score;
      decision.evidence = scored.front().evidence;
    }
    if (scored.size() > 5) scored.resize(5);
    decision.candidates = std::move(scored);
    return decision;
  }
  const Scored& best = scored.front();
  decision.score = best.score;
  decision.evidence = best.evidence;
  const bool rival = scored.size() > 1 && scored[1].score >= options_.link_threshold &&
                     !(best.decisive && !scored[1].decisive);
  if ((best.decisive && best.score >= 1.0 && !(scored.size() > 1 && scored[1].decisive &&
                                                scored[1].score >= 1.0)) ||
      (best.score >= options_.link_threshold && !rival)) {
    decision.action = Decision::Action::kLink;
    decision.id = best.id;
  } else {
    decision.action = Decision::Action::kAmbiguous;
  }
  // The row's 法人番号 is held by a candidate the names set apart: linking to
  // another would give that organization the number too.
  const bool number_held = std::any_of(scored.begin(), scored.end(),
                                       [](const Scored& s) { return s.same_number; });
  if (decision.action == Decision::Action::kLink && number_held && !best.same_number) {
    decision.action = Decision::Action::kAmbiguous;
    decision.id = 0;
  }
  if (scored.size() > 5) scored.resize(5);
  decision.candidates = std::move(scored);
  return decision;
}

}  // namespace renkei::resolve
