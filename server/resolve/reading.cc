#include "server/resolve/reading.h"

#include <mecab.h>

#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "server/resolve/places.h"
#include "server/text/char_class.h"
#include "server/text/utf8.h"

namespace renkei::resolve {
namespace {

// The vowel a katakana ends in: 'a', 'i', 'u', 'e', 'o', or 0.
char VowelOf(char32_t c) {
  static const std::map<char32_t, char>* const vowels = [] {
    auto* map = new std::map<char32_t, char>();
    const std::pair<char, std::u32string> rows[] = {
        {'a', U"アカガサザタダナハバパマヤラワァャヮヵ"},
        {'i', U"イキギシジチヂニヒビピミリィヰ"},
        {'u', U"ウクグスズツヅヌフブプムユルゥュヴ"},
        {'e', U"エケゲセゼテデネヘベペメレェヱヶ"},
        {'o', U"オコゴソゾトドノホボポモヨロヲォョ"},
    };
    for (const auto& [vowel, kana] : rows) {
      for (char32_t c : kana) (*map)[c] = vowel;
    }
    return map;
  }();
  auto it = vowels->find(c);
  return it == vowels->end() ? 0 : it->second;
}

char32_t FullSize(char32_t c) {
  switch (c) {
    case U'ァ': return U'ア';
    case U'ィ': return U'イ';
    case U'ゥ': return U'ウ';
    case U'ェ': return U'エ';
    case U'ォ': return U'オ';
    case U'ャ': return U'ヤ';
    case U'ュ': return U'ユ';
    case U'ョ': return U'ヨ';
    case U'ヮ': return U'ワ';
    case U'ヵ': return U'カ';
    case U'ヶ': return U'ケ';
    case U'ヂ': return U'ジ';
    case U'ヅ': return U'ズ';
    case U'ヲ': return U'オ';
    default: return c;
  }
}

absl::string_view LetterName(char c) {
  static constexpr absl::string_view kNames[26] = {
      "エー", "ビー", "シー", "ディー", "イー", "エフ", "ジー", "エイチ", "アイ",
      "ジェー", "ケー", "エル", "エム", "エヌ", "オー", "ピー", "キュー", "アール",
      "エス", "ティー", "ユー", "ブイ", "ダブリュー", "エックス", "ワイ", "ゼット"};
  return kNames[absl::ascii_tolower(c) - 'a'];
}

}  // namespace

std::string FoldReading(absl::string_view katakana) {
  std::string out;
  char previous_vowel = 0;
  // ヷ ヸ ヹ ヺ are ヴァ ヴィ ヴェ ヴォ written with one letter.
  std::u32string letters;
  for (char32_t c : text::DecodeUtf8(katakana)) {
    switch (c) {
      case U'ヷ': letters += U"ヴァ"; break;
      case U'ヸ': letters += U"ヴィ"; break;
      case U'ヹ': letters += U"ヴェ"; break;
      case U'ヺ': letters += U"ヴォ"; break;
      default: letters.push_back(c);
    }
  }
  for (char32_t c : letters) {
    if (c == U'ー') continue;
    const char32_t full = FullSize(c);
    const char vowel = VowelOf(full);
    // A vowel lengthening the kana before it.
    const bool lengthens = (previous_vowel == 'o' && (full == U'ウ' || full == U'オ')) ||
                           (previous_vowel == 'e' && (full == U'イ' || full == U'エ')) ||
                           (previous_vowel == 'u' && full == U'ウ') ||
                           (previous_vowel == 'i' && full == U'イ') ||
                           (previous_vowel == 'a' && full == U'ア');
    if (lengthens) continue;
    text::AppendUtf8(full, &out);
    previous_vowel = vowel;
  }
  return out;
}

absl::StatusOr<std::unique_ptr<Reader>> Reader::Create() {
  std::unique_ptr<MeCab::Model> model(MeCab::createModel("-d /var/lib/mecab/dic/ipadic-utf8"));
  if (model == nullptr) model.reset(MeCab::createModel(""));
  if (model == nullptr) {
    return absl::UnavailableError(
        "MeCab could not load a dictionary (install mecab-ipadic-utf8)");
  }
  return std::unique_ptr<Reader>(new Reader(std::move(model)));
}

struct Reader::Parser {
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
};

Reader::Reader(std::unique_ptr<MeCab::Model> model) : model_(std::move(model)) {}
Reader::~Reader() = default;

std::unique_ptr<Reader::Parser> Reader::TakeParser() const {
  {
    absl::MutexLock lock(&mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Parser> parser = std::move(idle_.back());
      idle_.pop_back();
      return parser;
    }
  }
  auto parser = std::make_unique<Parser>();
  parser->tagger.reset(model_->createTagger());
  parser->lattice.reset(model_->createLattice());
  if (parser->tagger == nullptr || parser->lattice == nullptr) return nullptr;
  return parser;
}

void Reader::GiveBack(std::unique_ptr<Parser> parser) const {
  absl::MutexLock lock(&mu_);
  idle_.push_back(std::move(parser));
}

std::string Reader::Read(absl::string_view name_key) const {
  if (name_key.empty()) return "";
  // Places first: the dictionary reads many of them wrongly.
  std::string text;
  for (size_t i = 0; i < name_key.size();) {
    const Place* found = PlaceAtStart(name_key.substr(i));
    if (found != nullptr) {
      text.append(found->reading);
      i += found->name.size();
    } else {
      text.push_back(name_key[i]);
      ++i;
    }
  }
  std::string reading;
  auto read_part = [&](absl::string_view surface, absl::string_view feature) -> bool {
    const std::u32string points = text::DecodeUtf8(surface);
    bool kana = true, latin = true, digits = true;
    for (char32_t c : points) {
      kana = kana && text::IsKatakana(c);
      latin = latin && c < 0x80 && absl::ascii_isalpha(static_cast<char>(c));
      digits = digits && c < 0x80 && absl::ascii_isdigit(static_cast<char>(c));
    }
    if (kana || digits) {
      reading.append(surface.data(), surface.size());
    } else if (latin) {
      for (char c : surface) {
        const absl::string_view name = LetterName(c);
        reading.append(name.data(), name.size());
      }
    } else {
      const std::vector<absl::string_view> fields = absl::StrSplit(feature, ',');
      if (fields.size() < 8 || fields[7] == "*") return false;
      reading.append(fields[7].data(), fields[7].size());
    }
    return true;
  };
  std::unique_ptr<Parser> parser = TakeParser();
  if (parser == nullptr) return "";
  MeCab::Lattice& lattice = *parser->lattice;
  lattice.set_sentence(text.c_str());
  bool read = parser->tagger->parse(&lattice);
  for (const MeCab::Node* node = read ? lattice.bos_node() : nullptr; node != nullptr;
       node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
    if (!read_part(absl::string_view(node->surface, node->length), node->feature)) {
      read = false;
      break;
    }
  }
  lattice.clear();
  GiveBack(std::move(parser));
  return read ? FoldReading(reading) : "";
}

}  // namespace renkei::resolve
