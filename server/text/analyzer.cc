#include "server/text/analyzer.h"

#include <mecab.h>

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "server/text/normalize.h"
#include "server/text/utf8.h"

namespace renkei::text {
namespace {

class BigramAnalyzer final : public Analyzer {
 public:
  AnalyzerKind kind() const override { return AnalyzerKind::kBigram; }
  std::vector<TermAt> Terms(absl::string_view normalized) const override {
    return TermsAt(normalized);
  }
};

// Verbs too common to say anything.
bool IsStopVerb(absl::string_view base) {
  static const std::set<std::string, std::less<>> kStop = {
      "する", "ある", "いる", "なる", "できる", "れる", "られる", "おる", "いう", "思う",
      "行う", "使う", "言う", "くる", "来る", "いく", "行く", "もらう", "くれる", "みる"};
  return kStop.contains(base);
}

// Characters MeCab groups into one unknown word when they run on (letters,
// digits, symbols, katakana: char.def's group=1 classes); its time on such
// a run grows with the run's length squared.
bool Groups(char32_t c) {
  return (c > 0x20 && c < 0x7F) || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F);
}

// Runs of grouped characters longer than this are given to MeCab in pieces
// of this many (a term that long says nothing a search needs).
constexpr size_t kMaxRun = 64;

// Byte offsets where `normalized` is cut before MeCab sees it: inside runs
// of grouped characters, every kMaxRun of them; none in ordinary text.
std::vector<size_t> LongRunCuts(absl::string_view normalized) {
  std::vector<size_t> cuts;
  const std::vector<absl::string_view> points = SplitCodePoints(normalized);
  const std::u32string chars = DecodeUtf8(normalized);  // one for each of points
  size_t run = 0, offset = 0;
  for (size_t i = 0; i < points.size() && i < chars.size(); ++i) {
    const absl::string_view point = points[i];
    if (Groups(chars[i])) {
      if (++run > kMaxRun) {
        cuts.push_back(offset);
        run = 1;
      }
    } else {
      run = 0;
    }
    offset += point.size();
  }
  return cuts;
}

class WordAnalyzer final : public Analyzer {
 public:
  explicit WordAnalyzer(std::unique_ptr<MeCab::Model> model) : model_(std::move(model)) {}

  AnalyzerKind kind() const override { return AnalyzerKind::kWords; }

  std::vector<TermAt> Terms(absl::string_view normalized) const override {
    std::vector<TermAt> terms;
    size_t begin = 0;
    for (size_t cut : LongRunCuts(normalized)) {
      TermsOfPiece(normalized, begin, cut, &terms);
      begin = cut;
    }
    TermsOfPiece(normalized, begin, normalized.size(), &terms);
    return terms;
  }

 private:
  // Appends the terms of normalized[begin, end), at their offsets in
  // `normalized`.
  void TermsOfPiece(absl::string_view normalized, size_t piece_begin, size_t piece_end,
                    std::vector<TermAt>* out) const {
    if (piece_begin >= piece_end) return;
    const absl::string_view piece = normalized.substr(piece_begin, piece_end - piece_begin);
    std::vector<TermAt> terms = PieceTerms(piece);
    for (TermAt& term : terms) {
      term.begin += piece_begin;
      term.end += piece_begin;
      out->push_back(std::move(term));
    }
  }

  std::vector<TermAt> PieceTerms(absl::string_view normalized) const {
    std::vector<TermAt> terms;
    if (normalized.empty()) return terms;
    std::unique_ptr<MeCab::Tagger> tagger(model_->createTagger());
    std::unique_ptr<MeCab::Lattice> lattice(model_->createLattice());
    const std::string sentence(normalized);
    lattice->set_sentence(sentence.c_str());
    if (tagger == nullptr || lattice == nullptr || !tagger->parse(lattice.get())) {
      return TermsAt(normalized);  // MeCab failed on this text: fall back to bigrams
    }
    // A run of noun-like tokens, for compound pairs.
    struct Token {
      size_t begin, end;
      bool content;
    };
    std::vector<Token> compound;
    auto flush = [&] {
      for (size_t i = 0; i + 1 < compound.size(); ++i) {
        const size_t begin = compound[i].begin, end = compound[i + 1].end;
        terms.push_back({FoldKana(normalized.substr(begin, end - begin)), begin, end});
      }
      compound.clear();
    };
    for (const MeCab::Node* node = lattice->bos_node(); node != nullptr; node = node->next) {
      if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
      const size_t begin = static_cast<size_t>(node->surface - sentence.c_str());
      const size_t end = begin + node->length;
      const std::vector<absl::string_view> feature = absl::StrSplit(node->feature, ',');
      const absl::string_view pos = feature.empty() ? "" : feature[0];
      const absl::string_view sub = feature.size() > 1 ? feature[1] : "";
      const absl::string_view surface = normalized.substr(begin, end - begin);
      // Symbols the dictionary calls nouns ("/" as サ変接続) join nothing.
      bool letters = false;
      for (char c : surface) letters = letters || static_cast<unsigned char>(c) >= 0x80 || absl::ascii_isalnum(c);
      const bool noun = letters && pos == "名詞" && sub != "非自立" && sub != "代名詞";
      const bool prefix = pos == "接頭詞";
      const bool suffix = pos == "名詞" && sub == "接尾";
      if (noun || prefix) {
        // A lone letter, digit or kana says little; a lone kanji (傷, 音) may.
        const bool lone = CodePointCount(surface) == 1 && (IsAscii(surface) || IsKana(surface));
        const bool content = noun && !suffix && !lone;
        if (content) terms.push_back({FoldKana(surface), begin, end});
        compound.push_back({begin, end, content});
        continue;
      }
      flush();
      if ((pos == "動詞" || pos == "形容詞") && sub == "自立") {
        const absl::string_view base = feature.size() > 6 && feature[6] != "*" ? feature[6] : surface;
        if (!IsStopVerb(base)) terms.push_back({FoldKana(base), begin, end});
      }
    }
    flush();
    return terms;
  }

  static bool IsKana(absl::string_view s) {
    const std::string folded = FoldKana(s);
    return folded.size() == 3 && static_cast<unsigned char>(folded[0]) == 0xE3 &&
           (static_cast<unsigned char>(folded[1]) == 0x82 ||
            static_cast<unsigned char>(folded[1]) == 0x83);
  }

  static bool IsAscii(absl::string_view s) {
    for (char c : s) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
  }

  std::unique_ptr<MeCab::Model> model_;
};

}  // namespace

absl::StatusOr<AnalyzerKind> ParseAnalyzerKind(absl::string_view name) {
  if (name == "bigram") return AnalyzerKind::kBigram;
  if (name == "words" || name == "mecab") return AnalyzerKind::kWords;
  return absl::InvalidArgumentError(absl::StrCat("analyzer \"", name, "\": bigram or words"));
}

std::string AnalyzerName(AnalyzerKind kind) {
  return kind == AnalyzerKind::kBigram ? "bigram" : "words";
}

absl::StatusOr<std::unique_ptr<Analyzer>> Analyzer::Create(AnalyzerKind kind) {
  if (kind == AnalyzerKind::kBigram) return std::make_unique<BigramAnalyzer>();
  std::unique_ptr<MeCab::Model> model(
      MeCab::createModel("-d /var/lib/mecab/dic/ipadic-utf8"));
  if (model == nullptr) model.reset(MeCab::createModel(""));
  if (model == nullptr) {
    return absl::UnavailableError(absl::StrCat(
        "MeCab could not load a dictionary (install mecab-ipadic-utf8): ", MeCab::getLastError()));
  }
  return std::make_unique<WordAnalyzer>(std::move(model));
}

std::vector<std::string> Analyzer::DistinctTerms(absl::string_view normalized) const {
  std::vector<std::string> distinct;
  std::set<std::string> seen;
  for (TermAt& term : Terms(normalized)) {
    if (seen.insert(term.text).second) distinct.push_back(std::move(term.text));
  }
  return distinct;
}

}  // namespace renkei::text
