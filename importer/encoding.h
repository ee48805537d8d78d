// Character encodings of the files the importer reads, and their decoding to
// UTF-8 with ICU.
//
// Member lists come out of Excel either as CP932 ("CSV (コンマ区切り)") or as
// UTF-8 with a byte-order mark ("CSV UTF-8"); other tools write UTF-8 without
// one. CP932 is decoded with ICU's "ibm-943_P15A-2003" converter (alias
// windows-31j), which maps the bytes the way Windows and Excel do: 0x8160 →
// ～ U+FF5E, 0x817C → － U+FF0D, NEC specials such as ① and ㈱, and the IBM
// extensions such as 髙 and 﨑. (The JIS-flavoured ibm-943_P130-1999 would
// give 〜 U+301C, − U+2212 and ¥ for 0x5C instead.)
//
// Decoding is strict: a byte sequence that is not a character is an error
// naming its line, column and bytes, never U+FFFD. Thread-safe.
#ifndef RENKEI_IMPORTER_ENCODING_H_
#define RENKEI_IMPORTER_ENCODING_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace renkei::importer {

enum class Encoding {
  kUtf8,     // UTF-8 without a byte-order mark
  kUtf8Bom,  // UTF-8 starting with EF BB BF (Excel's "CSV UTF-8")
  kCp932,    // Windows Shift_JIS (Excel's default CSV in Japan)
  kUtf16,    // UTF-16 with a byte-order mark (Excel's 「Unicode テキスト」)
};

// "UTF-8", "UTF-8 (BOM)", "CP932" or "UTF-16", for messages.
absl::string_view EncodingName(Encoding encoding);

// The encoding a user named on the command line, case-insensitively:
// utf-8, utf8 → kUtf8; utf-8-bom, utf-8-sig → kUtf8Bom; cp932, ms932,
// windows-31j, shift_jis, shift-jis, sjis → kCp932 (Excel's Shift_JIS is
// always CP932). Anything else is INVALID_ARGUMENT listing the accepted names.
absl::StatusOr<Encoding> ParseEncodingName(absl::string_view name);

struct Decoded {
  std::string utf8;   // the text, without a byte-order mark
  Encoding encoding;  // what the bytes were
};

// Decodes `bytes` to UTF-8.
//
// Without `forced`, detects the encoding:
//   1. a UTF-8 byte-order mark → kUtf8Bom (the mark is dropped);
//   2. valid UTF-8 → kUtf8 (plain ASCII is kUtf8);
//   3. bytes that are mostly well-formed UTF-8 (at least four valid
//      multi-byte UTF-8 characters per run of invalid bytes) → a UTF-8 file
//      with a few bad bytes: the first run is reported (with what it would
//      read as in CP932), because decoding such a file as CP932 would often
//      succeed and give mojibake;
//   4. otherwise strict CP932; a byte sequence that CP932 does not define
//      (or a user-defined 外字 F040–F9FC, which has no standard character)
//      is an error.
//   0. a UTF-16 byte-order mark (FF FE or FE FF: Excel's 「Unicode テキスト」)
//      → kUtf16, little- or big-endian as the mark says; an unpaired
//      surrogate is an error.
//
// With `forced`, decodes as that encoding only; kUtf8 and kUtf8Bom both
// accept the file with or without the mark and report which it was.
//
// Errors are INVALID_ARGUMENT, e.g. "line 12, column 5: bytes 82 A0 are not
// valid UTF-8". The line is 1-based (LF, CRLF and a lone CR each end one);
// the column is 1-based and counts the characters of that line decoded
// before the bad bytes. The caller adds the file name.
absl::StatusOr<Decoded> Decode(absl::string_view bytes,
                               std::optional<Encoding> forced = std::nullopt);

// The same, taking the bytes: a file that is already UTF-8 becomes the text
// without a copy, so a large file is not held twice.
absl::StatusOr<Decoded> Decode(std::string&& bytes,
                               std::optional<Encoding> forced = std::nullopt);
inline absl::StatusOr<Decoded> Decode(const char* bytes,
                                      std::optional<Encoding> forced = std::nullopt) {
  return Decode(absl::string_view(bytes), forced);
}

}  // namespace renkei::importer

#endif  // RENKEI_IMPORTER_ENCODING_H_
