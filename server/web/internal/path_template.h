// A google.api.http path template ("/v1/{name=networks/*/memberships/*}",
// "/v1/{need=needs/*}:suggest") parsed once, and matched against request
// paths. The grammar (google/api/http.proto):
//
//   Template = "/" Segments [ Verb ] ;
//   Segments = Segment { "/" Segment } ;
//   Segment  = "*" | "**" | LITERAL | Variable ;
//   Variable = "{" FieldPath [ "=" Segments ] "}" ;
//   Verb     = ":" LITERAL ;
//
// "**" is accepted only as the last segment. A variable without "=" binds one
// segment. Immutable after Parse, so thread-safe.
#ifndef RENKEI_SERVER_WEB_INTERNAL_PATH_TEMPLATE_H_
#define RENKEI_SERVER_WEB_INTERNAL_PATH_TEMPLATE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace renkei::web {

// A field path bound by a variable and the value it took from the path
// ("organization.name", "organizations/7"), percent-decoded.
using PathBindings = std::vector<std::pair<std::string, std::string>>;

class PathTemplate {
 public:
  static absl::StatusOr<PathTemplate> Parse(absl::string_view text);

  // The variables' bindings when `path` (percent-encoded, without the query)
  // matches; nullopt when it does not.
  std::optional<PathBindings> Match(absl::string_view path) const;

  // Whether some path matches both templates.
  bool Overlaps(const PathTemplate& other) const;

  // The template as written.
  const std::string& text() const { return text_; }
  // The field paths of the variables, in order.
  std::vector<std::string> FieldPaths() const;

 private:
  struct Segment {
    enum Kind { kLiteral, kAny, kRest } kind;  // LITERAL, "*", "**"
    std::string literal;
  };
  struct Variable {
    std::string field_path;
    size_t first;  // segments [first, end) ; end == segments.size() for "**"
    size_t end;
  };

  // Parse's steps: false when the piece is malformed.
  bool AddSegment(absl::string_view piece);
  bool AddVariable(absl::string_view inside);  // between the braces

  std::string text_;
  std::vector<Segment> segments_;
  std::vector<Variable> variables_;
  std::string verb_;  // "" when none
};

// `text` with %XX decoded; nullopt for a malformed escape. With
// `plus_is_space`, '+' becomes ' ' (query strings).
std::optional<std::string> PercentDecode(absl::string_view text, bool plus_is_space);

}  // namespace renkei::web

#endif  // RENKEI_SERVER_WEB_INTERNAL_PATH_TEMPLATE_H_
