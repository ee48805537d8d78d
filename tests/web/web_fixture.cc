#include "tests/web/web_fixture.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/generic/generic_stub.h>

#include <algorithm>
#include <filesystem>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

using google::protobuf::Message;

std::unique_ptr<Message> NewMessage(const std::string& type) {
  const auto* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(type);
  EXPECT_NE(descriptor, nullptr) << type;
  return std::unique_ptr<Message>(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor)->New());
}

const google::protobuf::Value* FieldOf(const google::protobuf::Struct& s, const std::string& name) {
  auto it = s.fields().find(name);
  return it == s.fields().end() ? nullptr : &it->second;
}

}  // namespace

std::vector<const google::protobuf::ServiceDescriptor*> ProtocolServices() {
  std::vector<const google::protobuf::ServiceDescriptor*> services;
  for (const auto& entry : std::filesystem::directory_iterator(RENKEI_PROTO_DIR "/renkei/v1")) {
    if (entry.path().extension() != ".proto") continue;
    const std::string name = absl::StrCat("renkei/v1/", entry.path().filename().string());
    const auto* file = google::protobuf::DescriptorPool::generated_pool()->FindFileByName(name);
    EXPECT_NE(file, nullptr) << name << " is not linked into the server";
    if (file == nullptr) continue;
    for (int i = 0; i < file->service_count(); ++i) services.push_back(file->service(i));
  }
  std::sort(services.begin(), services.end(),
            [](const auto* a, const auto* b) { return a->full_name() < b->full_name(); });
  return services;
}

std::string ToJson(const Message& message) {
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json);
  return json;
}

WebTest::WebTest(std::function<void(ServerOptions&)> configure)
    : server_([configure](ServerOptions& options) {
        options.load_demo = true;
        options.web.address = "127.0.0.1:0";
        if (configure) configure(options);
      }),
      http_(std::make_unique<HttpClient>(server_.http_port())) {}

Headers WebTest::WithToken(Headers headers) const {
  for (const auto& [name, value] : headers) {
    if (absl::EqualsIgnoreCase(name, "authorization")) return headers;
  }
  headers.emplace_back("Authorization", "Bearer " + server_.admin_token());
  return headers;
}

HttpReply WebTest::Send(const std::string& method, const std::string& target,
                        const std::string& body, const Headers& headers) {
  return http_->Send(method, target, body, WithToken(headers));
}

std::unique_ptr<Message> WebTest::Parse(const HttpReply& reply, const std::string& type) {
  std::unique_ptr<Message> message = NewMessage(type);
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.Header("Content-Type"), "application/json; charset=utf-8");
  if (reply.status == 200) {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    EXPECT_TRUE(
        google::protobuf::util::JsonStringToMessage(reply.body, message.get(), options).ok())
        << reply.body;
  }
  return message;
}

JsonError WebTest::ErrorOf(const HttpReply& reply) {
  JsonError error;
  google::protobuf::Struct body;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(reply.body, &body).ok()) << reply.body;
  const auto* inner = FieldOf(body, "error");
  EXPECT_NE(inner, nullptr) << reply.body;
  if (inner == nullptr) return error;
  const google::protobuf::Struct& e = inner->struct_value();
  if (const auto* v = FieldOf(e, "code")) error.code = static_cast<int>(v->number_value());
  if (const auto* v = FieldOf(e, "status")) error.status = v->string_value();
  if (const auto* v = FieldOf(e, "message")) error.message = v->string_value();
  if (const auto* details = FieldOf(e, "details")) {
    for (const auto& detail : details->list_value().values()) {
      const auto* list = FieldOf(detail.struct_value(), "fieldViolations");
      if (list == nullptr) continue;
      for (const auto& v : list->list_value().values()) {
        const auto* field = FieldOf(v.struct_value(), "field");
        const auto* description = FieldOf(v.struct_value(), "description");
        error.violations.emplace_back(field ? field->string_value() : "",
                                      description ? description->string_value() : "");
      }
    }
  }
  EXPECT_EQ(error.code, reply.status) << reply.body;
  return error;
}

absl::StatusOr<std::unique_ptr<Message>> WebTest::Grpc(const std::string& method,
                                                       const std::string& request_json) {
  const auto* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(method);
  if (descriptor == nullptr) return absl::NotFoundError(absl::StrCat("no method ", method));
  std::unique_ptr<Message> request = NewMessage(descriptor->input_type()->full_name());
  if (!google::protobuf::util::JsonStringToMessage(request_json, request.get()).ok()) {
    return absl::InvalidArgumentError(absl::StrCat("bad request JSON: ", request_json));
  }
  grpc::GenericStub stub(server_.channel());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  grpc::Slice slice(request->SerializeAsString());
  grpc::ByteBuffer in(&slice, 1), out;
  grpc::Status status;
  absl::Notification done;
  stub.UnaryCall(&context,
                 absl::StrCat("/", descriptor->service()->full_name(), "/", descriptor->name()),
                 grpc::StubOptions(), &in, &out, [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  std::vector<grpc::Slice> slices;
  std::string bytes;
  (void)out.Dump(&slices);
  for (const auto& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  std::unique_ptr<Message> response = NewMessage(descriptor->output_type()->full_name());
  if (!response->ParseFromString(bytes)) return absl::DataLossError("reply does not parse");
  return response;
}

std::string WebTest::GrpcField(const std::string& method, const std::string& request_json,
                               const std::string& field) {
  absl::StatusOr<std::unique_ptr<Message>> response = Grpc(method, request_json);
  EXPECT_OK(response);
  if (!response.ok()) return "";
  const auto* f = (*response)->GetDescriptor()->FindFieldByName(field);
  EXPECT_NE(f, nullptr) << field;
  if (f == nullptr) return "";
  std::string scratch;
  return (*response)->GetReflection()->GetStringReference(**response, f, &scratch);
}

int64_t WebTest::Revision() {
  absl::StatusOr<std::unique_ptr<Message>> info =
      Grpc("renkei.v1.SystemService.GetServerInfo", "{}");
  EXPECT_OK(info);
  if (!info.ok()) return -1;
  const Message& m = **info;
  return m.GetReflection()->GetInt64(m, m.GetDescriptor()->FindFieldByName("revision"));
}

}  // namespace renkei::testing
