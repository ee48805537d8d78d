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

// Whether `term` is in `query`: literally, or (long terms, whose `grams`
// are given) by most of its bigrams.
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

bool Occurs(const std::string& term, const std::vector<std::string>& grams,
            absl::string_view query, const std::set<std::string>& query_terms) {
  if (Contains(query, term)) return true;
  if (grams.size() < 3) return false;
  size_t found = 0;
  for (const std::string& gram : grams) found += query_terms.contains(gram);
  return 3 * found >= 2 * grams.size();
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
    Group group{{}, {}, has_equal};
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
  by_first_character_.clear();
  by_gram_.clear();
  for (const auto& entry : terms_) {
    const auto position = static_cast<uint32_t>(ordered_.size());
    ordered_.push_back(&entry);
    by_first_character_[std::string(FirstCodePoint(entry.first))].push_back(position);
    for (const std::string& gram : entry.second.grams) by_gram_[gram].push_back(position);
  }
}

std::vector<Thesaurus::Expansion> Thesaurus::Expand(absl::string_view folded_query) const {
  const std::vector<std::string> query_grams = DistinctTerms(folded_query);
  const std::set<std::string> query_terms(query_grams.begin(), query_grams.end());
  // The terms that may occur: those starting with a character of the query
  // (literally), those sharing a bigram with it (loosely); Occurs decides.
  std::vector<bool> maybe(ordered_.size(), false);
  for (size_t at = 0; at < folded_query.size();) {
    const absl::string_view character = FirstCodePoint(folded_query.substr(at));
    auto found = by_first_character_.find(std::string(character));
    if (found != by_first_character_.end()) {
      for (uint32_t position : found->second) maybe[position] = true;
    }
    at += character.size();
  }
  for (const std::string& gram : query_terms) {
    auto found = by_gram_.find(gram);
    if (found == by_gram_.end()) continue;
    for (uint32_t position : found->second) maybe[position] = true;
  }
  std::map<std::string, Expansion> by_phrase;
  for (size_t position = 0; position < ordered_.size(); ++position) {
    if (!maybe[position]) continue;
    const auto& [term, entry] = *ordered_[position];
    if (!Occurs(term, entry.grams, folded_query, query_terms)) continue;
    for (size_t index : entry.groups) {
      const Group& group = groups_[index];
      const auto own = std::find(group.terms.begin(), group.terms.end(), term);
      const std::string& because = group.displays[own - group.terms.begin()];
      for (size_t i = 0; i < group.terms.size(); ++i) {
        const std::string& other = group.terms[i];
        if (other == term || Contains(folded_query, other)) continue;
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
