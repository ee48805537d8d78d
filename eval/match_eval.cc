#include "eval/match_eval.h"

#include <grpcpp/grpcpp.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "renkei/v1/match.grpc.pb.h"
#include "renkei/v1/need.grpc.pb.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "renkei/v1/person.grpc.pb.h"
#include "renkei/v1/seed.grpc.pb.h"

namespace renkei::eval {
namespace {

constexpr int kDepth = 10;

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string Text(const google::protobuf::Struct& s, const char* key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? "" : it->second.string_value();
}

std::vector<std::string> List(const google::protobuf::Struct& s, const char* key) {
  std::vector<std::string> out;
  auto it = s.fields().find(key);
  if (it == s.fields().end()) return out;
  for (const auto& v : it->second.list_value().values()) out.push_back(v.string_value());
  return out;
}

template <typename Visit>
absl::Status ForEachJsonLine(const std::string& path, Visit visit) {
  absl::StatusOr<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(*content, '\n')) {
    ++line_number;
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    google::protobuf::Struct object;
    if (!google::protobuf::util::JsonStringToMessage(std::string(line), &object).ok()) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", line_number, ": not JSON"));
    }
    visit(object);
  }
  return absl::OkStatus();
}

absl::Status FromGrpc(const grpc::Status& status, const std::string& what) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  return context;
}

// NFKC only (no case folding, no kana folding), then bigrams of the
// non-space characters of each run.
std::vector<std::string> BaselineTerms(const std::string& text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  icu::UnicodeString normalized = nfkc->normalize(icu::UnicodeString::fromUTF8(text), error);
  std::vector<std::string> runs(1);
  std::vector<std::vector<std::string>> chars(1);
  for (int32_t i = 0; i < normalized.length();) {
    const UChar32 c = normalized.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || u_ispunct(c)) {
      if (!chars.back().empty()) chars.emplace_back();
      continue;
    }
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    chars.back().push_back(utf8);
  }
  std::vector<std::string> terms;
  for (const auto& run : chars) {
    if (run.size() == 1) terms.push_back(run[0]);
    for (size_t i = 0; i + 1 < run.size(); ++i) terms.push_back(run[i] + run[i + 1]);
  }
  return terms;
}

}  // namespace

absl::StatusOr<EvalSet> LoadEvalSet(const std::string& seeds_jsonl, const std::string& needs_jsonl,
                                    const std::string& qrels_tsv) {
  EvalSet set;
  absl::Status status = ForEachJsonLine(seeds_jsonl, [&](const google::protobuf::Struct& s) {
    set.seeds.push_back({Text(s, "id"), Text(s, "institution"), Text(s, "researcher"),
                         Text(s, "department"), Text(s, "title"), Text(s, "summary"),
                         List(s, "keywords"), List(s, "fields"), List(s, "applications")});
  });
  if (!status.ok()) return status;
  status = ForEachJsonLine(needs_jsonl, [&](const google::protobuf::Struct& s) {
    set.needs.push_back({Text(s, "id"), Text(s, "company"), Text(s, "industry"), Text(s, "title"),
                         Text(s, "body")});
  });
  if (!status.ok()) return status;
  absl::StatusOr<std::string> qrels = ReadFile(qrels_tsv);
  if (!qrels.ok()) return qrels.status();
  bool header = true;
  for (absl::string_view line : absl::StrSplit(*qrels, '\n', absl::SkipWhitespace())) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cells = absl::StrSplit(line, '\t');
    int grade;
    if (cells.size() != 3 || !absl::SimpleAtoi(absl::StripAsciiWhitespace(cells[2]), &grade)) {
      return absl::InvalidArgumentError(absl::StrCat(qrels_tsv, ": bad line \"", line, "\""));
    }
    set.grades[cells[0]][cells[1]] = grade;
  }
  return set;
}

absl::StatusOr<Metrics> Evaluate(const EvalSet& set, const Ranker& ranker) {
  Metrics m;
  for (const EvalNeed& need : set.needs) {
    auto graded = set.grades.find(need.id);
    if (graded == set.grades.end()) continue;
    std::vector<int> ideal;
    int strong = 0;
    for (const auto& [seed, grade] : graded->second) {
      if (grade > 0) ideal.push_back(grade);
      strong += grade >= 2;
    }
    if (ideal.empty()) continue;
    absl::StatusOr<std::vector<std::string>> ranked = ranker(need.id);
    if (!ranked.ok()) return ranked.status();
    std::sort(ideal.rbegin(), ideal.rend());
    double dcg = 0, idcg = 0, reciprocal = 0, reciprocal_strong = 0;
    int found = 0, found_strong = 0;
    for (int i = 0; i < kDepth; ++i) {
      if (i < static_cast<int>(ideal.size())) {
        idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(i + 2);
      }
      if (i >= static_cast<int>(ranked->size())) continue;
      auto g = graded->second.find((*ranked)[i]);
      const int grade = g == graded->second.end() ? 0 : g->second;
      dcg += (std::pow(2.0, grade) - 1) / std::log2(i + 2);
      if (grade >= 1) {
        ++found;
        if (reciprocal == 0) reciprocal = 1.0 / (i + 1);
      }
      if (grade >= 2) {
        ++found_strong;
        if (reciprocal_strong == 0) reciprocal_strong = 1.0 / (i + 1);
      }
    }
    ++m.needs_graded;
    m.ndcg_at_10 += dcg / idcg;
    m.recall_at_10 += static_cast<double>(found) / static_cast<double>(ideal.size());
    m.mrr += reciprocal;
    if (strong > 0) {
      ++m.needs_with_strong;
      m.recall_at_10_strong += static_cast<double>(found_strong) / strong;
      m.mrr_strong += reciprocal_strong;
    }
  }
  if (m.needs_graded > 0) {
    m.ndcg_at_10 /= m.needs_graded;
    m.recall_at_10 /= m.needs_graded;
    m.mrr /= m.needs_graded;
  }
  if (m.needs_with_strong > 0) {
    m.recall_at_10_strong /= m.needs_with_strong;
    m.mrr_strong /= m.needs_with_strong;
  }
  return m;
}

absl::StatusOr<std::unique_ptr<ServerRanker>> ServerRanker::Load(
    std::shared_ptr<grpc::Channel> channel, const EvalSet& set) {
  auto organizations = v1::OrganizationService::NewStub(channel);
  auto people = v1::PersonService::NewStub(channel);
  auto seeds = v1::SeedService::NewStub(channel);
  auto needs = v1::NeedService::NewStub(channel);
  std::map<std::string, std::string> organization_names, person_names, seed_names;
  auto organization = [&](const std::string& display, v1::OrganizationKind kind,
                          const std::string& description) -> absl::StatusOr<std::string> {
    auto it = organization_names.find(display);
    if (it != organization_names.end()) return it->second;
    v1::CreateOrganizationRequest request;
    request.mutable_organization()->set_kind(kind);
    request.mutable_organization()->set_display_name(display);
    request.mutable_organization()->set_description(description);
    v1::Organization created;
    absl::Status status = FromGrpc(
        organizations->CreateOrganization(Context().get(), request, &created), display);
    if (!status.ok()) return status;
    return organization_names[display] = created.name();
  };
  for (const EvalSeed& seed : set.seeds) {
    absl::StatusOr<std::string> institution = organization(
        seed.institution,
        absl::StrContains(seed.institution, "高等専門学校") ? v1::ORGANIZATION_KIND_ACADEMIC
                                                            : v1::ORGANIZATION_KIND_PUBLIC_RESEARCH,
        "");
    if (!institution.ok()) return institution.status();
    const std::string person_key = seed.institution + "/" + seed.researcher;
    if (!person_names.contains(person_key)) {
      v1::CreatePersonRequest request;
      request.mutable_person()->set_role(v1::PERSON_ROLE_RESEARCHER);
      request.mutable_person()->set_display_name(seed.researcher);
      request.mutable_person()->set_organization(*institution);
      request.mutable_person()->set_department(seed.department);
      v1::Person created;
      absl::Status status =
          FromGrpc(people->CreatePerson(Context().get(), request, &created), seed.researcher);
      if (!status.ok()) return status;
      person_names[person_key] = created.name();
    }
    v1::CreateSeedRequest request;
    v1::Seed* s = request.mutable_seed();
    s->set_institution(*institution);
    s->add_researchers(person_names[person_key]);
    s->set_title(seed.title);
    s->set_summary(seed.summary);
    for (const auto& k : seed.keywords) s->add_keywords(k);
    for (const auto& f : seed.fields) s->add_fields(f);
    for (const auto& a : seed.applications) s->add_applications(a);
    auto* id = s->add_external_ids();
    id->set_source("eval/seed");
    id->set_value(seed.id);
    v1::Seed created;
    absl::Status status = FromGrpc(seeds->CreateSeed(Context().get(), request, &created), seed.id);
    if (!status.ok()) return status;
    seed_names[seed.id] = created.name();
  }
  std::unique_ptr<ServerRanker> ranker(new ServerRanker());
  ranker->channel_ = channel;
  ranker->seed_names_ = std::move(seed_names);
  for (const EvalNeed& need : set.needs) {
    absl::StatusOr<std::string> company =
        organization(need.company, v1::ORGANIZATION_KIND_COMPANY, need.industry);
    if (!company.ok()) return company.status();
    v1::CreateNeedRequest request;
    request.mutable_need()->set_company(*company);
    request.mutable_need()->set_title(need.title);
    request.mutable_need()->set_body(need.body);
    v1::Need created;
    absl::Status status = FromGrpc(needs->CreateNeed(Context().get(), request, &created), need.id);
    if (!status.ok()) return status;
    ranker->need_names_[need.id] = created.name();
  }
  return ranker;
}

absl::StatusOr<std::vector<std::string>> ServerRanker::Rank(const std::string& need_id,
                                                             bool without_thesaurus) const {
  std::vector<std::string> ids;
  absl::StatusOr<std::string> ignored = Suggest(need_id, without_thesaurus, &ids, nullptr);
  if (!ignored.ok()) return ignored.status();
  return ids;
}

absl::StatusOr<std::string> ServerRanker::Describe(const std::string& need_id,
                                                   bool without_thesaurus) const {
  std::string lines;
  return Suggest(need_id, without_thesaurus, nullptr, &lines);
}

absl::Status ServerRanker::RecordFeedback(const std::string& need_id,
                                          const std::string& seed_id, bool useful) const {
  auto need = need_names_.find(need_id);
  auto seed = seed_names_.find(seed_id);
  if (need == need_names_.end() || seed == seed_names_.end()) {
    return absl::NotFoundError(absl::StrCat("no need ", need_id, " or seed ", seed_id));
  }
  v1::RecordFeedbackRequest request;
  request.mutable_feedback()->set_need(need->second);
  request.mutable_feedback()->set_suggestion(seed->second);
  request.mutable_feedback()->set_label(useful ? v1::FEEDBACK_LABEL_USEFUL
                                               : v1::FEEDBACK_LABEL_NOT_USEFUL);
  v1::Feedback created;
  return FromGrpc(v1::MatchService::NewStub(channel_)->RecordFeedback(Context().get(), request,
                                                                      &created),
                  need_id);
}

absl::StatusOr<std::string> ServerRanker::Suggest(const std::string& need_id,
                                                  bool without_thesaurus,
                                                  std::vector<std::string>* ids,
                                                  std::string* lines) const {
  auto match = v1::MatchService::NewStub(channel_);
  v1::SuggestForNeedRequest request;
  request.set_need(need_names_.at(need_id));
  request.set_page_size(kDepth);
  request.mutable_options()->set_without_thesaurus(without_thesaurus);
  v1::SeedSuggestions response;
  absl::Status status =
      FromGrpc(match->SuggestForNeed(Context().get(), request, &response), need_id);
  if (!status.ok()) return status;
  for (const auto& s : response.suggestions()) {
    std::string id = s.seed().name();
    for (const auto& external : s.seed().external_ids()) {
      if (external.source() == "eval/seed") id = external.value();
    }
    if (ids != nullptr) ids->push_back(id);  // a distractor keeps its place
    if (lines != nullptr) {
      absl::StrAppend(lines, absl::StrFormat("%s %d %s %.9g %s\n", need_id, s.rank(), id,
                                             s.score(), s.reason()));
    }
  }
  return lines == nullptr ? std::string() : *lines;
}

Bm25Baseline::Bm25Baseline(const EvalSet& set) {
  double total = 0;
  for (const EvalSeed& seed : set.seeds) {
    std::string text = seed.title + " " + seed.summary;
    for (const auto* list : {&seed.keywords, &seed.fields, &seed.applications}) {
      for (const std::string& item : *list) text += " " + item;
    }
    Document d;
    d.id = seed.id;
    for (const std::string& term : BaselineTerms(text)) ++d.tf[term];
    for (const auto& [term, tf] : d.tf) ++df_[term];
    d.length = 0;
    for (const auto& [term, tf] : d.tf) d.length += tf;
    total += d.length;
    documents_.push_back(std::move(d));
  }
  average_length_ = documents_.empty() ? 1 : total / static_cast<double>(documents_.size());
  for (const EvalNeed& need : set.needs) queries_[need.id] = need.title + " " + need.body;
}

std::vector<std::string> Bm25Baseline::Rank(const std::string& need_id) const {
  const double k1 = 1.2, b = 0.75;
  const double n = static_cast<double>(documents_.size());
  std::map<std::string, int> query;
  auto q = queries_.find(need_id);
  if (q != queries_.end()) {
    for (const std::string& term : BaselineTerms(q->second)) ++query[term];
  }
  std::vector<std::pair<double, std::string>> scores;
  for (const Document& d : documents_) {
    double score = 0;
    for (const auto& [term, qtf] : query) {
      auto tf = d.tf.find(term);
      if (tf == d.tf.end()) continue;
      const double df = df_.at(term);
      const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
      const double t = tf->second;
      score += qtf * idf * t * (k1 + 1) / (t + k1 * (1 - b + b * d.length / average_length_));
    }
    if (score > 0) scores.emplace_back(score, d.id);
  }
  std::sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> ids;
  for (size_t i = 0; i < scores.size() && i < static_cast<size_t>(kDepth); ++i) {
    ids.push_back(scores[i].second);
  }
  return ids;
}

}  // namespace renkei::eval
