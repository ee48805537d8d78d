#include "server/text/thesaurus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "server/text/normalize.h"
#include "server/text/tokenize.h"
#include "server/text/utf8.h"

namespace renkei::text {
namespace {

constexpr size_t kMinTerms = 2;
constexpr size_t kMaxTerms = 12;
constexpr size_t kFuzzyMinCharacters = 5;

// Whether `term` occurs in `text`; a term that starts or ends with a Latin
// letter or digit only as a word there (AI in "AI 検査", not in "email").
bool Contains(absl::string_view text, absl::string_view term) {
  const bool latin_start = absl::ascii_isalnum(static_cast<unsigned char>(term.front()));
  const bool latin_end = absl::ascii_isalnum(static_cast<unsigned char>(term.back()));
  for (size_t at = text.find(term); at != absl::string_view::npos; at = text.find(term, at + 1)) {
    const size_t end = at + term.size();
    const bool starts = !latin_start || at == 0 ||
                        !absl::ascii_isalnum(static_cast<unsigned char>(text[at - 1]));
    const bool ends = !latin_end || end == text.size() ||
                      !absl::ascii_isalnum(static_cast<unsigned char>(text[end]));
    if (starts && ends) return true;
  }
  return false;
}

// The first two code points of `text` (all of it when shorter).
absl::string_view Prefix(absl::string_view text) {
  const size_t first = FirstCodePoint(text).size();
  return text.substr(0, first + FirstCodePoint(text.substr(first)).size());
}

}  // namespace

std::unique_ptr<Thesaurus> Thesaurus::Empty() { return std::unique_ptr<Thesaurus>(new Thesaurus()); }

absl::StatusOr<std::unique_ptr<Thesaurus>> Thesaurus::Parse(absl::string_view text,
                                                           const std::string& name) {
  std::unique_ptr<Thesaurus> thesaurus(new Thesaurus());
  absl::Status status = thesaurus->AddFile(text, name);
  if (!status.ok()) return status;
  thesaurus->BuildIndex();
  return thesaurus;
}

absl::StatusOr<std::unique_ptr<Thesaurus>> Thesaurus::LoadDirectory(const std::string& directory) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  if (error) {
    return absl::NotFoundError(absl::StrCat("cannot read the thesaurus directory ", directory,
                                            ": ", error.message()));
  }
  std::sort(files.begin(), files.end());
  std::unique_ptr<Thesaurus> thesaurus(new Thesaurus());
  for (const auto& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    absl::Status status = thesaurus->AddFile(content.str(), path.filename().string());
    if (!status.ok()) return status;
  }
  thesaurus->BuildIndex();
  return thesaurus;
}

absl::Status Thesaurus::AddFile(absl::string_view text, const std::string& name) {
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = line.substr(0, line.find('#'));
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    const bool has_equal = line.find('=') != absl::string_view::npos;
    const bool has_tilde = line.find('~') != absl::string_view::npos;
    const std::string where = absl::StrCat(name, ":", line_number, ": ");
    if (has_equal == has_tilde) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, has_equal ? "a line uses either '=' or '~', not both"
                           : "expected terms separated by '=' (same) or '~' (related)"));
    }
    Group group{{}, {}, has_equal, {}};
    std::set<std::string> seen;
    size_t written = 0;
    for (absl::string_view raw : absl::StrSplit(line, has_equal ? '=' : '~')) {
      raw = absl::StripAsciiWhitespace(raw);
      if (raw.empty()) return absl::InvalidArgumentError(absl::StrCat(where, "an empty term"));
      ++written;
      std::string term = FoldKana(NormalizeForSearch(raw));
      if (!term.empty() && seen.insert(term).second) {
        group.terms.push_back(std::move(term));
        group.displays.emplace_back(raw);
      }
    }
    if (written < kMinTerms || written > kMaxTerms) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, "a group has ", kMinTerms, " to ", kMaxTerms, " terms"));
    }
    // Spellings that normalize alike (センサ = センサー) need no group.
    if (group.terms.size() < kMinTerms) continue;
    const size_t index = groups_.size();
    for (const std::string& term : group.terms) {
      Term& entry = terms_[term];
      entry.groups.push_back(index);
      // Only Japanese terms are matched loosely: a Latin part ("Ni-P") is
      // a word of its own, and half its letters are not half the term.
      const bool latin = std::any_of(term.begin(), term.end(),
                                     [](char c) { return absl::ascii_isalnum(c); });
      if (entry.grams.empty() && !latin && CodePointCount(term) >= kFuzzyMinCharacters) {
        entry.grams = DistinctTerms(term);
      }
    }
    groups_.push_back(std::move(group));
  }
  return absl::OkStatus();
}

void Thesaurus::BuildIndex() {
  ordered_.clear();
  by_prefix_.clear();
  by_gram_.clear();
  absl::flat_hash_map<absl::string_view, uint32_t> positions;
  for (const auto& entry : terms_) {
    const auto position = static_cast<uint32_t>(ordered_.size());
    ordered_.push_back(&entry);
    positions[entry.first] = position;
    by_prefix_[std::string(Prefix(entry.first))].push_back(position);
    for (const std::string& gram : entry.second.grams) by_gram_[gram].push_back(position);
  }
  for (Group& group : groups_) {
    group.positions.clear();
    for (const std::string& term : group.terms) group.positions.push_back(positions.at(term));
  }
}

std::vector<Thesaurus::Expansion> Thesaurus::Expand(absl::string_view folded_query) const {
  // The terms that may occur literally: those whose first two characters
  // (or only one) stand somewhere in the query; Contains decides.
  std::vector<bool> literal(ordered_.size(), false);
  auto mark = [&](absl::string_view prefix) {
    auto found = by_prefix_.find(prefix);
    if (found == by_prefix_.end()) return;
    for (uint32_t position : found->second) literal[position] = true;
  };
  for (size_t at = 0; at < folded_query.size();) {
    const absl::string_view rest = folded_query.substr(at);
    const size_t first = FirstCodePoint(rest).size();
    mark(rest.substr(0, first));
    if (first < rest.size()) mark(Prefix(rest));
    at += first;
  }
  // Loosely: how many of each long term's (distinct) bigrams the query has.
  std::vector<uint16_t> shared(ordered_.size(), 0);
  for (const std::string& gram : DistinctTerms(folded_query)) {
    auto found = by_gram_.find(gram);
    if (found == by_gram_.end()) continue;
    for (uint32_t position : found->second) ++shared[position];
  }
  std::map<std::string, Expansion> by_phrase;
  for (size_t position = 0; position < ordered_.size(); ++position) {
    const auto& [term, entry] = *ordered_[position];
    const bool loose = entry.grams.size() >= 3 &&
                       3 * static_cast<size_t>(shared[position]) >= 2 * entry.grams.size();
    if (!loose && !(literal[position] && Contains(folded_query, term))) continue;
    for (size_t index : entry.groups) {
      const Group& group = groups_[index];
      const auto own = std::find(group.terms.begin(), group.terms.end(), term);
      const std::string& because = group.displays[own - group.terms.begin()];
      for (size_t i = 0; i < group.terms.size(); ++i) {
        const std::string& other = group.terms[i];
        if (other == term || (literal[group.positions[i]] && Contains(folded_query, other))) {
          continue;
        }
        Expansion expansion{other, term, group.displays[i], because, group.equivalent};
        auto [it, inserted] = by_phrase.emplace(other, expansion);
        if (!inserted && group.equivalent && !it->second.equivalent) it->second = expansion;
      }
    }
  }
  std::vector<Expansion> expansions;
  for (auto& [phrase, expansion] : by_phrase) expansions.push_back(std::move(expansion));
  return expansions;
}

}  // namespace renkei::text
