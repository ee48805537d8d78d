#include "cli/match_commands.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "cli/display_width.h"
#include "cli/exit_codes.h"
#include "cli/fields.h"
#include "google/protobuf/descriptor.h"
#include "renkei/v1/match.pb.h"

namespace renkei::cli {
namespace {

using google::protobuf::Message;

// The snippet's text with its highlights in 【】.
std::string Marked(const v1::Snippet& snippet) {
  std::vector<std::string> points;
  for (size_t i = 0; i < snippet.text().size();) {
    const auto lead = static_cast<unsigned char>(snippet.text()[i]);
    const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    points.push_back(snippet.text().substr(i, n));
    i += n;
  }
  std::string out;
  size_t h = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    if (h < static_cast<size_t>(snippet.highlights_size()) &&
        static_cast<int>(i) == snippet.highlights(h).start()) {
      out += "【";
    }
    out += points[i];
    if (h < static_cast<size_t>(snippet.highlights_size()) &&
        static_cast<int>(i) + 1 == snippet.highlights(h).end()) {
      out += "】";
      ++h;
    }
  }
  return out;
}

std::string Indent(const std::string& text, int width) {
  const std::string line = absl::StrCat("    ", text);
  return width > 0 ? FitToWidth(line, width) : line;
}

absl::StatusOr<std::string> Ref(const std::string& value, const char* collection) {
  if (value.empty()) return std::string();
  return NormalizeReference(value, collection);
}

absl::Status Filters(const MatchOptions& options, v1::MatchFilters* filters) {
  absl::StatusOr<std::string> institution = Ref(options.institution, "organizations");
  if (!institution.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("--institution ", institution.status().message()));
  }
  filters->set_institution(*institution);
  filters->set_district(options.district);
  if (!options.kind.empty()) {
    absl::StatusOr<int> kind = ParseEnumValue(v1::OrganizationKind_descriptor(), options.kind);
    if (!kind.ok()) return absl::InvalidArgumentError(absl::StrCat("--kind ", kind.status().message()));
    filters->set_kind(static_cast<v1::OrganizationKind>(*kind));
  }
  filters->set_exclude_collaborating(options.exclude_collaborating);
  return absl::OkStatus();
}

// A Suggest… request with what every one has: filters, page size, options.
template <typename Request>
Request SuggestRequest(const v1::MatchFilters& filters, const MatchOptions& options) {
  Request request;
  *request.mutable_filters() = filters;
  request.set_page_size(options.limit);
  request.mutable_options()->set_without_thesaurus(options.without_thesaurus);
  return request;
}

std::string Signals(const google::protobuf::RepeatedPtrField<v1::Signal>& signals) {
  std::vector<std::string> parts;
  for (const v1::Signal& s : signals) {
    parts.push_back(absl::StrFormat("%s %+.2f", s.name(), s.contribution()));
  }
  return absl::StrJoin(parts, ", ");
}

void PrintSeedSuggestions(const Session& session, const v1::SeedSuggestions& response) {
  if (session.format != Format::kTable) {
    ListWriter writer(session.format,
                      {{"RANK", "rank"}, {"SCORE", "score"}, {"SEED", "seed.name"},
                       {"TITLE", "seed.title"}, {"INSTITUTION", "institution.display_name"},
                       {"REASON", "reason"}},
                      &std::cout, session.width);
    for (const auto& s : response.suggestions()) writer.Add(s);
    writer.Finish();
    return;
  }
  if (response.suggestions().empty()) std::cout << "(候補なし)\n";
  for (const auto& s : response.suggestions()) {
    std::vector<std::string> who = {s.institution().display_name()};
    for (const auto& p : s.researchers()) who.push_back(p.display_name() + p.title());
    std::cout << absl::StrFormat("%2d. %-9s %.3f  %s\n", s.rank(), s.seed().name(), s.score(),
                                 s.seed().title());
    std::cout << Indent(absl::StrJoin(who, " "), session.width) << "\n";
    std::cout << Indent(absl::StrCat("理由: ", s.reason()), session.width) << "\n";
    std::cout << Indent(absl::StrCat("内訳: ", Signals(s.signals())), session.width) << "\n";
  }
  if (!response.expanded_terms().empty()) {
    std::cout << "\nシソーラスで加えた語: " << absl::StrJoin(response.expanded_terms(), "、")
              << "\n";
  }
}

void PrintOrganizationSuggestions(const Session& session,
                                  const v1::OrganizationSuggestions& response) {
  if (session.format != Format::kTable) {
    ListWriter writer(session.format,
                      {{"RANK", "rank"}, {"SCORE", "score"}, {"ORGANIZATION", "organization.name"},
                       {"NAME", "organization.display_name"}, {"REASON", "reason"}},
                      &std::cout, session.width);
    for (const auto& s : response.suggestions()) writer.Add(s);
    writer.Finish();
    return;
  }
  if (response.suggestions().empty()) std::cout << "(候補なし)\n";
  for (const auto& s : response.suggestions()) {
    std::cout << absl::StrFormat("%2d. %-17s %.3f  %s  %s\n", s.rank(), s.organization().name(),
                                 s.score(), s.organization().display_name(),
                                 s.organization().address().district());
    if (!s.related_needs().empty()) {
      std::cout << Indent(absl::StrCat("ニーズ: ", absl::StrJoin(s.related_needs(), ", ")),
                          session.width)
                << "\n";
    }
    std::cout << Indent(absl::StrCat("理由: ", s.reason()), session.width) << "\n";
    std::cout << Indent(absl::StrCat("内訳: ", Signals(s.signals())), session.width) << "\n";
  }
}

}  // namespace

int SearchCommand(const Session& session, const std::string& what, const std::string& query,
                  const FlagValues& filters, int page_size, const std::string& page_token,
                  bool without_thesaurus) {
  static const std::map<std::string, std::pair<std::string, std::string>> kMethods = {
      {"org", {"SearchOrganizations", "organization"}},
      {"person", {"SearchPeople", "person"}},
      {"seed", {"SearchSeeds", "seed"}},
      {"need", {"SearchNeeds", "need"}}};
  auto method_info = kMethods.find(what);
  const Resource* resource = nullptr;
  for (const Resource& r : Resources()) {
    if (r.command == what) resource = &r;
  }
  if (method_info == kMethods.end() || resource == nullptr) {
    return Report(session, absl::InvalidArgumentError("search org, person, seed or need"));
  }
  const auto* method = FindMethod(absl::StrCat("renkei.v1.SearchService.", method_info->second.first));
  std::unique_ptr<Message> request = NewInput(method);
  const auto* d = request->GetDescriptor();
  const auto* r = request->GetReflection();
  r->SetString(request.get(), d->FindFieldByName("query"), query);
  r->SetInt32(request.get(), d->FindFieldByName("page_size"), page_size);
  r->SetString(request.get(), d->FindFieldByName("page_token"), page_token);
  if (without_thesaurus) {
    Message* options = r->MutableMessage(request.get(), d->FindFieldByName("options"));
    options->GetReflection()->SetBool(options, options->GetDescriptor()->FindFieldByName("without_thesaurus"), true);
  }
  for (const FieldFlag& flag : resource->filters) {
    auto given = filters.find(flag.flag);
    if (given == filters.end() || given->second.empty()) continue;
    if (d->FindFieldByName(flag.path) == nullptr) continue;  // a list-only filter
    std::string value = given->second.back();
    if (!flag.collection.empty()) {
      absl::StatusOr<std::string> ref = NormalizeReference(value, flag.collection);
      if (!ref.ok()) return Report(session, absl::InvalidArgumentError(absl::StrCat("--", flag.flag, " ", ref.status().message())));
      value = *ref;
    }
    absl::Status set = SetField(request.get(), flag.path, value);
    if (!set.ok()) return Report(session, absl::InvalidArgumentError(absl::StrCat("--", flag.flag, " ", set.message())));
  }
  std::unique_ptr<Message> response = NewOutput(method);
  absl::Status status = session.client->Call(method, *request, response.get());
  if (!status.ok()) return Report(session, status);
  const auto* results = response->GetDescriptor()->FindFieldByName("results");
  const auto* rr = response->GetReflection();
  const std::string record = method_info->second.second;
  const std::string title_path = what == "seed" || what == "need" ? "title" : "display_name";
  if (session.format == Format::kTable) {
    for (int i = 0; i < rr->FieldSize(*response, results); ++i) {
      const Message& hit = rr->GetRepeatedMessage(*response, results, i);
      const auto* hd = hit.GetDescriptor();
      const Message& entity = hit.GetReflection()->GetMessage(hit, hd->FindFieldByName(record));
      v1::SearchHit detail;
      detail.CopyFrom(hit.GetReflection()->GetMessage(hit, hd->FindFieldByName("hit")));
      std::cout << absl::StrFormat("%-18s %6.2f  %s\n", FieldText(entity, "name"), detail.score(),
                                   FieldText(entity, title_path));
      if (!detail.matched_terms().empty()) {
        std::cout << Indent(absl::StrCat("一致: ", absl::StrJoin(detail.matched_terms(), "、")),
                            session.width)
                  << "\n";
      }
      for (const v1::Snippet& snippet : detail.snippets()) {
        if (snippet.field() == title_path) continue;
        std::cout << Indent(absl::StrCat(snippet.field(), ": ", Marked(snippet)), session.width)
                  << "\n";
      }
    }
    if (rr->FieldSize(*response, results) == 0) std::cout << "(該当なし)\n";
  } else {
    ListWriter writer(session.format,
                      {{"NAME", record + ".name"}, {"SCORE", "hit.score"},
                       {"TITLE", record + "." + title_path}, {"MATCHED", "hit.matched_terms"}},
                      &std::cout, session.width);
    for (int i = 0; i < rr->FieldSize(*response, results); ++i) {
      writer.Add(rr->GetRepeatedMessage(*response, results, i));
    }
    writer.Finish();
  }
  const std::string next = rr->GetString(*response, response->GetDescriptor()->FindFieldByName("next_page_token"));
  if (!next.empty()) std::cerr << "renkei: more follow: add --page-token " << next << "\n";
  return kExitOk;
}

int MatchCommand(const Session& session, const std::string& what, const std::string& subject,
                 const MatchOptions& options) {
  v1::MatchFilters filters;
  absl::Status valid = Filters(options, &filters);
  if (!valid.ok()) return Report(session, valid);
  if (what == "need" || what == "text") {
    v1::SeedSuggestions response;
    absl::Status status;
    if (what == "need") {
      absl::StatusOr<std::string> need = NormalizeReference(subject, "needs");
      if (!need.ok()) return Report(session, need.status());
      auto request = SuggestRequest<v1::SuggestForNeedRequest>(filters, options);
      request.set_need(*need);
      status = session.client->Call(FindMethod("renkei.v1.MatchService.SuggestForNeed"), request,
                                    &response);
    } else {
      absl::StatusOr<std::string> company = Ref(options.company, "organizations");
      if (!company.ok()) return Report(session, company.status());
      auto request = SuggestRequest<v1::SuggestForTextRequest>(filters, options);
      request.set_text(subject);
      request.set_company(*company);
      status = session.client->Call(FindMethod("renkei.v1.MatchService.SuggestForText"), request,
                                    &response);
    }
    if (!status.ok()) return Report(session, status);
    PrintSeedSuggestions(session, response);
    return kExitOk;
  }
  v1::OrganizationSuggestions response;
  absl::Status status;
  if (what == "seed") {
    absl::StatusOr<std::string> seed = NormalizeReference(subject, "seeds");
    if (!seed.ok()) return Report(session, seed.status());
    auto request = SuggestRequest<v1::SuggestForSeedRequest>(filters, options);
    request.set_seed(*seed);
    status = session.client->Call(FindMethod("renkei.v1.MatchService.SuggestForSeed"), request,
                                  &response);
  } else {
    absl::StatusOr<std::string> organization = NormalizeReference(subject, "organizations");
    if (!organization.ok()) return Report(session, organization.status());
    auto request = SuggestRequest<v1::SuggestPartnersRequest>(filters, options);
    request.set_organization(*organization);
    status = session.client->Call(FindMethod("renkei.v1.MatchService.SuggestPartners"), request,
                                  &response);
  }
  if (!status.ok()) return Report(session, status);
  PrintOrganizationSuggestions(session, response);
  return kExitOk;
}

int FeedbackCommand(const Session& session, const std::string& suggestion,
                    const std::string& label, const std::string& need, const std::string& text,
                    const std::string& note, const std::string& coordinator,
                    const std::string& collaboration) {
  v1::RecordFeedbackRequest request;
  v1::Feedback* f = request.mutable_feedback();
  const bool organization = suggestion.rfind("organizations/", 0) == 0;
  absl::StatusOr<std::string> target =
      NormalizeReference(suggestion, organization ? "organizations" : "seeds");
  if (!target.ok()) return Report(session, target.status());
  f->set_suggestion(*target);
  absl::StatusOr<int> value = ParseEnumValue(v1::FeedbackLabel_descriptor(), label);
  if (!value.ok()) return Report(session, absl::InvalidArgumentError(absl::StrCat("--label ", value.status().message())));
  f->set_label(static_cast<v1::FeedbackLabel>(*value));
  absl::StatusOr<std::string> need_name = Ref(need, "needs");
  if (!need_name.ok()) return Report(session, need_name.status());
  f->set_need(*need_name);
  f->set_query_text(text);
  f->set_note(note);
  f->set_coordinator(coordinator);
  absl::StatusOr<std::string> collaboration_name = Ref(collaboration, "collaborations");
  if (!collaboration_name.ok()) return Report(session, collaboration_name.status());
  f->set_collaboration(*collaboration_name);
  v1::Feedback created;
  absl::Status status =
      session.client->Call(FindMethod("renkei.v1.MatchService.RecordFeedback"), request, &created);
  if (!status.ok()) return Report(session, status);
  WriteRecord(session.format, created, &std::cout, session.width);
  return kExitOk;
}

int FeedbackListCommand(const Session& session, const std::string& need,
                        const std::string& suggestion) {
  v1::ListFeedbackRequest request;
  absl::StatusOr<std::string> need_name = Ref(need, "needs");
  if (!need_name.ok()) return Report(session, need_name.status());
  request.set_need(*need_name);
  request.set_suggestion(suggestion);
  request.set_page_size(1000);
  v1::ListFeedbackResponse response;
  absl::Status status =
      session.client->Call(FindMethod("renkei.v1.MatchService.ListFeedback"), request, &response);
  if (!status.ok()) return Report(session, status);
  ListWriter writer(session.format,
                    {{"NAME", "name"}, {"SUGGESTION", "suggestion"}, {"LABEL", "label"},
                     {"NEED", "need"}, {"NOTE", "note"}},
                    &std::cout, session.width);
  for (const auto& f : response.feedback()) writer.Add(f);
  writer.Finish();
  return kExitOk;
}

int ReloadThesaurusCommand(const Session& session) {
  v1::ThesaurusInfo info;
  absl::Status status = session.client->Call(FindMethod("renkei.v1.MatchService.ReloadThesaurus"),
                                             v1::ReloadThesaurusRequest(), &info);
  if (!status.ok()) return Report(session, status);
  if (session.format == Format::kTable) {
    std::cout << "thesaurus " << info.directory() << ": " << info.groups() << " groups, "
              << info.terms() << " terms\n";
  } else {
    WriteRecord(session.format, info, &std::cout, session.width);
  }
  return kExitOk;
}

}  // namespace renkei::cli
