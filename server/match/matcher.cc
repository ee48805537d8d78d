#include "server/match/matcher.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "renkei/v1/collaboration.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/need.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/person.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/match/relations.h"
#include "server/match/thesaurus_source.h"
#include "server/records/dates.h"
#include "server/store/index.h"
#include "server/store/store.h"
#include "server/text/normalize.h"
#include "server/text/thesaurus.h"
#include "server/text/tokenize.h"
#include "server/util/status_macros.h"

namespace renkei::match {
namespace {

constexpr double kSimilarFeedback = 0.2;  // Jaccard of terms: "a similar question"

std::string Join(std::initializer_list<absl::string_view> parts) {
  std::string out;
  for (absl::string_view part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out.append(" / ");
    out.append(part.data(), part.size());
  }
  return out;
}

template <typename List>
std::string JoinList(const List& list) {
  return absl::StrJoin(list, " / ");
}

// The character bigrams of a question: a measure of how alike two
// questions are, whatever analyzer the index uses.
std::set<std::string> QuestionTerms(const std::string& text) {
  const std::vector<std::string> terms = text::DistinctTerms(text::NormalizeForSearch(text));
  return std::set<std::string>(terms.begin(), terms.end());
}

double Jaccard(const std::set<std::string>& sa, const std::set<std::string>& sb) {
  if (sa.empty() || sb.empty()) return 0;
  size_t common = 0;
  for (const std::string& t : sb) common += sa.contains(t);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

const char* KindLabel(int kind) {
  switch (kind) {
    case v1::ORGANIZATION_KIND_COMPANY: return "企業";
    case v1::ORGANIZATION_KIND_ACADEMIC: return "大学・高専";
    case v1::ORGANIZATION_KIND_PUBLIC_RESEARCH: return "公設試験研究機関";
    case v1::ORGANIZATION_KIND_SUPPORT_BODY: return "支援機関";
    case v1::ORGANIZATION_KIND_FINANCIAL: return "金融機関";
    case v1::ORGANIZATION_KIND_GOVERNMENT: return "行政";
    default: return "機関";
  }
}

const char* LabelText(int label) {
  switch (label) {
    case v1::FEEDBACK_LABEL_USEFUL: return "役に立った";
    case v1::FEEDBACK_LABEL_NOT_USEFUL: return "役に立たなかった";
    case v1::FEEDBACK_LABEL_CONTACTED: return "連絡を取った";
    case v1::FEEDBACK_LABEL_BECAME_COLLABORATION: return "連携につながった";
    default: return "";
  }
}

double LabelValue(int label) {
  switch (label) {
    case v1::FEEDBACK_LABEL_USEFUL: return 0.6;
    case v1::FEEDBACK_LABEL_NOT_USEFUL: return -1.0;
    case v1::FEEDBACK_LABEL_CONTACTED: return 0.5;
    case v1::FEEDBACK_LABEL_BECAME_COLLABORATION: return 1.0;
    default: return 0;
  }
}

// 受発注: which JSIC 中分類 typically supply which (a small, editable-in-code
// table of the region's supply chains).
const std::vector<std::pair<std::string, std::string>>& SupplyLinks() {
  static const auto* links = new std::vector<std::pair<std::string, std::string>>{
      {"18", "28"}, {"18", "29"}, {"18", "31"}, {"18", "09"}, {"21", "28"}, {"21", "29"},
      {"21", "31"}, {"22", "24"}, {"22", "26"}, {"22", "31"}, {"23", "24"}, {"23", "28"},
      {"24", "26"}, {"24", "27"}, {"24", "28"}, {"24", "29"}, {"24", "31"}, {"25", "31"},
      {"26", "18"}, {"26", "24"}, {"26", "28"}, {"26", "31"}, {"28", "27"}, {"28", "29"},
      {"28", "30"}, {"28", "31"}, {"29", "26"}, {"29", "31"}, {"15", "09"}, {"12", "13"},
  };
  return *links;
}

std::set<std::string> MajorCodes(const v1::Organization& o) {
  std::set<std::string> codes;
  for (const std::string& code : o.jsic_codes()) {
    if (code.size() >= 2) codes.insert(code.substr(0, 2));
  }
  return codes;
}

// Normalized labels of a record's fields and keywords, for field fit.
std::set<std::string> Labels(const google::protobuf::RepeatedPtrField<std::string>& a,
                             const google::protobuf::RepeatedPtrField<std::string>& b) {
  std::set<std::string> labels;
  for (const auto* list : {&a, &b}) {
    for (const std::string& label : *list) {
      std::string normalized = text::NormalizeText(label);
      if (!normalized.empty()) labels.insert(std::move(normalized));
    }
  }
  return labels;
}

// What the text signal says in a reason: the first matched words.
std::string TextReason(const std::vector<std::string>& matched) {
  std::vector<std::string> plain, expanded;
  for (const std::string& term : matched) {
    const size_t arrow = term.find(" ← ");
    if (arrow == std::string::npos) {
      if (plain.size() < 3) plain.push_back(absl::StrCat("「", term, "」"));
    } else if (expanded.size() < 2) {
      expanded.push_back(absl::StrCat("「", term.substr(0, arrow), "」（「",
                                      term.substr(arrow + 5), "」の言い換え）"));
    }
  }
  std::string reason;
  if (!plain.empty()) absl::StrAppend(&reason, absl::StrJoin(plain, ""), "が一致");
  if (!expanded.empty()) {
    absl::StrAppend(&reason, reason.empty() ? "" : "、", absl::StrJoin(expanded, "、"),
                    reason.empty() ? "が一致" : "も関連");
  }
  return reason;
}

// A signal and the clause it adds to the reason.
struct Scored {
  double value = 0;  // 0..1 (feedback -1..1)
  std::string detail;
  std::string reason;
};

class Scoring {
 public:
  Scoring(const store::Store& store, Relations& relations)
      : store_(store), relations_(relations) {}

  // Shared networks and earlier collaborations between `asking` and
  // `other` (organizations), and with `people` of the other side.
  absl::StatusOr<Scored> Graph(const std::string& asking, const std::string& other,
                               const std::vector<std::string>& people) {
    Scored s;
    if (asking.empty() || other.empty() || asking == other) return s;
    RENKEI_ASSIGN_OR_RETURN(const auto* mine, relations_.Networks(asking));
    RENKEI_ASSIGN_OR_RETURN(const auto* theirs, relations_.Networks(other));
    std::vector<std::string> shared;
    for (const auto& [network, display] : *mine) {
      if (theirs->contains(network)) shared.push_back(display);
    }
    double value = 0;
    std::vector<std::string> details, reasons;
    if (!shared.empty()) {
      value += std::min(0.5, 0.25 * static_cast<double>(shared.size()));
      details.push_back(absl::StrCat("共通のネットワーク ", shared.size(), "（",
                                     absl::StrJoin(shared, "、"), "）"));
      reasons.push_back(absl::StrCat("同じ「", shared.front(), "」の会員"));
    }
    RENKEI_ASSIGN_OR_RETURN(const auto* collaborations, relations_.Collaborations(asking));
    int with_other = 0, with_people = 0, latest = 0;
    for (const v1::Collaboration& x : *collaborations) {
      bool other_side = false, person = false;
      for (const v1::Participant& p : x.participants()) {
        other_side = other_side || p.organization() == other;
        person = person ||
                 std::find(people.begin(), people.end(), p.person()) != people.end();
      }
      if (other_side) {
        ++with_other;
        latest = std::max(latest, x.fiscal_year());
      }
      with_people += person;
    }
    if (with_other > 0) {
      value += 0.3;
      details.push_back(absl::StrCat("過去の連携 ", with_other, "件（最新 ", latest, "年度）"));
      reasons.push_back(absl::StrCat(latest, "年度に連携の実績"));
    }
    if (with_people > 0) {
      value += 0.3;
      details.push_back(absl::StrCat("同じ研究者との連携 ", with_people, "件"));
      reasons.push_back("同じ研究者と連携した実績");
    }
    s.value = std::min(1.0, value);
    s.detail = absl::StrJoin(details, "、");
    s.reason = absl::StrJoin(reasons, "、");
    return s;
  }

  // Whether `asking` already works with the other side (or its people).
  absl::StatusOr<bool> Collaborating(const std::string& asking, const std::string& other,
                                     const std::vector<std::string>& people,
                                     const std::string& seed) {
    if (asking.empty()) return false;
    RENKEI_ASSIGN_OR_RETURN(const auto* collaborations, relations_.Collaborations(asking));
    for (const v1::Collaboration& x : *collaborations) {
      if (!seed.empty() && x.seed() == seed) return true;
      for (const v1::Participant& p : x.participants()) {
        if (!p.person().empty() &&
            std::find(people.begin(), people.end(), p.person()) != people.end()) {
          return true;
        }
        if (seed.empty() && p.organization() == other) return true;
      }
    }
    return false;
  }

  static Scored Locality(const v1::Organization* a, const v1::Organization* b) {
    Scored s;
    if (a == nullptr || b == nullptr) return s;
    const auto same = [](const std::string& x, const std::string& y) {
      return !x.empty() && text::NormalizeText(x) == text::NormalizeText(y);
    };
    if (same(a->address().district(), b->address().district()) &&
        same(a->address().city(), b->address().city())) {
      s = {1.0, absl::StrCat("同じ", b->address().district(), "地区"),
           absl::StrCat("同じ", b->address().district(), "地区")};
    } else if (same(a->address().city(), b->address().city())) {
      s = {0.6, absl::StrCat("同じ", b->address().city()), ""};
    } else if (same(a->address().prefecture(), b->address().prefecture())) {
      s = {0.3, absl::StrCat("同じ", b->address().prefecture()), ""};
    }
    return s;
  }

  // Feedback on `suggestion` for questions like this one.
  absl::StatusOr<Scored> Feedback(const std::string& suggestion, const std::string& need,
                                  const std::string& query) {
    Scored s;
    RENKEI_ASSIGN_OR_RETURN(const auto* list, relations_.FeedbackOn(suggestion));
    double total = 0;
    double strongest = 0;
    std::string strongest_label;
    for (const v1::Feedback& f : *list) {
      double similarity = 0;
      if (!need.empty() && f.need() == need) {
        similarity = 1.0;
      } else {
        similarity = Jaccard(TermsOf(query), AskedTerms(f));
        if (similarity < kSimilarFeedback) continue;
      }
      const double value = LabelValue(f.label()) * similarity;
      total += value;
      if (std::abs(value) > std::abs(strongest)) {
        strongest = value;
        strongest_label = LabelText(f.label());
      }
    }
    if (strongest == 0) return s;
    s.value = std::clamp(total, -1.0, 1.0);
    s.detail = absl::StrFormat("似た相談へのフィードバック（最も強いもの「%s」、類似度%.2f）",
                               strongest_label, std::abs(strongest));
    s.reason = absl::StrCat("似た相談で「", strongest_label, "」との記録");
    return s;
  }

 private:
  // The question's terms, worked out once per request.
  const std::set<std::string>& TermsOf(const std::string& query) {
    if (query_terms_ == nullptr || query != query_) {
      query_ = query;
      query_terms_ = std::make_unique<std::set<std::string>>(QuestionTerms(query));
    }
    return *query_terms_;
  }

  // The terms of the question a feedback record was given for: the earlier
  // need's title, keywords and body while it exists, else its query text.
  const std::set<std::string>& AskedTerms(const v1::Feedback& f) {
    const std::string key = f.need() + "\n" + f.query_text();
    auto it = asked_.find(key);
    if (it != asked_.end()) return it->second;
    std::string asked = f.query_text();
    if (!f.need().empty()) {
      v1::Need earlier;
      if (store_.Get(f.need(), &earlier).ok()) {
        asked = Join({earlier.title(), JoinList(earlier.keywords()), earlier.body()});
      }
    }
    return asked_.emplace(key, QuestionTerms(asked)).first->second;
  }

  const store::Store& store_;
  Relations& relations_;
  std::string query_;
  std::unique_ptr<std::set<std::string>> query_terms_;
  std::map<std::string, std::set<std::string>> asked_;  // feedback's question → its terms
};

void Add(Suggestion* s, const std::string& name, double weight, const Scored& scored,
         std::vector<std::string>* reasons) {
  if (scored.value == 0) return;
  const double contribution = weight * scored.value;
  s->score += contribution;
  s->signals.push_back({name, contribution, scored.detail});
  if (!scored.reason.empty()) reasons->push_back(scored.reason);
}

}  // namespace

namespace {

// Matching looks further than search: pseudo-relevance feedback finds seeds
// that say the same thing in other words (measured on tests/data/match_dev).
// A seed whose text matches at least this well (against the best match)
// speaks for its researcher; the seeds of the kLabsWidened best such
// researchers (at most kLabSeeds each) are candidates too.
constexpr double kStrongText = 0.5;
constexpr size_t kLabsWidened = 3;
constexpr int kLabSeeds = 30;

SearchParameters MatchingParameters() {
  SearchParameters parameters;
  parameters.feedback_documents = 5;
  return parameters;
}

}  // namespace

Matcher::Matcher(const store::Store* store, const ThesaurusSource* thesaurus,
                 MatchWeights weights)
    : store_(*store),
      thesaurus_(*thesaurus),
      weights_(weights),
      searcher_(store, MatchingParameters()) {}

absl::StatusOr<Suggestions> Matcher::ForNeed(const v1::Need& need, const MatchFilters& filters,
                                             int limit) const {
  // The title counts twice: it is what the company would say first.
  const std::string query = Join({need.title(), need.title(), JoinList(need.keywords()),
                                  JoinList(need.fields()), need.body()});
  std::vector<std::string> fields(need.fields().begin(), need.fields().end());
  fields.insert(fields.end(), need.keywords().begin(), need.keywords().end());
  std::vector<int> kinds(need.desired_partner_kinds().begin(), need.desired_partner_kinds().end());
  return SeedsFor(query, need.company(), need.name(), fields, kinds, filters, limit);
}

absl::StatusOr<Suggestions> Matcher::ForText(const std::string& text, const std::string& company,
                                             const MatchFilters& filters, int limit) const {
  return SeedsFor(text, company, "", {}, {}, filters, limit);
}

absl::StatusOr<Suggestions> Matcher::SeedsFor(const std::string& query, const std::string& company,
                                              const std::string& need,
                                              const std::vector<std::string>& need_fields,
                                              const std::vector<int>& desired_kinds,
                                              const MatchFilters& filters, int limit) const {
  Relations relations(&store_);
  Scoring scoring(store_, relations);
  std::map<std::string, v1::Seed> seeds;  // read once
  auto seed_of = [&](const ResourceName& name) -> absl::StatusOr<const v1::Seed*> {
    const std::string key = name.ToString();
    auto it = seeds.find(key);
    if (it == seeds.end()) {
      v1::Seed seed;
      RENKEI_RETURN_IF_ERROR(store_.Get(key, &seed));
      it = seeds.emplace(key, std::move(seed)).first;
    }
    return &it->second;
  };
  auto accept = [&](const ResourceName& name) -> absl::StatusOr<bool> {
    RENKEI_ASSIGN_OR_RETURN(const v1::Seed* seed, seed_of(name));
    if (filters.visible && !filters.visible(*seed)) return false;
    if (!filters.institution.empty() && seed->institution() != filters.institution) return false;
    if (filters.kind != 0 || !filters.district.empty()) {
      RENKEI_ASSIGN_OR_RETURN(const v1::Organization* institution,
                              relations.Organization(seed->institution()));
      if (filters.kind != 0 && institution->kind() != filters.kind) return false;
      if (!filters.district.empty() &&
          text::NormalizeText(institution->address().district()) !=
              text::NormalizeText(filters.district)) {
        return false;
      }
    }
    if (filters.exclude_collaborating) {
      std::vector<std::string> people(seed->researchers().begin(), seed->researchers().end());
      RENKEI_ASSIGN_OR_RETURN(bool busy, scoring.Collaborating(company, seed->institution(),
                                                              people, seed->name()));
      if (busy) return false;
    }
    return true;
  };
  std::shared_ptr<const text::Thesaurus> thesaurus = thesaurus_.Get();
  const bool filtered = !filters.institution.empty() || filters.kind != 0 ||
                        !filters.district.empty() || filters.exclude_collaborating ||
                        filters.visible != nullptr;
  std::function<absl::StatusOr<bool>(const ResourceName&)> filter;
  if (filtered) filter = accept;  // reading every candidate only when asked to
  RENKEI_ASSIGN_OR_RETURN(
      RankedMatches ranked,
      searcher_.Rank(Kind::kSeed, query, filters.use_thesaurus ? thesaurus.get() : nullptr,
                     filter, static_cast<size_t>(std::max(limit * 4, 40))));
  Suggestions out;
  out.expansions = ranked.expansions;
  if (ranked.matches.empty()) return out;
  const double top = ranked.matches.front().score;
  const v1::Organization* asking = nullptr;
  if (!company.empty()) {
    absl::StatusOr<const v1::Organization*> found = relations.Organization(company);
    if (found.ok()) asking = *found;
  }
  std::set<std::string> wanted;
  for (const std::string& f : need_fields) wanted.insert(text::NormalizeText(f));

  // The researchers of the seeds the text matches well, each with their two
  // best such seeds: a coordinator who calls a researcher about one seed
  // hears about the rest of their work, the neighbouring techniques of the
  // same laboratory. Their other seeds join the candidates.
  struct Lab {
    double best = 0, second = 0;
    std::string best_seed, best_title, second_title;
  };
  std::map<std::string, Lab> labs;  // lead researcher → their best matches
  std::vector<TextMatch> candidates = ranked.matches;
  for (const TextMatch& match : ranked.matches) {
    RENKEI_ASSIGN_OR_RETURN(const v1::Seed* seed, seed_of(match.name));
    const double signal = match.score / top;
    if (seed->researchers().empty() || signal < kStrongText) continue;
    Lab& lab = labs[seed->researchers(0)];
    if (signal > lab.best) {
      lab.second = lab.best;
      lab.second_title = lab.best_title;
      lab.best = signal;
      lab.best_seed = match.name.ToString();
      lab.best_title = seed->title();
    } else if (signal > lab.second) {
      lab.second = signal;
      lab.second_title = seed->title();
    }
  }
  {
    std::set<std::string> known;
    for (const TextMatch& match : candidates) known.insert(match.name.ToString());
    std::vector<std::pair<double, std::string>> strongest;
    for (const auto& [person, lab] : labs) strongest.emplace_back(lab.best, person);
    std::sort(strongest.rbegin(), strongest.rend());
    if (strongest.size() > kLabsWidened) strongest.resize(kLabsWidened);
    for (const auto& [best, person] : strongest) {
      absl::StatusOr<ResourceName> researcher = ParseResourceName(person, Kind::kPerson);
      if (!researcher.ok()) continue;
      store::ListRequest request;
      request.kind = Kind::kSeed;
      request.terms.push_back(store::SeedsOfResearcher(researcher->id));
      request.page_size = kLabSeeds;
      RENKEI_ASSIGN_OR_RETURN(store::ListResult page, store_.List(request, v1::Seed()));
      for (const auto& record : page.records) {
        const auto& seed = static_cast<const v1::Seed&>(*record);
        if (!known.insert(seed.name()).second) continue;
        RENKEI_ASSIGN_OR_RETURN(ResourceName name, ParseResourceName(seed.name(), Kind::kSeed));
        seeds.emplace(seed.name(), seed);  // the list read it: not read again
        if (filter) {
          RENKEI_ASSIGN_OR_RETURN(bool accepted, filter(name));
          if (!accepted) continue;
        }
        TextMatch neighbour;
        neighbour.name = name;
        candidates.push_back(std::move(neighbour));
      }
    }
  }

  for (const TextMatch& match : candidates) {
    RENKEI_ASSIGN_OR_RETURN(const v1::Seed* seed, seed_of(match.name));
    absl::StatusOr<const v1::Organization*> institution = relations.Organization(seed->institution());
    Suggestion s;
    s.name = match.name;
    s.matched_terms = match.matched_terms;
    std::vector<std::string> reasons;
    Scored text_signal{match.score / top,
                       absl::StrFormat("本文の一致度 %.2f（最上位比 %.2f）", match.score,
                                       match.score / top),
                       TextReason(match.matched_terms)};
    Add(&s, "text", weights_.text, text_signal, &reasons);
    // Field fit: the need's fields and keywords among the seed's, and the
    // kind of partner the company hoped for.
    Scored field;
    const std::set<std::string> offered = Labels(seed->fields(), seed->keywords());
    std::vector<std::string> shared_fields;
    for (const std::string& label : wanted) {
      if (offered.contains(label)) shared_fields.push_back(label);
    }
    if (!shared_fields.empty()) {
      field.value += std::min(0.6, 0.3 * static_cast<double>(shared_fields.size()));
      field.detail = absl::StrCat("分野・キーワードの一致 ", absl::StrJoin(shared_fields, "、"));
      field.reason = absl::StrCat("分野「", shared_fields.front(), "」が合う");
    }
    if (institution.ok() && std::find(desired_kinds.begin(), desired_kinds.end(),
                                      (*institution)->kind()) != desired_kinds.end()) {
      field.value += 0.4;
      absl::StrAppend(&field.detail, field.detail.empty() ? "" : "、", "希望の相手先（",
                      KindLabel((*institution)->kind()), "）");
    }
    Add(&s, "field", weights_.field, field, &reasons);
    // The same researcher's other work matches well.
    if (!seed->researchers().empty()) {
      auto lab = labs.find(seed->researchers(0));
      if (lab != labs.end()) {
        const bool own = lab->second.best_seed == s.name.ToString();
        const double other = own ? lab->second.second : lab->second.best;
        const std::string& title = own ? lab->second.second_title : lab->second.best_title;
        if (other >= kStrongText) {
          Add(&s, "researcher", weights_.researcher,
              {other, absl::StrFormat("同じ研究者の「%s」の一致度 %.2f", title, other),
               absl::StrCat("同じ研究者の「", title, "」が合う")},
              &reasons);
        }
      }
    }
    std::vector<std::string> people(seed->researchers().begin(), seed->researchers().end());
    RENKEI_ASSIGN_OR_RETURN(Scored graph, scoring.Graph(company, seed->institution(), people));
    Add(&s, "graph", weights_.graph, graph, &reasons);
    if (institution.ok()) {
      Add(&s, "locality", weights_.locality, Scoring::Locality(asking, *institution), &reasons);
    }
    RENKEI_ASSIGN_OR_RETURN(Scored feedback, scoring.Feedback(s.name.ToString(), need, query));
    Add(&s, "feedback", weights_.feedback, feedback, &reasons);
    std::string who;
    if (institution.ok()) who = (*institution)->display_name();
    if (!seed->researchers().empty()) {
      absl::StatusOr<const v1::Person*> lead = relations.Person(seed->researchers(0));
      if (lead.ok()) absl::StrAppend(&who, " ", (*lead)->display_name(), (*lead)->title());
    }
    s.reason = absl::StrCat(who, "「", seed->title(), "」: ", absl::StrJoin(reasons, "。"),
                            reasons.empty() ? "" : "。");
    out.items.push_back(std::move(s));
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  if (out.items.size() > static_cast<size_t>(limit)) out.items.resize(limit);
  return out;
}

absl::StatusOr<Suggestions> Matcher::ForSeed(const v1::Seed& seed, const MatchFilters& filters,
                                             int limit) const {
  Relations relations(&store_);
  Scoring scoring(store_, relations);
  const std::string query = Join({seed.title(), seed.title(), JoinList(seed.keywords()),
                                  JoinList(seed.applications()), seed.summary()});
  const int kind = filters.kind != 0 ? filters.kind : v1::ORGANIZATION_KIND_COMPANY;
  auto organization_ok = [&](const std::string& name) -> absl::StatusOr<bool> {
    RENKEI_ASSIGN_OR_RETURN(const v1::Organization* o, relations.Organization(name));
    if (o->kind() != kind || name == seed.institution()) return false;
    if (!filters.district.empty() &&
        text::NormalizeText(o->address().district()) != text::NormalizeText(filters.district)) {
      return false;
    }
    if (filters.exclude_collaborating) {
      std::vector<std::string> people(seed.researchers().begin(), seed.researchers().end());
      RENKEI_ASSIGN_OR_RETURN(bool busy, scoring.Collaborating(name, seed.institution(), people,
                                                              seed.name()));
      if (busy) return false;
    }
    return true;
  };
  std::shared_ptr<const text::Thesaurus> thesaurus = thesaurus_.Get();
  const text::Thesaurus* used = filters.use_thesaurus ? thesaurus.get() : nullptr;
  const size_t depth = static_cast<size_t>(std::max(limit * 4, 40));
  // Companies by what they make and do …
  RENKEI_ASSIGN_OR_RETURN(
      RankedMatches by_profile,
      searcher_.Rank(Kind::kOrganization, query, used,
                     [&](const ResourceName& n) { return organization_ok(n.ToString()); }, depth));
  // … and by what they asked for.
  std::map<std::string, std::string> need_company;
  RENKEI_ASSIGN_OR_RETURN(
      RankedMatches by_need,
      searcher_.Rank(
          Kind::kNeed, query, used,
          [&](const ResourceName& n) -> absl::StatusOr<bool> {
            v1::Need need;
            RENKEI_RETURN_IF_ERROR(store_.Get(n.ToString(), &need));
            if (need.status() == v1::NEED_STATUS_CLOSED) return false;
            if (filters.visible && !filters.visible(need)) return false;
            need_company[n.ToString()] = need.company();
            return organization_ok(need.company());
          },
          depth));
  struct Entry {
    double text = 0;
    std::vector<std::string> matched;
    std::vector<std::string> needs;
    bool by_need = false;
  };
  std::map<std::string, Entry> entries;
  if (!by_profile.matches.empty()) {
    const double top = by_profile.matches.front().score;
    for (const TextMatch& m : by_profile.matches) {
      Entry& e = entries[m.name.ToString()];
      e.text = std::max(e.text, 0.8 * m.score / top);
      e.matched = m.matched_terms;
    }
  }
  if (!by_need.matches.empty()) {
    const double top = by_need.matches.front().score;
    for (const TextMatch& m : by_need.matches) {
      Entry& e = entries[need_company[m.name.ToString()]];
      if (m.score / top >= e.text) {
        e.text = m.score / top;
        e.matched = m.matched_terms;
      }
      e.needs.push_back(m.name.ToString());
      e.by_need = true;
    }
  }
  Suggestions out;
  absl::StatusOr<const v1::Organization*> institution = relations.Organization(seed.institution());
  std::vector<std::string> people(seed.researchers().begin(), seed.researchers().end());
  for (auto& [name, entry] : entries) {
    Suggestion s;
    RENKEI_ASSIGN_OR_RETURN(s.name, ParseResourceName(name, Kind::kOrganization));
    s.matched_terms = entry.matched;
    s.related_needs = entry.needs;
    std::vector<std::string> reasons;
    std::string text_reason = TextReason(entry.matched);
    if (entry.by_need && !text_reason.empty()) {
      text_reason = absl::StrCat("ニーズで", text_reason);
    }
    Add(&s, "text", weights_.text,
        {entry.text, entry.by_need ? "ニーズの本文が一致" : "製品・技術・事業内容が一致",
         text_reason},
        &reasons);
    RENKEI_ASSIGN_OR_RETURN(Scored graph, scoring.Graph(name, seed.institution(), people));
    Add(&s, "graph", weights_.graph, graph, &reasons);
    RENKEI_ASSIGN_OR_RETURN(const v1::Organization* company, relations.Organization(name));
    if (institution.ok()) {
      Add(&s, "locality", weights_.locality, Scoring::Locality(*institution, company), &reasons);
    }
    RENKEI_ASSIGN_OR_RETURN(Scored feedback, scoring.Feedback(name, "", query));
    Add(&s, "feedback", weights_.feedback, feedback, &reasons);
    s.reason = absl::StrCat(company->display_name(), ": ", absl::StrJoin(reasons, "。"),
                            reasons.empty() ? "" : "。");
    out.items.push_back(std::move(s));
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  if (out.items.size() > static_cast<size_t>(limit)) out.items.resize(limit);
  return out;
}

absl::StatusOr<Suggestions> Matcher::Partners(const v1::Organization& organization,
                                              const MatchFilters& filters, int limit) const {
  Relations relations(&store_);
  Scoring scoring(store_, relations);
  const int kind = filters.kind != 0 ? filters.kind : v1::ORGANIZATION_KIND_COMPANY;
  auto candidate_ok = [&](const std::string& name) -> absl::StatusOr<bool> {
    if (name == organization.name()) return false;
    RENKEI_ASSIGN_OR_RETURN(const v1::Organization* o, relations.Organization(name));
    if (o->kind() != kind) return false;
    if (!filters.district.empty() &&
        text::NormalizeText(o->address().district()) != text::NormalizeText(filters.district)) {
      return false;
    }
    if (filters.exclude_collaborating) {
      RENKEI_ASSIGN_OR_RETURN(bool busy,
                              scoring.Collaborating(organization.name(), name, {}, ""));
      if (busy) return false;
    }
    return true;
  };
  std::shared_ptr<const text::Thesaurus> thesaurus = thesaurus_.Get();
  const text::Thesaurus* used = filters.use_thesaurus ? thesaurus.get() : nullptr;
  const size_t depth = static_cast<size_t>(std::max(limit * 4, 40));
  auto accept = [&](const ResourceName& n) { return candidate_ok(n.ToString()); };

  struct Entry {
    double solves = 0;   // their capabilities answer my needs
    double similar = 0;  // their capabilities are like mine
    std::vector<std::string> matched;
    std::string link;    // 受発注
    double supply = 0;
  };
  std::map<std::string, Entry> entries;
  // What I need, answered by their profile (complementary capabilities).
  ResourceName me;
  RENKEI_ASSIGN_OR_RETURN(me, ParseResourceName(organization.name(), Kind::kOrganization));
  store::ListRequest my_needs;
  my_needs.kind = Kind::kNeed;
  my_needs.terms = {store::NeedsOf(me.id)};
  my_needs.page_size = 50;
  RENKEI_ASSIGN_OR_RETURN(store::ListResult needs, store_.List(my_needs, v1::Need::default_instance()));
  std::string needs_text;
  for (const auto& record : needs.records) {
    const auto& need = static_cast<const v1::Need&>(*record);
    if (need.status() == v1::NEED_STATUS_CLOSED) continue;
    if (filters.visible && !filters.visible(need)) continue;
    needs_text = Join({needs_text, need.title(), JoinList(need.keywords()), need.body()});
  }
  if (!needs_text.empty()) {
    RENKEI_ASSIGN_OR_RETURN(RankedMatches solve,
                            searcher_.Rank(Kind::kOrganization, needs_text, used, accept, depth));
    if (!solve.matches.empty()) {
      const double top = solve.matches.front().score;
      for (const TextMatch& m : solve.matches) {
        Entry& e = entries[m.name.ToString()];
        e.solves = m.score / top;
        e.matched = m.matched_terms;
      }
    }
  }
  // What I make and do, next to theirs.
  std::vector<std::string> parts = {organization.description()};
  for (const v1::Offering& o : organization.products()) {
    parts.push_back(Join({o.display_name(), o.description()}));
  }
  for (const v1::Offering& o : organization.technologies()) {
    parts.push_back(Join({o.display_name(), o.description()}));
  }
  const std::string profile = JoinList(parts);
  if (!text::Terms(text::NormalizeForSearch(profile)).empty()) {
    RENKEI_ASSIGN_OR_RETURN(RankedMatches alike,
                            searcher_.Rank(Kind::kOrganization, profile, used, accept, depth));
    if (!alike.matches.empty()) {
      const double top = alike.matches.front().score;
      for (const TextMatch& m : alike.matches) {
        Entry& e = entries[m.name.ToString()];
        e.similar = m.score / top;
        if (e.matched.empty()) e.matched = m.matched_terms;
      }
    }
  }
  // 受発注: organizations of industries that supply mine or that I supply.
  const std::set<std::string> mine = MajorCodes(organization);
  for (const auto& [from, to] : SupplyLinks()) {
    for (bool i_supply : {true, false}) {
      const std::string& my_code = i_supply ? from : to;
      const std::string& their_code = i_supply ? to : from;
      if (!mine.contains(my_code)) continue;
      store::ListRequest request;
      request.kind = Kind::kOrganization;
      request.terms = {store::OrganizationsWithJsic(their_code)};
      request.page_size = static_cast<int>(depth);
      RENKEI_ASSIGN_OR_RETURN(store::ListResult page,
                              store_.List(request, v1::Organization::default_instance()));
      for (const auto& record : page.records) {
        const auto& o = static_cast<const v1::Organization&>(*record);
        RENKEI_ASSIGN_OR_RETURN(bool ok, candidate_ok(o.name()));
        if (!ok) continue;
        Entry& e = entries[o.name()];
        if (e.supply == 0) {
          e.supply = 1.0;
          e.link = i_supply ? absl::StrCat("受発注: 自社(", my_code, ") → 相手(", their_code, ")")
                            : absl::StrCat("受発注: 相手(", their_code, ") → 自社(", my_code, ")");
        }
      }
    }
  }
  // Members of the same networks.
  RENKEI_ASSIGN_OR_RETURN(const auto* networks, relations.Networks(organization.name()));
  for (const auto& [network, display] : *networks) {
    RENKEI_ASSIGN_OR_RETURN(ResourceName n, ParseResourceName(network, Kind::kNetwork));
    store::ListRequest request;
    request.kind = Kind::kOrganization;
    request.terms = {store::CurrentMembersOf(n.id)};
    request.page_size = static_cast<int>(depth);
    RENKEI_ASSIGN_OR_RETURN(store::ListResult page,
                            store_.List(request, v1::Organization::default_instance()));
    for (const auto& record : page.records) {
      const auto& o = static_cast<const v1::Organization&>(*record);
      RENKEI_ASSIGN_OR_RETURN(bool ok, candidate_ok(o.name()));
      if (ok) entries[o.name()];
    }
  }

  Suggestions out;
  for (auto& [name, entry] : entries) {
    Suggestion s;
    RENKEI_ASSIGN_OR_RETURN(s.name, ParseResourceName(name, Kind::kOrganization));
    s.matched_terms = entry.matched;
    std::vector<std::string> reasons;
    const double text = std::max(entry.solves, 0.6 * entry.similar);
    std::string text_reason = TextReason(entry.matched);
    if (entry.solves > 0 && !text_reason.empty()) {
      text_reason = absl::StrCat("自社のニーズと", text_reason);
    }
    Add(&s, "text", weights_.text,
        {text, entry.solves > 0 ? "自社のニーズに相手の製品・技術が一致" : "製品・技術が近い",
         text_reason},
        &reasons);
    Add(&s, "field", weights_.field, {entry.supply, entry.link, entry.link}, &reasons);
    RENKEI_ASSIGN_OR_RETURN(Scored graph, scoring.Graph(organization.name(), name, {}));
    Add(&s, "graph", weights_.graph, graph, &reasons);
    RENKEI_ASSIGN_OR_RETURN(const v1::Organization* other, relations.Organization(name));
    Add(&s, "locality", weights_.locality, Scoring::Locality(&organization, other), &reasons);
    RENKEI_ASSIGN_OR_RETURN(Scored feedback, scoring.Feedback(name, "", Join({needs_text, profile})));
    Add(&s, "feedback", weights_.feedback, feedback, &reasons);
    if (s.score <= 0) continue;
    s.reason = absl::StrCat(other->display_name(), ": ", absl::StrJoin(reasons, "。"),
                            reasons.empty() ? "" : "。");
    out.items.push_back(std::move(s));
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
  if (out.items.size() > static_cast<size_t>(limit)) out.items.resize(limit);
  return out;
}

}  // namespace renkei::match
