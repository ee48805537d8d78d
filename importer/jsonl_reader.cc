#include "importer/jsonl_reader.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/text/utf8.h"

namespace renkei::importer {
namespace {

constexpr int kMaxDepth = 64;

// Parses one line as a JSON object (RFC 8259).
class LineParser {
 public:
  explicit LineParser(absl::string_view line) : line_(line) {}

  // Fills `members`; on a syntax error returns false and sets error().
  bool ParseObjectLine(std::vector<std::pair<std::string, JsonValue>>* members) {
    SkipSpace();
    if (!Expect('{', "a JSON object starting with '{'")) return false;
    if (!ParseMembers(0, members)) return false;
    SkipSpace();
    if (pos_ < line_.size()) {
      return Fail("text after the end of the object (one object per line)");
    }
    return true;
  }

  const std::string& error() const { return error_; }
  int error_column() const { return ColumnAt(error_pos_); }

 private:
  char Peek() const { return pos_ < line_.size() ? line_[pos_] : '\0'; }

  void SkipSpace() {
    while (pos_ < line_.size() &&
           (line_[pos_] == ' ' || line_[pos_] == '\t' || line_[pos_] == '\r')) {
      ++pos_;
    }
  }

  int ColumnAt(size_t pos) const {
    int column = 1;
    const auto* s = reinterpret_cast<const uint8_t*>(line_.data());
    for (size_t i = 0; i < pos && i < line_.size(); ++i) {
      if (!U8_IS_TRAIL(s[i])) ++column;
    }
    return column;
  }

  bool Fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_pos_ = pos_;
    }
    return false;
  }

  bool Expect(char c, absl::string_view what) {
    if (Peek() == c) {
      ++pos_;
      return true;
    }
    if (pos_ >= line_.size()) {
      return Fail(absl::StrCat("expected ", what, " but the line ended"));
    }
    return Fail(absl::StrCat("expected ", what));
  }

  bool ParseHex4(uint32_t* out) {
    if (pos_ + 4 > line_.size()) return Fail("\\u needs four hex digits");
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = line_[pos_ + static_cast<size_t>(i)];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return Fail("\\u needs four hex digits");
      }
    }
    pos_ += 4;
    *out = value;
    return true;
  }

  // REQUIRES: Peek() == '"'.
  bool ParseString(std::string* out) {
    const size_t open = pos_;
    ++pos_;
    for (;;) {
      if (pos_ >= line_.size()) {
        pos_ = open;
        return Fail("string is not closed before the end of the line");
      }
      const char c = line_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Fail(
            "control character inside a string (write it as \\t, "
            "\\n …)");
      }
      if (c != '\\') {
        out->push_back(c);
        ++pos_;
        continue;
      }
      const size_t escape = pos_;
      ++pos_;
      const char e = Peek();
      ++pos_;
      switch (e) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t unit;
          if (!ParseHex4(&unit)) return false;
          UChar32 code_point = static_cast<UChar32>(unit);
          if (U16_IS_LEAD(unit)) {
            uint32_t trail = 0;
            const bool has_trail = line_.substr(pos_, 2) == "\\u";
            if (has_trail) pos_ += 2;
            if (!has_trail || !ParseHex4(&trail) || !U16_IS_TRAIL(trail)) {
              error_.clear();
              pos_ = escape;
              return Fail("a \\u surrogate pair is incomplete");
            }
            code_point = U16_GET_SUPPLEMENTARY(unit, trail);
          } else if (U16_IS_TRAIL(unit)) {
            pos_ = escape;
            return Fail("a \\u surrogate pair is incomplete");
          }
          text::AppendUtf8(static_cast<char32_t>(code_point), out);
          break;
        }
        default:
          pos_ = escape;
          return Fail("unknown escape in a string");
      }
    }
  }

  bool ParseNumber(std::string* out) {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < line_.size() && absl::ascii_isdigit(static_cast<unsigned char>(line_[pos_]))) {
        ++pos_;
      }
      return pos_ - from;
    };
    if (Peek() == '-') ++pos_;
    if (Peek() == '0') {
      ++pos_;
    } else if (digits() == 0) {
      pos_ = start;
      return Fail(
          "expected a value (string, number, true, false, null, "
          "array or object)");
    }
    if (Peek() == '.') {
      ++pos_;
      if (digits() == 0) return Fail("expected digits after '.'");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (digits() == 0) return Fail("expected digits in the exponent");
    }
    *out = std::string(line_.substr(start, pos_ - start));
    return true;
  }

  bool ParseLiteral(absl::string_view word) {
    if (line_.substr(pos_, word.size()) != word) {
      return Fail(
          "expected a value (string, number, true, false, null, "
          "array or object)");
    }
    pos_ += word.size();
    return true;
  }

  // The members of an object at `depth` (0: the line's), after its '{',
  // up to and including its '}'. With `members` (the line's object) they
  // are kept, and a key given twice is an error, since a field can have one
  // value only; a nested object is kept as its text, so its keys are not.
  bool ParseMembers(int depth, std::vector<std::pair<std::string, JsonValue>>* members) {
    absl::flat_hash_set<std::string> keys;
    SkipSpace();
    if (Peek() == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      SkipSpace();
      const size_t key_pos = pos_;
      if (Peek() != '"') return Fail("expected a key in double quotes");
      std::string key;
      if (!ParseString(&key)) return false;
      if (members != nullptr && !keys.insert(key).second) {
        pos_ = key_pos;
        return Fail(absl::StrCat("key \"", key, "\" appears twice"));
      }
      SkipSpace();
      if (!Expect(':', "':' after the key")) return false;
      SkipSpace();
      JsonValue value;
      if (!ParseValue(&value, depth + 1)) return false;
      if (members != nullptr) members->emplace_back(std::move(key), std::move(value));
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      return Expect('}', "',' or '}'");
    }
  }

  bool ParseValue(JsonValue* value, int depth) {
    if (depth > kMaxDepth) return Fail("values nested too deeply");
    value->column = ColumnAt(pos_);
    const size_t start = pos_;
    switch (Peek()) {
      case '"':
        value->kind = JsonValue::Kind::kString;
        return ParseString(&value->text);
      case 't':
        value->kind = JsonValue::Kind::kBool;
        value->text = "true";
        return ParseLiteral("true");
      case 'f':
        value->kind = JsonValue::Kind::kBool;
        value->text = "false";
        return ParseLiteral("false");
      case 'n':
        value->kind = JsonValue::Kind::kNull;
        return ParseLiteral("null");
      case '[': {
        value->kind = JsonValue::Kind::kArray;
        ++pos_;
        SkipSpace();
        bool all_scalars = true;
        if (Peek() == ']') {
          ++pos_;
        } else {
          for (;;) {
            SkipSpace();
            JsonValue item;
            if (!ParseValue(&item, depth + 1)) return false;
            if (item.kind == JsonValue::Kind::kArray || item.kind == JsonValue::Kind::kObject) {
              all_scalars = false;
            }
            if (item.kind != JsonValue::Kind::kNull) {
              value->items.push_back(std::move(item.text));
            }
            SkipSpace();
            if (Peek() == ',') {
              ++pos_;
              continue;
            }
            if (!Expect(']', "',' or ']'")) return false;
            break;
          }
        }
        if (all_scalars) {
          value->text = absl::StrJoin(value->items, "\n");
        } else {
          value->items.clear();
          value->text = std::string(line_.substr(start, pos_ - start));
        }
        return true;
      }
      case '{':
        value->kind = JsonValue::Kind::kObject;
        ++pos_;
        if (!ParseMembers(depth, nullptr)) return false;
        value->text = std::string(line_.substr(start, pos_ - start));
        return true;
      default:
        value->kind = JsonValue::Kind::kNumber;
        return ParseNumber(&value->text);
    }
  }

  const absl::string_view line_;
  size_t pos_ = 0;
  std::string error_;
  size_t error_pos_ = 0;
};

bool IsBlankLine(absl::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

bool JsonlReader::Next(JsonlRecord* record) {
  while (pos_ < text_.size()) {
    size_t end = text_.find('\n', pos_);
    if (end == absl::string_view::npos) end = text_.size();
    absl::string_view line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++line_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlankLine(line)) continue;
    record->line = line_;
    record->raw = line;
    record->members.clear();
    record->problem.reset();
    LineParser parser(line);
    if (!parser.ParseObjectLine(&record->members)) {
      record->members.clear();
      record->problem = Problem{line_, parser.error_column(), parser.error()};
    }
    return true;
  }
  return false;
}

}  // namespace renkei::importer
