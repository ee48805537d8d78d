#include "server/text/tokenize.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <set>

#include "server/text/normalize.h"

namespace renkei::text {
namespace {

enum class Class { kCjk, kWord, kOther };

Class ClassOf(UChar32 c) {
  if (c == 0x30FC || c == 0x3005 || c == 0x3006) return Class::kCjk;  // ー 々 〆
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) {
    return Class::kCjk;
  }
  if (u_isalnum(c)) return Class::kWord;
  return Class::kOther;
}

}  // namespace

std::vector<TermAt> TermsAt(absl::string_view normalized) {
  std::vector<TermAt> terms;
  auto emit = [&](size_t begin, size_t end) {
    terms.push_back(TermAt{FoldKana(normalized.substr(begin, end - begin)), begin, end});
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(normalized.data());
  const auto length = static_cast<int32_t>(normalized.size());
  // The current run: its class and the byte offsets of its code points.
  Class run_class = Class::kOther;
  std::vector<int32_t> starts;
  auto flush = [&](int32_t end) {
    if (starts.empty()) return;
    if (run_class == Class::kCjk) {
      if (starts.size() == 1) {
        emit(starts[0], end);
      } else {
        for (size_t i = 0; i + 1 < starts.size(); ++i) {
          emit(starts[i], i + 2 < starts.size() ? starts[i + 2] : end);
        }
      }
    } else if (run_class == Class::kWord && starts.size() >= 2) {
      emit(starts[0], end);
    }
    starts.clear();
  };
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    const Class cls = c < 0 ? Class::kOther : ClassOf(c);
    if (cls != run_class) {
      flush(start);
      run_class = cls;
    }
    if (cls != Class::kOther) starts.push_back(start);
  }
  flush(length);
  return terms;
}

std::vector<std::string> Terms(absl::string_view normalized) {
  std::vector<std::string> terms;
  for (TermAt& term : TermsAt(normalized)) terms.push_back(std::move(term.text));
  return terms;
}

std::vector<std::string> DistinctTerms(absl::string_view normalized) {
  std::vector<std::string> distinct;
  std::set<std::string> seen;
  for (std::string& term : Terms(normalized)) {
    if (seen.insert(term).second) distinct.push_back(std::move(term));
  }
  return distinct;
}

int CountOccurrences(absl::string_view normalized, absl::string_view term) {
  if (term.empty()) return 0;
  int count = 0;
  for (size_t at = normalized.find(term); at != absl::string_view::npos;
       at = normalized.find(term, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace renkei::text
