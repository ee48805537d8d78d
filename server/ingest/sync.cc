#include "server/ingest/sync.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

namespace renkei::ingest {
namespace {

// Memberships sync may end without a confirmation: up to a third of the
// network's current members.
constexpr int64_t kConfirmAboveOneIn = 3;

// At most this many rows or lists named in one message.
constexpr size_t kNamedInMessage = 5;

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsSeparator(char32_t c) { return c == '-' || c == '_' || c == '.' || c == '/'; }

bool At(const std::u32string& s, size_t i, std::u32string_view word) {
  return s.compare(i, word.size(), word) == 0;
}

// The length of an era word at `i` (令和, R …) followed by a year, or 0.
size_t EraAt(const std::u32string& s, size_t i) {
  for (std::u32string_view era : {U"令和", U"平成", U"昭和"}) {
    if (At(s, i, era)) return era.size();
  }
  const bool letter = s[i] == 'r' || s[i] == 'h' || s[i] == 's';
  const bool alone = i == 0 || !(s[i - 1] >= 'a' && s[i - 1] <= 'z');
  return letter && alone && i + 1 < s.size() && IsDigit(s[i + 1]) ? 1 : 0;
}

// The end of a year or date starting at `i`, or `i` when none starts there.
size_t DateEnd(const std::u32string& s, size_t i) {
  size_t j = i + EraAt(s, i);
  if (j >= s.size() || !(IsDigit(s[j]) || (j > i && s[j] == U'元'))) return i;
  for (;;) {
    while (j < s.size() && (IsDigit(s[j]) || s[j] == U'元')) ++j;
    for (std::u32string_view unit : {U"年度", U"年", U"月", U"日", U"度"}) {
      if (At(s, j, unit)) {
        j += unit.size();
        break;
      }
    }
    if (j < s.size() && IsDigit(s[j])) continue;  // 2026年4月
    if (j + 1 < s.size() && IsSeparator(s[j]) && IsDigit(s[j + 1])) {
      ++j;  // 2026-04-01
      continue;
    }
    return j;
  }
}

std::string RowsWords(const std::vector<int64_t>& rows) {
  std::vector<std::string> named;
  for (size_t i = 0; i < rows.size() && i < kNamedInMessage; ++i) named.push_back(absl::StrCat(rows[i]));
  return absl::StrCat(rows.size() == 1 ? "row " : "rows ", absl::StrJoin(named, ", "),
                      rows.size() > kNamedInMessage ? " …" : "");
}

}  // namespace

std::string YearlessName(absl::string_view name) {
  const std::u32string s = text::DecodeUtf8(text::NormalizeText(name));
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t end = DateEnd(s, i);
    if (end > i) {
      out.push_back('#');
      i = end;
    } else {
      text::AppendUtf8(s[i++], &out);
    }
  }
  return out;
}

std::vector<RenamedList> ListsRenamedFrom(
    absl::string_view list, const absl::flat_hash_map<uint64_t, v1::Membership>& memberships) {
  std::map<std::string, int> current;  // source list → current members
  for (const auto& [organization, membership] : memberships) {
    if (!membership.has_until()) ++current[membership.source_list()];
  }
  std::vector<RenamedList> renamed;
  if (current.contains(std::string(list))) return renamed;
  const std::string key = YearlessName(list);
  if (key.find('#') == std::string::npos) return renamed;
  for (const auto& [name, members] : current) {
    if (!name.empty() && YearlessName(name) == key) renamed.push_back({name, members});
  }
  return renamed;
}

SyncDecision DecideSync(const SyncFacts& facts) {
  SyncDecision decision;
  if (facts.rows == 0) {
    decision.skipped = true;
    decision.message = absl::StrCat(
        "the list has no data rows; a list that lost every member is more likely a broken file, "
        "so sync ended nothing");
    return decision;
  }
  if (!facts.unknown_rejected_rows.empty()) {
    decision.skipped = true;
    decision.message = absl::StrCat(
        RowsWords(facts.unknown_rejected_rows),
        " could not be read and name no organization the server can tell: each may be a member "
        "still on the list, so sync ended nothing. Fix them and run again");
    return decision;
  }
  int64_t current = 0;
  int64_t from_list = 0;
  std::vector<const v1::Membership*> candidates;
  for (const auto& [organization, membership] : *facts.memberships) {
    if (membership.has_until()) continue;
    ++current;
    if (membership.source_list() != facts.list) continue;
    ++from_list;
    if (facts.listed->contains(organization) || facts.maybe_listed->contains(organization)) continue;
    candidates.push_back(&membership);
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const v1::Membership* a, const v1::Membership* b) { return a->name() < b->name(); });
  if (facts.held_before == 0) {
    decision.message = absl::StrCat("no current membership of ", facts.network,
                                    " came from the list 「", facts.list,
                                    "」 before this import: nothing to end");
    return decision;
  }
  if (candidates.empty()) {
    decision.message = absl::StrCat("every current member from the list 「", facts.list,
                                    "」 is still on it: nothing to end");
    return decision;
  }
  if (!facts.confirmed && static_cast<int64_t>(candidates.size()) * kConfirmAboveOneIn > current) {
    for (const v1::Membership* m : candidates) decision.held_back.push_back(m->name());
    decision.message = absl::StrCat(
        "the list no longer has ", candidates.size(), " of the ", current, " current members of ",
        facts.network,
        " (more than a third), so sync ended nothing: if they really left, run again with --yes");
    return decision;
  }
  decision.to_end = std::move(candidates);
  decision.message =
      absl::StrCat("ended ", decision.to_end.size(), " of the ", from_list,
                   " current memberships from the list 「", facts.list, "」 that it no longer has");
  return decision;
}

}  // namespace renkei::ingest
