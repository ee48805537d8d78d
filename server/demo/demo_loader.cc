#include "server/demo/demo_loader.h"

#include <grpcpp/grpcpp.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "renkei/v1/access.grpc.pb.h"
#include "renkei/v1/collaboration.grpc.pb.h"
#include "renkei/v1/need.grpc.pb.h"
#include "renkei/v1/network.grpc.pb.h"
#include "renkei/v1/organization.grpc.pb.h"
#include "renkei/v1/person.grpc.pb.h"
#include "renkei/v1/seed.grpc.pb.h"
#include "server/util/status_macros.h"

namespace renkei::demo {
namespace {

constexpr const char* kFileOrder[] = {
    "organizations.jsonl", "people.jsonl",      "networks.jsonl", "seeds.jsonl",
    "needs.jsonl",         "collaborations.jsonl", "memberships.jsonl", "users.jsonl"};

absl::Status FromGrpc(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

// Replaces every "$key" string with the resource name loaded for it.
absl::StatusOr<std::string> Resolve(const std::string& json,
                                    const std::map<std::string, std::string>& names) {
  static const std::regex kReference("\"\\$([a-z0-9_.-]+)\"");
  std::string out;
  std::string::const_iterator last = json.begin();
  for (std::sregex_iterator it(json.begin(), json.end(), kReference), end; it != end; ++it) {
    const std::smatch& match = *it;
    auto found = names.find(match[1].str());
    if (found == names.end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("$", match[1].str(), " is not the key of an earlier record"));
    }
    out.append(last, match[0].first);
    absl::StrAppend(&out, "\"", found->second, "\"");
    last = match[0].second;
  }
  out.append(last, json.end());
  return out;
}

class Loader {
 public:
  explicit Loader(const std::shared_ptr<grpc::Channel>& channel)
      : organizations_(v1::OrganizationService::NewStub(channel)),
        people_(v1::PersonService::NewStub(channel)),
        seeds_(v1::SeedService::NewStub(channel)),
        needs_(v1::NeedService::NewStub(channel)),
        collaborations_(v1::CollaborationService::NewStub(channel)),
        networks_(v1::NetworkService::NewStub(channel)),
        admin_(v1::AdminService::NewStub(channel)) {}

  absl::Status LoadFile(const DemoFile& file, DemoSummary* summary) {
    int line_number = 0;
    for (absl::string_view line : absl::StrSplit(file.content, '\n')) {
      ++line_number;
      line = absl::StripAsciiWhitespace(line);
      if (line.empty()) continue;
      absl::Status status = LoadLine(file.name, std::string(line), summary);
      if (!status.ok()) {
        return absl::Status(status.code(),
                            absl::StrCat(file.name, ":", line_number, ": ", status.message()));
      }
    }
    return absl::OkStatus();
  }

 private:
  absl::Status LoadLine(const std::string& file, const std::string& line,
                        DemoSummary* summary) {
    google::protobuf::Struct wrapper;
    auto parsed = google::protobuf::util::JsonStringToMessage(line, &wrapper);
    if (!parsed.ok()) return absl::InvalidArgumentError(std::string(parsed.message()));
    const auto& fields = wrapper.fields();
    auto key = fields.find("key");
    auto record = fields.find("record");
    if (key == fields.end() || record == fields.end() ||
        !key->second.has_string_value() || !record->second.has_struct_value()) {
      return absl::InvalidArgumentError("a line needs \"key\" and \"record\"");
    }
    std::string record_json;
    auto printed =
        google::protobuf::util::MessageToJsonString(record->second.struct_value(), &record_json);
    if (!printed.ok()) return absl::InternalError(std::string(printed.message()));
    RENKEI_ASSIGN_OR_RETURN(record_json, Resolve(record_json, names_));
    const std::string request_id = absl::StrCat("demo/", file, "/", key->second.string_value());
    absl::StatusOr<std::string> created;
    std::string collection(absl::StripSuffix(file, ".jsonl"));
    if (file == "organizations.jsonl") {
      created = (Create<v1::CreateOrganizationRequest, v1::Organization>(
                                        record_json, request_id,
                                        &v1::CreateOrganizationRequest::mutable_organization,
                                        [&](auto* c, auto& q, auto* r) {
                                          return organizations_->CreateOrganization(c, q, r);
                                        }));
    } else if (file == "people.jsonl") {
      created = (Create<v1::CreatePersonRequest, v1::Person>(
                                        record_json, request_id,
                                        &v1::CreatePersonRequest::mutable_person,
                                        [&](auto* c, auto& q, auto* r) {
                                          return people_->CreatePerson(c, q, r);
                                        }));
    } else if (file == "networks.jsonl") {
      created = (Create<v1::CreateNetworkRequest, v1::Network>(
                                        record_json, request_id,
                                        &v1::CreateNetworkRequest::mutable_network,
                                        [&](auto* c, auto& q, auto* r) {
                                          return networks_->CreateNetwork(c, q, r);
                                        }));
    } else if (file == "seeds.jsonl") {
      created = (Create<v1::CreateSeedRequest, v1::Seed>(
                                        record_json, request_id,
                                        &v1::CreateSeedRequest::mutable_seed,
                                        [&](auto* c, auto& q, auto* r) {
                                          return seeds_->CreateSeed(c, q, r);
                                        }));
    } else if (file == "needs.jsonl") {
      created = (Create<v1::CreateNeedRequest, v1::Need>(
                                        record_json, request_id,
                                        &v1::CreateNeedRequest::mutable_need,
                                        [&](auto* c, auto& q, auto* r) {
                                          return needs_->CreateNeed(c, q, r);
                                        }));
    } else if (file == "collaborations.jsonl") {
      created = (Create<v1::CreateCollaborationRequest, v1::Collaboration>(
                                        record_json, request_id,
                                        &v1::CreateCollaborationRequest::mutable_collaboration,
                                        [&](auto* c, auto& q, auto* r) {
                                          return collaborations_->CreateCollaboration(c, q, r);
                                        }));
    } else if (file == "memberships.jsonl") {
      auto parent = fields.find("parent");
      if (parent == fields.end() || !parent->second.has_string_value()) {
        return absl::InvalidArgumentError("a membership line needs \"parent\"");
      }
      RENKEI_ASSIGN_OR_RETURN(
          std::string parent_name,
          Resolve(absl::StrCat("\"", parent->second.string_value(), "\""), names_));
      parent_name = std::string(absl::StripSuffix(absl::StripPrefix(parent_name, "\""), "\""));
      created = (Create<v1::CreateMembershipRequest, v1::Membership>(
                    record_json, request_id, &v1::CreateMembershipRequest::mutable_membership,
                    [&](auto* c, auto& q, auto* r) {
                      q.set_parent(parent_name);
                      return networks_->CreateMembership(c, q, r);
                    }));
    } else if (file == "users.jsonl") {
      auto password = fields.find("password");
      const std::string secret =
          password == fields.end() ? "" : password->second.string_value();
      created = (Create<v1::CreateUserRequest, v1::User>(
          record_json, request_id, &v1::CreateUserRequest::mutable_user,
          [&](auto* c, auto& q, auto* r) {
            q.set_password(secret);
            return admin_->CreateUser(c, q, r);
          }));
    } else {
      return absl::InvalidArgumentError("not a demo file");
    }
    if (!created.ok()) return created.status();
    names_[key->second.string_value()] = *created;
    ++summary->records[collection];
    return absl::OkStatus();
  }

  template <typename Request, typename Record, typename Mutable, typename Call>
  absl::StatusOr<std::string> Create(const std::string& json, const std::string& request_id,
                                     Mutable mutable_record, Call call) {
    Request request;
    auto parsed = google::protobuf::util::JsonStringToMessage(json, (request.*mutable_record)());
    if (!parsed.ok()) return absl::InvalidArgumentError(std::string(parsed.message()));
    request.set_request_id(request_id);
    Record created;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    RENKEI_RETURN_IF_ERROR(FromGrpc(call(&context, request, &created)));
    return created.name();
  }

  std::unique_ptr<v1::OrganizationService::Stub> organizations_;
  std::unique_ptr<v1::PersonService::Stub> people_;
  std::unique_ptr<v1::SeedService::Stub> seeds_;
  std::unique_ptr<v1::NeedService::Stub> needs_;
  std::unique_ptr<v1::CollaborationService::Stub> collaborations_;
  std::unique_ptr<v1::NetworkService::Stub> networks_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::map<std::string, std::string> names_;  // key → resource name
};

}  // namespace

std::string DemoSummary::ToString() const {
  return absl::StrJoin(records, ", ", [](std::string* out, const auto& entry) {
    absl::StrAppend(out, entry.second, " ", entry.first);
  });
}

absl::StatusOr<std::vector<DemoFile>> ReadDemoDir(const std::string& dir) {
  std::vector<DemoFile> files;
  for (const char* name : kFileOrder) {
    const std::string path = absl::StrCat(dir, "/", name);
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
    std::ostringstream content;
    content << in.rdbuf();
    files.push_back({name, content.str()});
  }
  return files;
}

absl::StatusOr<DemoSummary> LoadDemoData(const std::shared_ptr<grpc::Channel>& channel,
                                         const std::vector<DemoFile>& files) {
  Loader loader(channel);
  DemoSummary summary;
  for (const char* name : kFileOrder) {
    for (const DemoFile& file : files) {
      if (file.name == name) RENKEI_RETURN_IF_ERROR(loader.LoadFile(file, &summary));
    }
  }
  return summary;
}

}  // namespace renkei::demo
