// Katakana readings of company names, so that a name written in kanji and
// the same name written in kana compare equal (一関精工 / ｲﾁﾉｾｷｾｲｺｳ,
// ABC電機 / エービーシー電機). Place names of the region are read from
// places.h, other kanji by the MeCab dictionary, Latin letters by their
// names. Readings are folded (FoldReading) so long vowels written either way
// (セイコウ / セイコー) agree.
//
// Thread-safe: a call takes an idle tagger from a pool (or makes one) and
// returns it.
#ifndef RENKEI_SERVER_RESOLVE_READING_H_
#define RENKEI_SERVER_RESOLVE_READING_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace MeCab {
class Model;
}  // namespace MeCab

namespace renkei::resolve {

class Reader {
 public:
  // UNAVAILABLE when MeCab has no dictionary (mecab-ipadic-utf8).
  static absl::StatusOr<std::unique_ptr<Reader>> Create();
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // The folded reading of a name key (names.h NameKey), or "" when some
  // part has no reading (a word the dictionary does not know).
  std::string Read(absl::string_view name_key) const;

 private:
  struct Parser;  // a MeCab tagger and lattice, used by one call at a time
  explicit Reader(std::unique_ptr<MeCab::Model> model);
  std::unique_ptr<Parser> TakeParser() const;
  void GiveBack(std::unique_ptr<Parser> parser) const;

  std::unique_ptr<MeCab::Model> model_;
  mutable absl::Mutex mu_;
  mutable std::vector<std::unique_ptr<Parser>> idle_ ABSL_GUARDED_BY(mu_);
};

// Folds a katakana reading: small kana to full size, ヂ/ヅ/ヲ to ジ/ズ/オ,
// the long-vowel mark and a vowel that only lengthens the one before it
// (オウ, オオ, エイ, ウウ, イイ, アア) dropped: セイコウ, セイコー → セコ.
std::string FoldReading(absl::string_view katakana);

}  // namespace renkei::resolve

#endif  // RENKEI_SERVER_RESOLVE_READING_H_
