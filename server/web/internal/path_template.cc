#include "server/web/internal/path_template.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace renkei::web {
namespace {

absl::Status Malformed(absl::string_view text, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("path template \"", text, "\": ", why));
}

bool IsLiteral(absl::string_view piece) {
  return !piece.empty() && piece.find_first_of("{}*=:") == absl::string_view::npos;
}

bool IsFieldPath(absl::string_view path) {
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    if (part.empty() || absl::ascii_isdigit(part[0])) return false;
    for (char c : part) {
      if (!absl::ascii_isalnum(c) && c != '_') return false;
    }
  }
  return true;
}

// Splits `text` at `separator` where it is outside braces.
std::vector<absl::string_view> SplitOutsideBraces(absl::string_view text, char separator) {
  std::vector<absl::string_view> pieces;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') ++depth;
    if (text[i] == '}') --depth;
    if (depth == 0 && text[i] == separator) {
      pieces.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  pieces.push_back(text.substr(start));
  return pieces;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = absl::ascii_tolower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> PercentDecode(absl::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]), low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else if (plus_is_space && text[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

absl::StatusOr<PathTemplate> PathTemplate::Parse(absl::string_view text) {
  PathTemplate parsed;
  parsed.text_ = std::string(text);
  if (!absl::StartsWith(text, "/")) return Malformed(text, "does not start with '/'");
  std::vector<absl::string_view> verb_split = SplitOutsideBraces(text.substr(1), ':');
  if (verb_split.size() > 2) return Malformed(text, "more than one ':'");
  if (verb_split.size() == 2) {
    if (!IsLiteral(verb_split[1])) return Malformed(text, "the verb is not a literal");
    parsed.verb_ = std::string(verb_split[1]);
  }
  for (absl::string_view piece : SplitOutsideBraces(verb_split[0], '/')) {
    const bool variable = piece.size() > 2 && piece.front() == '{' && piece.back() == '}';
    if (!(variable ? parsed.AddVariable(piece.substr(1, piece.size() - 2))
                   : parsed.AddSegment(piece))) {
      return Malformed(text, absl::StrCat("bad segment \"", piece, "\""));
    }
  }
  return parsed;
}

bool PathTemplate::AddSegment(absl::string_view piece) {
  if (!segments_.empty() && segments_.back().kind == Segment::kRest) return false;
  if (piece == "*" || piece == "**") {
    segments_.push_back({piece == "*" ? Segment::kAny : Segment::kRest, ""});
  } else if (IsLiteral(piece)) {
    segments_.push_back({Segment::kLiteral, std::string(piece)});
  } else {
    return false;
  }
  return true;
}

bool PathTemplate::AddVariable(absl::string_view inside) {
  const size_t equals = inside.find('=');
  Variable variable{std::string(inside.substr(0, equals)), segments_.size(), 0};
  if (!IsFieldPath(variable.field_path)) return false;
  const absl::string_view inner =
      equals == absl::string_view::npos ? "*" : inside.substr(equals + 1);
  for (absl::string_view sub : absl::StrSplit(inner, '/')) {
    if (!AddSegment(sub)) return false;
  }
  variable.end = segments_.size();
  variables_.push_back(std::move(variable));
  return true;
}

std::optional<PathBindings> PathTemplate::Match(absl::string_view path) const {
  if (!absl::ConsumePrefix(&path, "/")) return std::nullopt;
  if (!verb_.empty()) {
    if (!absl::ConsumeSuffix(&path, absl::StrCat(":", verb_))) return std::nullopt;
  }
  std::vector<absl::string_view> parts = absl::StrSplit(path, '/');
  // Without a verb in the template, a last segment with ':' is a custom
  // method this template does not have.
  if (verb_.empty() && parts.back().find(':') != absl::string_view::npos) return std::nullopt;
  const bool rest = !segments_.empty() && segments_.back().kind == Segment::kRest;
  const size_t fixed = rest ? segments_.size() - 1 : segments_.size();
  if (rest ? parts.size() < fixed : parts.size() != fixed) return std::nullopt;
  std::vector<std::string> decoded;
  decoded.reserve(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty()) return std::nullopt;
    if (i < fixed && segments_[i].kind == Segment::kLiteral && parts[i] != segments_[i].literal) {
      return std::nullopt;
    }
    std::optional<std::string> part = PercentDecode(parts[i], /*plus_is_space=*/false);
    if (!part.has_value()) return std::nullopt;
    decoded.push_back(std::move(*part));
  }
  PathBindings bindings;
  for (const Variable& variable : variables_) {
    const size_t end = variable.end == segments_.size() ? decoded.size() : variable.end;
    std::vector<std::string> values(decoded.begin() + variable.first, decoded.begin() + end);
    bindings.emplace_back(variable.field_path, absl::StrJoin(values, "/"));
  }
  return bindings;
}

bool PathTemplate::Overlaps(const PathTemplate& other) const {
  if (verb_ != other.verb_) return false;
  const bool rest = !segments_.empty() && segments_.back().kind == Segment::kRest;
  const bool other_rest = !other.segments_.empty() && other.segments_.back().kind == Segment::kRest;
  const size_t fixed = rest ? segments_.size() - 1 : segments_.size();
  const size_t other_fixed = other_rest ? other.segments_.size() - 1 : other.segments_.size();
  if (!rest && !other_rest && fixed != other_fixed) return false;
  if (!rest && other_rest && fixed < other_fixed) return false;
  if (rest && !other_rest && other_fixed < fixed) return false;
  for (size_t i = 0; i < std::min(fixed, other_fixed); ++i) {
    const Segment& a = segments_[i];
    const Segment& b = other.segments_[i];
    if (a.kind == Segment::kLiteral && b.kind == Segment::kLiteral && a.literal != b.literal) {
      return false;
    }
  }
  return true;
}

std::vector<std::string> PathTemplate::FieldPaths() const {
  std::vector<std::string> paths;
  for (const Variable& variable : variables_) paths.push_back(variable.field_path);
  return paths;
}

}  // namespace renkei::web
