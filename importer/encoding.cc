#include "importer/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/text/utf8.h"

namespace renkei::importer {
namespace {

// ICU's canonical name for Microsoft's CP932 (aliases windows-31j, cp932,
// ms932). See the comment in encoding.h for why this table.
constexpr char kCp932Converter[] = "ibm-943_P15A-2003";

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Bytes with this many well-formed multi-byte UTF-8 characters per run of
// bad bytes are UTF-8 with errors. CP932 text makes well-formed UTF-8 by
// chance (half-width katakana pairs such as C4 B3), but far less often:
// about one such character per three bad runs in the lists in
// tests/data/resolve.
constexpr size_t kUtf8Evidence = 4;

// Where the next decoded character goes: 1-based line, characters before
// it on that line. LF, CRLF and a lone CR each end a line.
class Position {
 public:
  void Advance(UChar32 c) {
    if (c == '\r') {
      ++line_;
      column_ = 0;
    } else if (c == '\n') {
      if (!after_cr_) {
        ++line_;
        column_ = 0;
      }
    } else {
      ++column_;
    }
    after_cr_ = c == '\r';
  }
  int line() const { return line_; }
  int column() const { return column_ + 1; }

 private:
  int line_ = 1;
  int column_ = 0;
  bool after_cr_ = false;
};

std::string Hex(absl::string_view bytes) {
  std::vector<std::string> parts;
  for (unsigned char b : bytes) {
    constexpr char kDigits[] = "0123456789ABCDEF";
    parts.push_back(std::string{kDigits[b >> 4], kDigits[b & 0xF]});
  }
  return absl::StrJoin(parts, " ");
}

struct Utf8Scan {
  size_t valid_multibyte = 0;  // well-formed characters of 2–4 bytes
  size_t invalid = 0;          // runs of ill-formed bytes
  size_t first_invalid = std::string::npos;
  size_t first_invalid_end = 0;  // end of the first run of bad bytes
};

// Counts well-formed multi-byte characters and runs of ill-formed bytes
// (CP932 text inside UTF-8 shows as such runs). U8_NEXT rejects overlong
// forms, surrogates and code points past U+10FFFF.
Utf8Scan ScanUtf8(absl::string_view bytes) {
  Utf8Scan scan;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  int32_t run_end = -1;  // end of the last ill-formed subsequence
  while (i < length) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) {
      ++scan.valid_multibyte;
      continue;
    }
    if (start != run_end) ++scan.invalid;
    if (scan.invalid == 1) {
      if (scan.first_invalid == std::string::npos) {
        scan.first_invalid = static_cast<size_t>(start);
      }
      scan.first_invalid_end = static_cast<size_t>(i);
    }
    run_end = i;
  }
  return scan;
}

// The position of byte `offset` of UTF-8 text valid before it.
Position PositionOf(absl::string_view utf8, size_t offset) {
  Position position;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t end = static_cast<int32_t>(offset);
  int32_t i = 0;
  while (i < end) {
    UChar32 c;
    U8_NEXT(s, i, end, c);
    position.Advance(c);
  }
  return position;
}

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

absl::StatusOr<ConverterPtr> OpenCp932() {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(kCp932Converter, &status));
  if (U_FAILURE(status)) {
    return absl::InternalError(
        absl::StrCat("ICU has no converter ", kCp932Converter, ": ", u_errorName(status)));
  }
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    return absl::InternalError(absl::StrCat("cannot set the ICU callback: ", u_errorName(status)));
  }
  return converter;
}

// Strict CP932 → UTF-8 with ICU.
absl::StatusOr<std::string> DecodeCp932(absl::string_view bytes) {
  auto converter = OpenCp932();
  if (!converter.ok()) return converter.status();
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  Position position;
  constexpr int32_t kChunk = 1 << 14;
  std::array<UChar, kChunk> buffer;
  std::array<int32_t, kChunk> offsets;
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  const char* chunk_start = source;
  UChar pending_lead = 0;  // a lead surrogate from the previous chunk
  for (;;) {
    UChar* target = buffer.data();
    UErrorCode status = U_ZERO_ERROR;
    chunk_start = source;
    ucnv_toUnicode(converter->get(), &target, buffer.data() + kChunk, &source, source_limit,
                   offsets.data(), /*flush=*/true, &status);
    const int32_t produced = static_cast<int32_t>(target - buffer.data());
    for (int32_t i = 0; i < produced; ++i) {
      UChar32 c = buffer[static_cast<size_t>(i)];
      if (pending_lead != 0) {
        c = U16_IS_TRAIL(c) ? U16_GET_SUPPLEMENTARY(pending_lead, c) : 0xFFFD;
        pending_lead = 0;
      } else if (U16_IS_LEAD(c)) {
        pending_lead = static_cast<UChar>(c);
        continue;
      }
      if (c >= 0xE000 && c <= 0xF8FF) {
        const int32_t at = offsets[static_cast<size_t>(i)];
        const absl::string_view bad =
            bytes.substr(static_cast<size_t>(chunk_start - bytes.data() + at), 2);
        return absl::InvalidArgumentError(absl::StrCat(
            "line ", position.line(), ", column ", position.column(), ": bytes ", Hex(bad),
            " are a user-defined character (外字) of CP932, which has no "
            "standard Unicode character; replace it in the file"));
      }
      position.Advance(c);
      text::AppendUtf8(static_cast<char32_t>(c), &out);
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char invalid[32];
      int8_t invalid_length = sizeof(invalid);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(converter->get(), invalid, &invalid_length, &ignored);
      const absl::string_view bad(invalid,
                                  static_cast<size_t>(std::max<int8_t>(invalid_length, 0)));
      const char* why = status == U_TRUNCATED_CHAR_FOUND
                            ? "end the file in the middle of a CP932 character"
                            : "are not a CP932 character";
      return absl::InvalidArgumentError(absl::StrCat("line ", position.line(), ", column ",
                                                     position.column(), ": bytes ", Hex(bad), " ",
                                                     why));
    }
    break;
  }
  return out;
}

// "line 3, column 7: bytes … are not valid UTF-8", with what the bytes
// would read as in CP932 when that decodes (the usual cause).
absl::Status Utf8Error(absl::string_view bytes, const Utf8Scan& scan) {
  const Position position = PositionOf(bytes, scan.first_invalid);
  // What the bad bytes read as in CP932: walk CP932 characters from the
  // first bad byte until ASCII or a well-formed UTF-8 character starts.
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  int32_t end = static_cast<int32_t>(scan.first_invalid);
  constexpr int32_t kMaxHintBytes = 48;
  while (end < length && end - static_cast<int32_t>(scan.first_invalid) < kMaxHintBytes) {
    const uint8_t b = s[end];
    if (b < 0x80) break;
    if (end > static_cast<int32_t>(scan.first_invalid)) {
      int32_t next = end;
      UChar32 c;
      U8_NEXT(s, next, length, c);
      if (c >= 0) break;
    }
    const bool lead = (b >= 0x81 && b <= 0x9F) || b >= 0xE0;
    end += lead ? 2 : 1;
  }
  end = std::min(end, length);
  std::string hint;
  if (auto as_cp932 = DecodeCp932(
          bytes.substr(scan.first_invalid, static_cast<size_t>(end) - scan.first_invalid));
      as_cp932.ok()) {
    hint = absl::StrCat(" (as CP932 they read \"", *as_cp932,
                        "\": is a CP932 piece inside this UTF-8 file?)");
  } else {
    end = static_cast<int32_t>(scan.first_invalid_end);
  }
  const absl::string_view bad =
      bytes.substr(scan.first_invalid,
                   std::max(scan.first_invalid_end, static_cast<size_t>(end)) - scan.first_invalid);
  constexpr size_t kMaxShown = 12;
  std::string shown = Hex(bad.substr(0, kMaxShown));
  if (bad.size() > kMaxShown) absl::StrAppend(&shown, " …");
  return absl::InvalidArgumentError(absl::StrCat("line ", position.line(), ", column ",
                                                 position.column(), ": bytes ", shown,
                                                 " are not valid UTF-8", hint));
}

absl::StatusOr<Decoded> DecodeUtf8(absl::string_view bytes, bool had_bom) {
  const Utf8Scan scan = ScanUtf8(bytes);
  if (scan.invalid > 0) return Utf8Error(bytes, scan);
  return Decoded{std::string(bytes), had_bom ? Encoding::kUtf8Bom : Encoding::kUtf8};
}

// UTF-16 after its byte-order mark → UTF-8.
absl::StatusOr<Decoded> DecodeUtf16(absl::string_view bytes) {
  const bool little = bytes[0] == '\xFF';
  auto unit = [&](size_t i) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(little ? (a | (b << 8)) : ((a << 8) | b));
  };
  std::string out;
  out.reserve(bytes.size());
  Position position;
  for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
    char32_t c = unit(i);
    if (U16_IS_LEAD(c) && i + 3 < bytes.size() && U16_IS_TRAIL(unit(i + 2))) {
      c = static_cast<char32_t>(U16_GET_SUPPLEMENTARY(c, unit(i + 2)));
      i += 2;
    } else if (U16_IS_SURROGATE(c)) {
      return absl::InvalidArgumentError(absl::StrCat("line ", position.line(), ", column ",
                                                     position.column(), ": bytes ",
                                                     Hex(bytes.substr(i, 2)),
                                                     " are half a UTF-16 character"));
    }
    position.Advance(static_cast<UChar32>(c));
    text::AppendUtf8(c, &out);
  }
  if (bytes.size() % 2 != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("line ", position.line(), ": the UTF-16 file ends in the middle of a character"));
  }
  return Decoded{std::move(out), Encoding::kUtf16};
}

bool HasUtf16Bom(absl::string_view bytes) {
  return bytes.size() >= 2 &&
         ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

}  // namespace

absl::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 (BOM)";
    case Encoding::kCp932:
      return "CP932";
    case Encoding::kUtf16:
      return "UTF-16";
  }
  return "?";
}

absl::StatusOr<Encoding> ParseEncodingName(absl::string_view name) {
  const std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  if (lower == "utf-8" || lower == "utf8") return Encoding::kUtf8;
  if (lower == "utf-8-bom" || lower == "utf-8-sig" || lower == "utf8-bom") {
    return Encoding::kUtf8Bom;
  }
  if (lower == "utf-16" || lower == "utf16" || lower == "unicode") return Encoding::kUtf16;
  if (lower == "cp932" || lower == "ms932" || lower == "windows-31j" || lower == "shift_jis" ||
      lower == "shift-jis" || lower == "sjis") {
    return Encoding::kCp932;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown encoding \"", name,
                   "\"; use utf-8, utf-8-bom, cp932 (also shift_jis, sjis, windows-31j) or utf-16"));
}

absl::StatusOr<Decoded> Decode(absl::string_view bytes, std::optional<Encoding> forced) {
  if (bytes.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
    // ICU and the scanners index with int32_t.
    return absl::InvalidArgumentError("the file is larger than 2 GiB; split it");
  }
  const bool has_bom = bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom;
  if (forced.has_value()) {
    if (*forced == Encoding::kUtf16) {
      if (!HasUtf16Bom(bytes)) {
        return absl::InvalidArgumentError("the file has no UTF-16 byte-order mark (FF FE or FE FF)");
      }
      return DecodeUtf16(bytes);
    }
    if (*forced == Encoding::kCp932) {
      auto utf8 = DecodeCp932(bytes);
      if (!utf8.ok()) return utf8.status();
      return Decoded{*std::move(utf8), Encoding::kCp932};
    }
    return DecodeUtf8(has_bom ? bytes.substr(kUtf8Bom.size()) : bytes, has_bom);
  }
  if (has_bom) return DecodeUtf8(bytes.substr(kUtf8Bom.size()), true);
  if (HasUtf16Bom(bytes)) return DecodeUtf16(bytes);
  const Utf8Scan scan = ScanUtf8(bytes);
  if (scan.invalid == 0) return Decoded{std::string(bytes), Encoding::kUtf8};
  if (scan.valid_multibyte >= kUtf8Evidence * scan.invalid) {
    return Utf8Error(bytes, scan);
  }
  auto utf8 = DecodeCp932(bytes);
  if (!utf8.ok()) return utf8.status();
  return Decoded{*std::move(utf8), Encoding::kCp932};
}

absl::StatusOr<Decoded> Decode(std::string&& bytes, std::optional<Encoding> forced) {
  const absl::string_view view(bytes);
  const bool has_bom = view.substr(0, kUtf8Bom.size()) == kUtf8Bom;
  // Valid UTF-8 (with or without the mark) is what the bytes already are;
  // anything else (CP932, errors, UTF-16) goes the copying way.
  if (view.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max()) ||
      (forced.has_value() && (*forced == Encoding::kCp932 || *forced == Encoding::kUtf16)) ||
      HasUtf16Bom(view) ||
      ScanUtf8(has_bom ? view.substr(kUtf8Bom.size()) : view).invalid > 0) {
    return Decode(view, forced);
  }
  if (has_bom) bytes.erase(0, kUtf8Bom.size());
  return Decoded{std::move(bytes), has_bom ? Encoding::kUtf8Bom : Encoding::kUtf8};
}

}  // namespace renkei::importer
