// Every validation rule through the real server: the status code, the field
// path in google.rpc.BadRequest, and that nothing was written.
#include <grpcpp/generic/generic_stub.h>

#include <functional>

#include <gmock/gmock.h>

#include "tests/service/api_fixture.h"

namespace renkei::testing {
namespace {

class RequestValidationTest : public ApiTest {
 protected:
  // Sends raw request bytes to a method, as a client with a broken encoder would.
  grpc::Status CallRaw(const std::string& method, const std::string& bytes) {
    grpc::GenericStub stub(server_.channel());
    grpc::CompletionQueue queue;
    auto context = Context();
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    auto call = stub.PrepareUnaryCall(context.get(), method, request, &queue);
    call->StartCall();
    grpc::ByteBuffer response;
    grpc::Status status;
    call->Finish(&response, &status, reinterpret_cast<void*>(1));
    void* tag;
    bool ok;
    EXPECT_TRUE(queue.Next(&tag, &ok));
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) {
    }
    return status;
  }

  // Nothing of the refused request may be on file.
  void ExpectNothingWritten() {
    EXPECT_EQ(Revision(), base_revision_);
    EXPECT_TRUE(ListOrganizationNames(v1::ListOrganizationsRequest()).empty());
  }
};

void AppendVarint(std::string* out, uint32_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// A length-delimited protobuf field.
std::string Field(int number, const std::string& payload) {
  std::string out;
  AppendVarint(&out, static_cast<uint32_t>(number << 3 | 2));
  AppendVarint(&out, static_cast<uint32_t>(payload.size()));
  return out + payload;
}

TEST_F(RequestValidationTest, InvalidUtf8NamesTheFieldPath) {
  // CreateOrganizationRequest.organization(1).display_name(4) = bytes of CP932.
  const std::string cp932 = "\x88\xea\x8a\xd6";  // 一関 in Shift_JIS
  grpc::Status status = CallRaw("/renkei.v1.OrganizationService/CreateOrganization",
                                Field(1, Field(4, cp932)));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_EQ(FieldViolations(status).size(), 1u);
  EXPECT_EQ(FieldViolations(status)[0].first, "organization.display_name");
  EXPECT_THAT(status.error_message(), ::testing::HasSubstr("not valid UTF-8"));

  // organization.sites(9)[1].address(3).city(3)
  const std::string good_site = Field(1, "本社");
  const std::string bad_site = Field(1, "工場") + Field(3, Field(3, cp932));
  status = CallRaw("/renkei.v1.OrganizationService/CreateOrganization",
                   Field(1, Field(4, "一関精工") + Field(9, good_site) + Field(9, bad_site)));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "organization.sites[1].address.city");

  // A map key: organization.field_sources(24)["…"]
  status = CallRaw("/renkei.v1.OrganizationService/CreateOrganization",
                   Field(1, Field(24, Field(1, "address") + Field(2, Field(1, cp932)))));
  EXPECT_EQ(FieldViolations(status)[0].first, "organization.field_sources[\"address\"].source");

  // Bytes that are no message at all.
  status = CallRaw("/renkei.v1.SeedService/CreateSeed", std::string("\x0a\x7f\x01", 3));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ExpectNothingWritten();
}

struct Rule {
  const char* name;
  std::function<void(v1::Organization&)> mutate;
  const char* field;
  const char* reason;  // a part of the description
};

TEST_F(RequestValidationTest, EachOrganizationRule) {
  const std::vector<Rule> rules = {
      {"empty required", [](auto& o) { o.clear_display_name(); }, "organization.display_name",
       "is required"},
      {"blank", [](auto& o) { o.set_display_name("　 "); }, "organization.display_name",
       "blank"},
      {"over long",
       [](auto& o) {
         std::string name;
         for (int i = 0; i < 201; ++i) name += "精";
         o.set_display_name(name);
       },
       "organization.display_name", "201 characters"},
      {"unspecified kind", [](auto& o) { o.clear_kind(); }, "organization.kind", "is required"},
      {"bad enum", [](auto& o) { o.set_kind(static_cast<v1::OrganizationKind>(42)); },
       "organization.kind", "42 is not a value"},
      {"bad check digit", [](auto& o) { o.set_corporate_number("8000012050002"); },
       "organization.corporate_number", "check digit"},
      {"scientific notation", [](auto& o) { o.set_corporate_number("4.402E+12"); },
       "organization.corporate_number", "13 digits"},
      {"impossible date", [](auto& o) { *o.mutable_founded() = MakeDate(2025, 2, 30); },
       "organization.founded", "is not a date"},
      {"bad jsic", [](auto& o) { o.add_jsic_codes("E18"); }, "organization.jsic_codes[0]",
       "JSIC"},
      {"bad phone", [](auto& o) { o.mutable_contact()->set_phone("代表 0191"); },
       "organization.contact.phone", "only digits"},
      {"bad url", [](auto& o) { o.mutable_contact()->set_url("example.jp"); },
       "organization.contact.url", "http"},
      {"bad postal code", [](auto& o) { o.mutable_address()->set_postal_code("0210"); },
       "organization.address.postal_code", "7 digits"},
      {"bad sdg", [](auto& o) { o.mutable_sdgs()->add_goals(18); }, "organization.sdgs.goals[0]",
       "1..17"},
      {"bad external id source",
       [](auto& o) {
         auto* id = o.add_external_ids();
         id->set_source("会員番号");
         id->set_value("12");
       },
       "organization.external_ids[0].source", "a-z"},
      {"negative employees", [](auto& o) { o.set_employees(-3); }, "organization.employees",
       "negative"},
      {"unknown field source",
       [](auto& o) { (*o.mutable_field_sources())["adress"].set_source("list.csv"); },
       "organization.field_sources[\"adress\"]", "not a field"},
  };
  for (const Rule& rule : rules) {
    SCOPED_TRACE(rule.name);
    v1::CreateOrganizationRequest request;
    v1::Organization* o = request.mutable_organization();
    o->set_kind(v1::ORGANIZATION_KIND_COMPANY);
    o->set_display_name("株式会社一関精工");
    rule.mutate(*o);
    v1::Organization created;
    grpc::Status status = organizations_->CreateOrganization(Context().get(), request, &created);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    const auto violations = FieldViolations(status);
    ASSERT_EQ(violations.size(), 1u) << status.error_message();
    EXPECT_EQ(violations[0].first, rule.field);
    EXPECT_THAT(violations[0].second, ::testing::HasSubstr(rule.reason));
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr(rule.field));
  }
  ExpectNothingWritten();
}

TEST_F(RequestValidationTest, ReferencesToMissingOrWrongRecords) {
  v1::CreatePersonRequest person;
  person.mutable_person()->set_role(v1::PERSON_ROLE_RESEARCHER);
  person.mutable_person()->set_display_name("佐藤 花子");
  person.mutable_person()->set_organization("organizations/9");
  v1::Person created;
  grpc::Status status = people_->CreatePerson(Context().get(), person, &created);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "person.organization");
  EXPECT_THAT(FieldViolations(status)[0].second, ::testing::HasSubstr("does not exist"));

  v1::CreateSeedRequest seed;
  seed.mutable_seed()->set_title("外観検査");
  seed.mutable_seed()->set_institution("companies/1");
  v1::Seed created_seed;
  status = seeds_->CreateSeed(Context().get(), seed, &created_seed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "seed.institution");
  ExpectNothingWritten();
}

TEST_F(RequestValidationTest, RequestIdAndFilters) {
  v1::CreateOrganizationRequest request;
  request.mutable_organization()->set_kind(v1::ORGANIZATION_KIND_COMPANY);
  request.mutable_organization()->set_display_name("株式会社一関精工");
  request.set_request_id("has a space");
  v1::Organization created;
  grpc::Status status = organizations_->CreateOrganization(Context().get(), request, &created);
  EXPECT_EQ(FieldViolations(status)[0].first, "request_id");

  v1::ListOrganizationsRequest list;
  list.set_network("organizations/1");
  v1::ListOrganizationsResponse response;
  status = organizations_->ListOrganizations(Context().get(), list, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldViolations(status)[0].first, "network");
  list.Clear();
  list.set_kind(static_cast<v1::OrganizationKind>(9));
  EXPECT_EQ(FieldViolations(organizations_->ListOrganizations(Context().get(), list, &response))[0]
                .first,
            "kind");
  list.Clear();
  list.set_jsic_code("E");
  EXPECT_EQ(FieldViolations(organizations_->ListOrganizations(Context().get(), list, &response))[0]
                .first,
            "jsic_code");
  ExpectNothingWritten();
}

}  // namespace
}  // namespace renkei::testing
