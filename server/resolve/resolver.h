// Entity resolution: is this row the same legal entity as an organization
// already known? Rules (docs/import.md):
//   - a valid, equal 法人番号 decides (links), unless the names say another
//     company (ABC電機 / ABC電機サービス: a parent's number on its
//     subsidiary) or differ with neither address nor phone agreeing; two valid, different ones decide the other way, unless
//     the name and the address or an own phone all agree (a mistyped
//     number). Those two contradictions are left to a person;
//   - otherwise name, reading, address, phone and representative each add
//     evidence for or against, weighed by how common the value is among the
//     known organizations; the sum becomes a score in 0..1;
//   - link at or above Options::link_threshold, create below
//     Options::create_threshold; between, or when two candidates both pass,
//     the row is ambiguous and a person decides.
//
// The resolver keeps the profiles of the organizations it may link to in
// memory, indexed by blocking keys (name, reading, kana, phone, 法人番号,
// address, a name prefix). The caller adds the organizations held and those
// an import creates. Not thread-safe.
#ifndef RENKEI_SERVER_RESOLVE_RESOLVER_H_
#define RENKEI_SERVER_RESOLVE_RESOLVER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/resolve/profile.h"

namespace renkei::resolve {

struct Scored {
  uint64_t id = 0;
  double score = 0;      // 0..1
  std::string evidence;  // "名称一致(一関精工) 住所一致 電話一致"
  bool decisive = false;  // the 法人番号 decided
  bool same_number = false;  // both have one 法人番号 (decisive or not)
};

struct Decision {
  enum class Action { kLink, kCreate, kAmbiguous };
  Action action = Action::kCreate;
  uint64_t id = 0;  // kLink: the organization
  double score = 0;  // the best candidate's (0 when none)
  std::string evidence;
  std::vector<Scored> candidates;  // best first, at most 5
};

class Resolver {
 public:
  struct Options {
    double link_threshold = 0.85;
    double create_threshold = 0.5;
  };
  explicit Resolver(const Options& options) : options_(options) {}

  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // Adds the profile of organization `id`, or replaces it (its keys too).
  void Add(uint64_t id, Profile profile);
  // Moves `from`'s profile to `to` (an organization created in this import
  // got its real id).
  void Rename(uint64_t from, uint64_t to);
  const Profile* Find(uint64_t id) const;
  size_t size() const { return profiles_.size(); }
  const Options& options() const { return options_; }

  // Compares `row` with the candidates its keys find.
  Decision Resolve(const Profile& row) const;

  // The score of `row` against organization `id` (for a person's decision).
  Scored Compare(const Profile& row, uint64_t id) const;

 private:
  // The 法人番号 on both sides (docs/import.md): equal links alone unless the
  // names say another company; different refuses alone unless name and
  // place or phone all agree. The two contradictions go to a person: the
  // score becomes Options::create_threshold, the evidence says why.
  void WeighCorporateNumbers(bool equal, bool name_says_other, bool rest_says_same,
                             Scored* scored) const;

  std::vector<uint64_t> Candidates(const Profile& row) const;
  std::vector<uint64_t> KeysOf(const Profile& profile) const;
  size_t Count(uint64_t key) const;

  const Options options_;
  absl::flat_hash_map<uint64_t, Profile> profiles_;
  absl::flat_hash_map<uint64_t, std::vector<uint64_t>> by_key_;  // key hash → ids
};

}  // namespace renkei::resolve

#endif  // RENKEI_SERVER_RESOLVE_RESOLVER_H_
