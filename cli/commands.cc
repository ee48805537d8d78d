#include "cli/commands.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli/display_width.h"
#include "cli/exit_codes.h"
#include "cli/fields.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "google/rpc/error_details.pb.h"
#include "grpc/health/v1/health.pb.h"
#include "renkei/v1/change.pb.h"
#include "renkei/v1/indicator.pb.h"
#include "renkei/v1/system.pb.h"

namespace renkei::cli {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

constexpr const char* kOutputOnly[] = {"name",        "etag",         "create_time",
                                       "update_time", "fiscal_year",  "fiscal_years",
                                       "member_count"};

bool IsOutputOnly(const std::string& field) {
  for (const char* name : kOutputOnly) {
    if (field == name) return true;
  }
  return false;
}

const MethodDescriptor* Method(const Resource& resource, absl::string_view verb,
                               absl::string_view object) {
  return FindMethod(absl::StrCat(resource.service, ".", verb, object));
}

Message* MutableField(Message* message, const std::string& field) {
  const FieldDescriptor* fd = message->GetDescriptor()->FindFieldByName(field);
  return message->GetReflection()->MutableMessage(message, fd);
}

void SetString(Message* message, const std::string& field, const std::string& value) {
  const FieldDescriptor* fd = message->GetDescriptor()->FindFieldByName(field);
  message->GetReflection()->SetString(message, fd, value);
}

void SetBool(Message* message, const std::string& field, bool value) {
  const FieldDescriptor* fd = message->GetDescriptor()->FindFieldByName(field);
  message->GetReflection()->SetBool(message, fd, value);
}

std::string GetString(const Message& message, const std::string& field) {
  const FieldDescriptor* fd = message.GetDescriptor()->FindFieldByName(field);
  return message.GetReflection()->GetString(message, fd);
}

absl::StatusOr<std::string> ReadInput(const std::string& from) {
  if (from == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(from, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("--from ", from, ": cannot read the file"));
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Parses the text of --from (a record in the canonical JSON mapping).
absl::Status ParseRecord(const std::string& json, const std::string& from, Message* record) {
  auto parsed = google::protobuf::util::JsonStringToMessage(json, record);
  if (!parsed.ok()) {
    std::string why(parsed.message());
    std::replace(why.begin(), why.end(), '\n', ' ');
    return absl::InvalidArgumentError(absl::StrCat(
        "--from ", from == "-" ? "(standard input)" : from, ": not a ",
        record->GetDescriptor()->name(), " in protobuf JSON: ", why));
  }
  return absl::OkStatus();
}

absl::Status ReadRecord(const std::string& from, Message* record) {
  absl::StatusOr<std::string> json = ReadInput(from);
  if (!json.ok()) return json.status();
  return ParseRecord(*json, from, record);
}

// Sets the fields the flags name; returns the paths set.
absl::StatusOr<std::vector<std::string>> ApplyFlags(const std::vector<FieldFlag>& flags,
                                                    const FlagValues& values, Message* target) {
  std::vector<std::string> paths;
  for (const FieldFlag& flag : flags) {
    auto given = values.find(flag.flag);
    if (given == values.end() || given->second.empty()) continue;
    // A repeated field named by flags is replaced by what the flags give.
    absl::Status cleared = ClearField(target, flag.path);
    if (!cleared.ok()) return cleared;
    for (const std::string& raw : given->second) {
      std::string value = raw;
      if (!flag.collection.empty()) {
        absl::StatusOr<std::string> ref = NormalizeReference(raw, flag.collection);
        if (!ref.ok()) {
          return absl::InvalidArgumentError(absl::StrCat("--", flag.flag, " ", ref.status().message()));
        }
        value = *ref;
      }
      absl::Status set = SetField(target, flag.path, value);
      if (!set.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("--", flag.flag, " ", set.message()));
      }
    }
    paths.push_back(flag.path);
  }
  return paths;
}

std::vector<Column> ColumnsFor(const Session& session, const std::vector<Column>& defaults) {
  if (session.columns.empty()) return defaults;
  std::vector<Column> columns;
  for (absl::string_view path : absl::StrSplit(session.columns, ',', absl::SkipEmpty())) {
    std::string trimmed(absl::StripAsciiWhitespace(path));
    columns.push_back({trimmed, trimmed});
  }
  return columns;
}

// Resolves a RecordRef to a resource name, asking the server when it is an
// external id or a 法人番号.
absl::StatusOr<std::string> ResolveName(const Session& session, const Resource& resource,
                                        const RecordRef& ref) {
  const int keys = !ref.ref.empty() + !ref.external_id.empty() + !ref.corporate_number.empty();
  if (keys != 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "name the ", resource.noun, " with exactly one of ID",
        resource.command == "org" ? ", --corporate-number" : "", " and --ext SOURCE=VALUE"));
  }
  if (!ref.ref.empty()) {
    if (resource.command == "member") {
      std::vector<std::string> parts = absl::StrSplit(ref.ref, '/');
      if (parts.size() == 2) return MembershipNameOf(parts[0], parts[1]);
      if (parts.size() == 4 && parts[0] == "networks" && parts[2] == "memberships") {
        return ref.ref;
      }
      return absl::InvalidArgumentError(absl::StrCat("\"", ref.ref,
                                                     "\": expected NETWORK ORGANIZATION"));
    }
    return NormalizeReference(ref.ref, resource.collection);
  }
  const MethodDescriptor* get = Method(resource, "Get", resource.type);
  std::unique_ptr<Message> request = NewInput(get);
  if (!ref.external_id.empty()) {
    absl::Status set = SetField(request.get(), "external_id", ref.external_id);
    if (!set.ok()) return absl::InvalidArgumentError(absl::StrCat("--ext ", set.message()));
  } else {
    SetString(request.get(), "corporate_number", ref.corporate_number);
  }
  std::unique_ptr<Message> record = NewOutput(get);
  absl::Status status = session.client->Call(get, *request, record.get());
  if (!status.ok()) return status;
  return GetString(*record, "name");
}

// Sets the request's key for a Get by name.
std::unique_ptr<Message> GetRequest(const MethodDescriptor* get, const std::string& name) {
  std::unique_ptr<Message> request = NewInput(get);
  SetString(request.get(), "name", name);
  return request;
}

}  // namespace

int Report(const Session& session, const absl::Status& status) {
  if (status.ok()) return kExitOk;
  std::vector<std::string> lines;
  if (auto payload = status.GetPayload("type.googleapis.com/google.rpc.BadRequest")) {
    google::rpc::BadRequest bad_request;
    if (bad_request.ParseFromString(std::string(*payload))) {
      for (const auto& v : bad_request.field_violations()) {
        lines.push_back(v.field().empty() ? v.description()
                                          : absl::StrCat(v.field(), ": ", v.description()));
      }
    }
  }
  if (lines.empty()) lines.push_back(std::string(status.message()));
  for (const std::string& line : lines) {
    std::cerr << "renkei: " << session.label << ": " << line << "\n";
  }
  return ExitCodeOf(status);
}

int GetCommand(const Session& session, const Resource& resource, const RecordRef& ref) {
  const MethodDescriptor* get = Method(resource, "Get", resource.type);
  std::unique_ptr<Message> request = NewInput(get);
  if (!ref.ref.empty() || resource.command == "member") {
    absl::StatusOr<std::string> name = ResolveName(session, resource, ref);
    if (!name.ok()) return Report(session, name.status());
    if (!ref.ref.empty()) SetString(request.get(), "name", *name);
  }
  if (!ref.external_id.empty() && ref.ref.empty()) {
    absl::Status set = SetField(request.get(), "external_id", ref.external_id);
    if (!set.ok()) return Report(session, absl::InvalidArgumentError(absl::StrCat("--ext ", set.message())));
  }
  if (!ref.corporate_number.empty()) {
    SetString(request.get(), "corporate_number", ref.corporate_number);
  }
  std::unique_ptr<Message> record = NewOutput(get);
  absl::Status status = session.client->Call(get, *request, record.get());
  if (!status.ok()) return Report(session, status);
  WriteRecord(session.format, *record, &std::cout, session.width);
  return kExitOk;
}

namespace {

// Lists with `request` (its filters set), page by page.
int RunList(const Session& session, const MethodDescriptor* list, Message* request,
            const std::string& records_field, const std::vector<Column>& columns, int page_size,
            const std::string& page_token, bool all) {
  const FieldDescriptor* size = request->GetDescriptor()->FindFieldByName("page_size");
  const FieldDescriptor* token = request->GetDescriptor()->FindFieldByName("page_token");
  if (page_size > 0) {
    request->GetReflection()->SetInt32(request, size, page_size);
  } else if (all) {
    request->GetReflection()->SetInt32(request, size, 1000);
  }
  request->GetReflection()->SetString(request, token, page_token);
  ListWriter writer(session.format, ColumnsFor(session, columns), &std::cout, session.width);
  std::unique_ptr<Message> response = NewOutput(list);
  const FieldDescriptor* records = response->GetDescriptor()->FindFieldByName(records_field);
  while (true) {
    response->Clear();
    absl::Status status = session.client->Call(list, *request, response.get());
    if (!status.ok()) {
      writer.Finish();
      return Report(session, status);
    }
    const auto* reflection = response->GetReflection();
    for (int i = 0; i < reflection->FieldSize(*response, records); ++i) {
      writer.Add(reflection->GetRepeatedMessage(*response, records, i));
    }
    writer.Flush();
    const std::string next = GetString(*response, "next_page_token");
    if (next.empty()) break;
    if (!all) {
      writer.Finish();
      std::cerr << "renkei: more follow: add --page-token " << next << " (or --all for every page)\n";
      return kExitOk;
    }
    request->GetReflection()->SetString(request, token, next);
  }
  writer.Finish();
  return kExitOk;
}

}  // namespace

int ListCommand(const Session& session, const Resource& resource, const FlagValues& filters,
                int page_size, const std::string& page_token, bool all) {
  const MethodDescriptor* list = Method(resource, "List", resource.plural);
  std::unique_ptr<Message> request = NewInput(list);
  absl::StatusOr<std::vector<std::string>> set = ApplyFlags(resource.filters, filters, request.get());
  if (!set.ok()) return Report(session, set.status());
  return RunList(session, list, request.get(), resource.list_field, resource.columns, page_size,
                 page_token, all);
}

int ListMembersCommand(const Session& session, const std::string& network,
                       const std::string& organization, bool current_only, int page_size,
                       const std::string& page_token, bool all) {
  const Resource& resource = MembershipResource();
  if (network.empty() == organization.empty()) {
    return Report(session, absl::InvalidArgumentError("give one of --network and --org"));
  }
  const MethodDescriptor* list =
      FindMethod(network.empty() ? "renkei.v1.NetworkService.ListOrganizationMemberships"
                                 : "renkei.v1.NetworkService.ListMemberships");
  std::unique_ptr<Message> request = NewInput(list);
  absl::StatusOr<std::string> ref = network.empty()
                                        ? NormalizeReference(organization, "organizations")
                                        : NormalizeReference(network, "networks");
  if (!ref.ok()) return Report(session, ref.status());
  SetString(request.get(), network.empty() ? "organization" : "parent", *ref);
  SetBool(request.get(), "current_only", current_only);
  return RunList(session, list, request.get(), resource.list_field, resource.columns, page_size,
                 page_token, all);
}

absl::StatusOr<std::string> MembershipNameOf(const std::string& network,
                                             const std::string& organization) {
  absl::StatusOr<std::string> net = NormalizeReference(network, "networks");
  if (!net.ok()) return net.status();
  absl::StatusOr<std::string> org = NormalizeReference(organization, "organizations");
  if (!org.ok()) return org.status();
  return absl::StrCat(*net, "/memberships/", org->substr(org->find('/') + 1));
}

int CreateCommand(const Session& session, const Resource& resource, const FlagValues& fields,
                  const std::string& from, const std::string& request_id,
                  const std::string& parent) {
  const bool membership = resource.command == "member";
  const MethodDescriptor* create = Method(resource, "Create", resource.type);
  std::unique_ptr<Message> request = NewInput(create);
  Message* record = MutableField(request.get(), resource.request_field);
  if (!from.empty()) {
    absl::Status read = ReadRecord(from, record);
    if (!read.ok()) return Report(session, read);
  }
  absl::StatusOr<std::vector<std::string>> set = ApplyFlags(resource.fields, fields, record);
  if (!set.ok()) return Report(session, set.status());
  if (membership) SetString(request.get(), "parent", parent);
  SetString(request.get(), "request_id", request_id);
  std::unique_ptr<Message> created = NewOutput(create);
  absl::Status status = session.client->Call(create, *request, created.get());
  if (!status.ok()) return Report(session, status);
  WriteRecord(session.format, *created, &std::cout, session.width);
  return kExitOk;
}

int UpdateCommand(const Session& session, const Resource& resource, const RecordRef& ref,
                  const FlagValues& fields, const std::vector<std::string>& clear,
                  const std::string& from, const std::string& etag) {
  absl::StatusOr<std::string> name = ResolveName(session, resource, ref);
  if (!name.ok()) return Report(session, name.status());
  // Read the record: its etag guards the update, and --from is compared with it.
  const MethodDescriptor* get = Method(resource, "Get", resource.type);
  std::unique_ptr<Message> current = NewOutput(get);
  absl::Status status = session.client->Call(get, *GetRequest(get, *name), current.get());
  if (!status.ok()) return Report(session, status);

  const MethodDescriptor* update = Method(resource, "Update", resource.type);
  std::unique_ptr<Message> request = NewInput(update);
  Message* patch = MutableField(request.get(), resource.request_field);
  std::set<std::string> paths;
  std::string expected_etag = GetString(*current, "etag");
  if (!from.empty()) {
    std::unique_ptr<Message> edited(current->New());
    absl::StatusOr<std::string> json = ReadInput(from);
    if (!json.ok()) return Report(session, json.status());
    absl::Status read = ParseRecord(*json, from, edited.get());
    if (!read.ok()) return Report(session, read);
    if (!GetString(*edited, "etag").empty()) expected_etag = GetString(*edited, "etag");
    // Send the fields the file names and changes, compared with what is
    // stored; fields the file leaves out stay as they are.
    google::protobuf::Struct keys;
    if (!google::protobuf::util::JsonStringToMessage(*json, &keys).ok()) {
      return Report(session, absl::InvalidArgumentError(absl::StrCat("--from ", from,
                                                                     ": not a JSON object")));
    }
    const auto* type = current->GetDescriptor();
    for (const auto& [key, unused] : keys.fields()) {
      const FieldDescriptor* named = nullptr;
      for (int i = 0; i < type->field_count(); ++i) {
        if (type->field(i)->json_name() == key || type->field(i)->name() == key) {
          named = type->field(i);
        }
      }
      if (named == nullptr || IsOutputOnly(named->name()) ||
          (resource.command == "member" && named->name() == "organization")) {
        continue;
      }
      std::unique_ptr<Message> a(current->New()), b(current->New());
      a->CopyFrom(*current);
      b->CopyFrom(*edited);
      for (int j = 0; j < type->field_count(); ++j) {
        if (type->field(j) == named) continue;
        a->GetReflection()->ClearField(a.get(), type->field(j));
        b->GetReflection()->ClearField(b.get(), type->field(j));
      }
      if (!google::protobuf::util::MessageDifferencer::Equals(*a, *b)) paths.insert(named->name());
    }
    patch->CopyFrom(*edited);
  }
  absl::StatusOr<std::vector<std::string>> set = ApplyFlags(resource.fields, fields, patch);
  if (!set.ok()) return Report(session, set.status());
  paths.insert(set->begin(), set->end());
  for (const std::string& path : clear) {
    absl::Status cleared = ClearField(patch, path);
    if (!cleared.ok()) {
      return Report(session, absl::InvalidArgumentError(absl::StrCat("--clear ", cleared.message())));
    }
    paths.insert(path);
  }
  if (!etag.empty()) expected_etag = etag;
  if (paths.empty()) {
    std::cerr << "renkei: " << session.label << ": nothing to change in " << *name << "\n";
    WriteRecord(session.format, *current, &std::cout, session.width);
    return kExitOk;
  }
  SetString(patch, "name", *name);
  SetString(patch, "etag", expected_etag);
  Message* mask = MutableField(request.get(), "update_mask");
  const FieldDescriptor* mask_paths = mask->GetDescriptor()->FindFieldByName("paths");
  for (const std::string& path : paths) mask->GetReflection()->AddString(mask, mask_paths, path);
  std::unique_ptr<Message> updated = NewOutput(update);
  status = session.client->Call(update, *request, updated.get());
  if (status.code() == absl::StatusCode::kAborted) {
    status = absl::AbortedError(absl::StrCat(
        "conflict: ", *name, " was changed by someone else after it was read (etag \"",
        expected_etag, "\" is stale); read it again and repeat the update"));
  }
  if (!status.ok()) return Report(session, status);
  WriteRecord(session.format, *updated, &std::cout, session.width);
  return kExitOk;
}

int DeleteCommand(const Session& session, const Resource& resource, const RecordRef& ref,
                  bool cascade, const std::string& etag) {
  absl::StatusOr<std::string> name = ResolveName(session, resource, ref);
  if (!name.ok()) return Report(session, name.status());
  const MethodDescriptor* remove = Method(resource, "Delete", resource.type);
  std::unique_ptr<Message> request = NewInput(remove);
  SetString(request.get(), "name", *name);
  SetString(request.get(), "etag", etag);
  SetBool(request.get(), "cascade", cascade);
  std::unique_ptr<Message> response = NewOutput(remove);
  absl::Status status = session.client->Call(remove, *request, response.get());
  if (status.code() == absl::StatusCode::kAborted) {
    status = absl::AbortedError(absl::StrCat("conflict: ", *name, " changed since etag \"", etag,
                                             "\"; read it again before deleting"));
  }
  if (!status.ok()) return Report(session, status);
  WriteRecord(session.format, *response, &std::cout, session.width);
  return kExitOk;
}

int CurrentFiscalYear() {
  const absl::CivilDay today = absl::ToCivilDay(absl::Now(), absl::LocalTimeZone());
  return today.month() >= 4 ? static_cast<int>(today.year()) : static_cast<int>(today.year()) - 1;
}

int StatsCommand(const Session& session, int fiscal_year) {
  const MethodDescriptor* get = FindMethod("renkei.v1.IndicatorService.GetIndicators");
  v1::GetIndicatorsRequest request;
  request.set_fiscal_year(fiscal_year);
  v1::Indicators indicators;
  absl::Status status = session.client->Call(get, request, &indicators);
  if (!status.ok()) return Report(session, status);
  if (session.format != Format::kTable) {
    WriteRecord(session.format, indicators, &std::cout, session.width);
    return kExitOk;
  }
  static const std::map<int, std::string> kTypes = {
      {1, "共同研究"}, {2, "受託研究"}, {3, "技術相談"}, {4, "試験分析"}, {5, "共同開発"}, {6, "その他"}};
  auto type_name = [](int type) {
    auto it = kTypes.find(type);
    return it == kTypes.end() ? absl::StrCat(type) : it->second;
  };
  std::cout << fiscal_year << "年度 (" << fiscal_year << "-04-01 〜 " << fiscal_year + 1
            << "-03-31)\n\n連携の件数\n";
  for (const auto& c : indicators.collaborations_by_type()) {
    std::cout << "  " << type_name(c.type()) << "  " << c.records() << "件";
    if (c.cases() != c.records()) std::cout << " (" << c.cases() << "ケース)";
    std::cout << "\n";
  }
  if (indicators.collaborations_by_type().empty()) std::cout << "  (記録なし)\n";
  for (const auto& institution : indicators.collaborations_by_institution()) {
    std::vector<std::string> parts;
    for (const auto& c : institution.by_type()) {
      parts.push_back(absl::StrCat(type_name(c.type()), " ", c.records()));
    }
    std::cout << "  " << institution.display_name() << ": " << absl::StrJoin(parts, "、") << "\n";
  }
  std::cout << "\n試験分析件数        " << indicators.testing_analysis_cases() << "\n"
            << "新製品・新技術開発  " << indicators.new_products() + indicators.new_technologies()
            << " (新製品 " << indicators.new_products() << "、新技術 "
            << indicators.new_technologies() << ")\n"
            << "SDGs宣言企業        " << indicators.sdgs_companies() << "社\n"
            << "BCP策定企業         " << indicators.bcp_companies() << "/" << indicators.companies()
            << "社 (" << static_cast<int>(indicators.bcp_share() * 100 + 0.5) << "%)\n\n"
            << "ネットワーク会員数\n";
  int name_width = 0;
  for (const auto& n : indicators.members_by_network()) {
    name_width = std::max(name_width, DisplayWidth(n.display_name()));
  }
  for (const auto& n : indicators.members_by_network()) {
    std::cout << "  " << PadToWidth(n.display_name(), name_width) << "  " << n.members() << "\n";
  }
  return kExitOk;
}

int WatchCommand(const Session& session, int64_t since, const std::vector<std::string>& collections,
                 bool to_head) {
  const MethodDescriptor* watch = FindMethod("renkei.v1.ChangeService.WatchChanges");
  v1::WatchChangesRequest request;
  request.set_since_revision(since);
  for (const std::string& c : collections) request.add_collections(c);
  request.set_stop_at_head(to_head);
  ListWriter writer(session.format,
                    ColumnsFor(session, {{"REV", "revision"},
                                         {"TIME", "commit_time"},
                                         {"CHANGE", "kind"},
                                         {"NAME", "name"}}),
                    &std::cout, session.width);
  v1::Change change;
  absl::Status status = session.client->Stream(watch, request, &change, [&](const Message& m) {
    writer.Add(m);
    writer.Flush();
    return true;
  });
  writer.Finish();
  if (!status.ok()) return Report(session, status);
  return kExitOk;
}

int HealthCommand(const Session& session) {
  grpc::health::v1::HealthCheckRequest check;
  grpc::health::v1::HealthCheckResponse health;
  absl::Status status =
      session.client->Call(FindMethod("grpc.health.v1.Health.Check"), check, &health);
  if (!status.ok()) return Report(session, status);
  const bool serving = health.status() == grpc::health::v1::HealthCheckResponse::SERVING;
  // The health check needs no credential; the server's figures do.
  v1::ServerInfo info;
  status = session.client->Call(FindMethod("renkei.v1.SystemService.GetServerInfo"),
                                v1::GetServerInfoRequest(), &info);
  const bool signed_in = status.ok();
  if (!signed_in && status.code() != absl::StatusCode::kUnauthenticated &&
      status.code() != absl::StatusCode::kPermissionDenied) {
    return Report(session, status);
  }
  if (session.format == Format::kTable) {
    std::cout << (serving ? "SERVING" : "NOT SERVING") << "  renkei-server at "
              << session.client->server();
    if (!signed_in) {
      std::cout << " (sign in to see its figures: renkei login)\n";
      return serving ? kExitOk : kExitUnavailable;
    }
    std::vector<std::string> counts;
    for (const auto& [collection, count] : info.record_counts()) {
      counts.push_back(absl::StrCat(collection, " ", count));
    }
    std::sort(counts.begin(), counts.end());
    std::cout << " " << info.version() << ", revision " << info.revision()
              << (info.sync_writes() ? ", every write fsync'ed" : "") << "\n  "
              << absl::StrJoin(counts, ", ") << "\n";
  } else {
    WriteRecord(session.format, info, &std::cout, session.width);
  }
  return serving ? kExitOk : kExitUnavailable;
}

}  // namespace renkei::cli
