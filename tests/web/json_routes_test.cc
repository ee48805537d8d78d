// Every route of the JSON API through the real server with the demo data,
// each result compared with the same call over gRPC and with the store.
// Which test calls which route is declared in kRoutesByTest; a test checks
// it did call them, and EveryRouteHasATest that together they are all.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <fstream>
#include <sstream>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "server/web/internal/route_table.h"
#include "tests/test_util.h"
#include "tests/web/web_fixture.h"

namespace renkei::testing {
namespace {

using google::protobuf::Message;
using google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::map<std::string, std::vector<std::string>> kRoutesByTest = {
    {"Organizations",
     {"GET /v1/{name=organizations/*}", "GET /v1/organizations:lookup", "GET /v1/organizations",
      "POST /v1/organizations", "PATCH /v1/{organization.name=organizations/*}",
      "DELETE /v1/{name=organizations/*}"}},
    {"People",
     {"GET /v1/{name=people/*}", "GET /v1/people:lookup", "GET /v1/people", "POST /v1/people",
      "PATCH /v1/{person.name=people/*}", "DELETE /v1/{name=people/*}"}},
    {"Seeds",
     {"GET /v1/{name=seeds/*}", "GET /v1/seeds:lookup", "GET /v1/seeds", "POST /v1/seeds",
      "PATCH /v1/{seed.name=seeds/*}", "DELETE /v1/{name=seeds/*}"}},
    {"Needs",
     {"GET /v1/{name=needs/*}", "GET /v1/needs:lookup", "GET /v1/needs", "POST /v1/needs",
      "PATCH /v1/{need.name=needs/*}", "DELETE /v1/{name=needs/*}"}},
    {"Collaborations",
     {"GET /v1/{name=collaborations/*}", "GET /v1/collaborations:lookup", "GET /v1/collaborations",
      "POST /v1/collaborations", "PATCH /v1/{collaboration.name=collaborations/*}",
      "DELETE /v1/{name=collaborations/*}"}},
    {"Networks",
     {"GET /v1/{name=networks/*}", "GET /v1/networks:lookup", "GET /v1/networks",
      "POST /v1/networks", "PATCH /v1/{network.name=networks/*}", "DELETE /v1/{name=networks/*}"}},
    {"Memberships",
     {"POST /v1/{parent=networks/*}/memberships", "GET /v1/{name=networks/*/memberships/*}",
      "GET /v1/memberships:lookup", "GET /v1/{parent=networks/*}/memberships",
      "GET /v1/{organization=organizations/*}/memberships",
      "PATCH /v1/{membership.name=networks/*/memberships/*}",
      "DELETE /v1/{name=networks/*/memberships/*}"}},
    {"Search",
     {"GET /v1/organizations:search", "GET /v1/people:search", "GET /v1/seeds:search",
      "GET /v1/needs:search"}},
    {"Matching",
     {"POST /v1/{need=needs/*}:suggest", "POST /v1/seeds:suggest",
      "POST /v1/{seed=seeds/*}:suggest",
      "POST /v1/{organization=organizations/*}:suggestPartners"}},
    {"Feedback",
     {"POST /v1/feedback", "GET /v1/feedback", "PATCH /v1/{feedback.name=feedback/*}",
      "DELETE /v1/{name=feedback/*}"}},
    {"SystemIndicatorsAndThesaurus",
     {"GET /v1/system:ping", "GET /v1/system/info", "GET /v1/indicators",
      "POST /v1/thesaurus:reload"}},
    {"BackupAndMetrics", {"POST /v1/system:backup", "GET /metrics"}},
    {"Changes", {"GET /v1/changes"}},
    {"Imports", {"POST /v1/imports:file"}},
    {"Access",
     {"POST /v1/access:login", "GET /v1/access:whoAmI", "POST /v1/access:changePassword",
      "POST /v1/access:logout"}},
    {"Admin",
     {"POST /v1/users", "GET /v1/{name=users/*}", "GET /v1/users:lookup", "GET /v1/users",
      "PATCH /v1/{user.name=users/*}", "POST /v1/{name=users/*}:setPassword",
      "POST /v1/{user=users/*}/tokens", "GET /v1/tokens", "POST /v1/{name=tokens/*}:revoke",
      "GET /v1/auditEvents"}},
};

// No Authorization header: an anonymous call.
const Headers kAnonymous = {{"Authorization", ""}};
Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

class JsonRoutesTest : public WebTest {
 protected:
  // Records the route each request takes.
  HttpReply Send(const std::string& method, const std::string& target, const std::string& body,
                 const Headers& headers) override {
    const web::RouteTable::Lookup found =
        routes_.Find(method, absl::string_view(target).substr(0, target.find('?')));
    if (found.route != nullptr) {
      called_.insert(absl::StrCat(found.route->http_method, " ", found.route->path.text()));
    }
    return WebTest::Send(method, target, body, headers);
  }

  // Every route `test` is declared to call was called.
  void ExpectCalled(const std::string& test) {
    for (const std::string& route : kRoutesByTest.at(test)) {
      EXPECT_TRUE(called_.contains(route)) << test << " did not call " << route;
    }
  }

  // The message the gRPC call gives; fails the test when it fails. (The
  // checks below compare .get() with nullptr: a unique_ptr<Message> makes
  // gtest print the message, which GCC 12 -O3 warns about in gtest.)
  std::unique_ptr<Message> GrpcOk(const std::string& method, const std::string& json) {
    absl::StatusOr<std::unique_ptr<Message>> response = Grpc(method, json);
    EXPECT_OK(response) << method << " " << json;
    return response.ok() ? std::move(*response) : nullptr;
  }

  // The JSON reply equals what gRPC gives for the same request.
  void ExpectSameAsGrpc(const HttpReply& reply, const std::string& method,
                        const std::string& request_json) {
    std::unique_ptr<Message> expected = GrpcOk(method, request_json);
    ASSERT_NE(expected.get(), nullptr);
    std::unique_ptr<Message> actual = Parse(reply, expected->GetDescriptor()->full_name());
    EXPECT_TRUE(MessageDifferencer::Equals(*actual, *expected))
        << "HTTP: " << reply.body << "\ngRPC: " << ToJson(*expected);
  }

  // The first name a List over gRPC returns ("organizations/12").
  std::string FirstName(const std::string& method, const std::string& request_json) {
    std::unique_ptr<Message> list = GrpcOk(method, request_json);
    if (list == nullptr) return "";
    const auto* items = list->GetDescriptor()->field(0);  // the repeated records
    EXPECT_GT(list->GetReflection()->FieldSize(*list, items), 0) << request_json;
    if (list->GetReflection()->FieldSize(*list, items) == 0) return "";
    const Message& first = list->GetReflection()->GetRepeatedMessage(*list, items, 0);
    return first.GetReflection()->GetString(first, first.GetDescriptor()->FindFieldByName("name"));
  }

  std::string Company() {
    return FirstName("renkei.v1.OrganizationService.ListOrganizations",
                     R"({"kind": "ORGANIZATION_KIND_COMPANY", "pageSize": 1})");
  }
  std::string Institution() {
    return FirstName("renkei.v1.OrganizationService.ListOrganizations",
                     R"({"kind": "ORGANIZATION_KIND_ACADEMIC", "pageSize": 1})");
  }

  struct Collection {
    std::string collection;    // "organizations"
    std::string resource;      // "Organization"
    std::string plural;        // "Organizations"
    std::string record_json;   // to create, with the external id web-test/<collection>
    std::string update_field;  // JSON name
    std::string update_value;  // JSON value
    std::string service = "";  // "Network" when not "<resource>Service"
  };
  void CheckCrud(const Collection& c);
  void CheckUpdateAndDelete(const Collection& c, const std::string& name, const std::string& etag);

  web::RouteTable routes_ = web::RouteTable::Build(ProtocolServices()).value();
  std::set<std::string> called_;
};

std::string StringField(const Message& message, const std::string& field) {
  return message.GetReflection()->GetString(message,
                                            message.GetDescriptor()->FindFieldByName(field));
}

void JsonRoutesTest::CheckCrud(const Collection& c) {
  const std::string service = absl::StrCat("renkei.v1.", c.resource, "Service.");
  // Create: the store holds what the reply says.
  const HttpReply created = Send("POST", "/v1/" + c.collection, c.record_json, {});
  std::unique_ptr<Message> record = Parse(created, "renkei.v1." + c.resource);
  const std::string name = StringField(*record, "name");
  ASSERT_THAT(name, StartsWith(c.collection + "/"));
  const std::string by_name = absl::StrCat(R"({"name": ")", name, R"("})");
  std::unique_ptr<Message> stored = GrpcOk(service + "Get" + c.resource, by_name);
  ASSERT_NE(stored.get(), nullptr);
  EXPECT_TRUE(MessageDifferencer::Equals(*record, *stored)) << created.body;
  // Get by name and by external id.
  ExpectSameAsGrpc(Get("/v1/" + name), service + "Get" + c.resource, by_name);
  ExpectSameAsGrpc(
      Get(absl::StrCat("/v1/", c.collection,
                       ":lookup?externalId.source=web-test&externalId.value=", c.collection)),
      service + "Get" + c.resource, by_name);
  // List: the same page as gRPC gives, the new record on it.
  const HttpReply list = Get(absl::StrCat("/v1/", c.collection, "?pageSize=1000"));
  EXPECT_THAT(list.body, HasSubstr(absl::StrCat("\"name\":\"", name, "\"")));
  ExpectSameAsGrpc(list, service + "List" + c.plural, R"({"pageSize": 1000})");
  CheckUpdateAndDelete(c, name, StringField(*record, "etag"));
}

void JsonRoutesTest::CheckUpdateAndDelete(const Collection& c, const std::string& name,
                                          const std::string& etag) {
  const std::string service =
      absl::StrCat("renkei.v1.", c.service.empty() ? c.resource : c.service, "Service.");
  const std::string by_name = absl::StrCat(R"({"name": ")", name, R"("})");
  const std::string field_json = absl::StrCat("\"", c.update_field, "\":", c.update_value);
  // Update with the etag: the store has the new value.
  const HttpReply updated =
      Send("PATCH", absl::StrCat("/v1/", name, "?updateMask=", c.update_field),
           absl::StrCat("{", field_json, ", \"etag\": \"", etag, "\"}"), {});
  EXPECT_EQ(updated.status, 200) << updated.body;
  std::unique_ptr<Message> stored = GrpcOk(service + "Get" + c.resource, by_name);
  ASSERT_NE(stored.get(), nullptr);
  EXPECT_THAT(ToJson(*stored), HasSubstr(field_json));
  // The old etag is refused (409 ABORTED) and nothing is written.
  const int64_t revision = Revision();
  const HttpReply stale = Send("PATCH", absl::StrCat("/v1/", name, "?updateMask=", c.update_field),
                               absl::StrCat("{", field_json, ", \"etag\": \"", etag, "\"}"), {});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(ErrorOf(stale).status, "ABORTED");
  EXPECT_EQ(Revision(), revision);
  // Delete: gone from the store; a Get over HTTP is a JSON 404.
  const HttpReply deleted = Send("DELETE", "/v1/" + name, "", {});
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(Grpc(service + "Get" + c.resource, by_name).status().code(),
            absl::StatusCode::kNotFound);
  const HttpReply gone = Get("/v1/" + name);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(ErrorOf(gone).status, "NOT_FOUND");
}

TEST_F(JsonRoutesTest, EveryRouteHasATest) {
  std::set<std::string> declared;
  for (const auto& [test, list] : kRoutesByTest) declared.insert(list.begin(), list.end());
  std::set<std::string> table;
  for (const web::Route& route : routes_.routes()) {
    table.insert(absl::StrCat(route.http_method, " ", route.path.text()));
  }
  EXPECT_EQ(declared, table);
}

TEST_F(JsonRoutesTest, Organizations) {
  CheckCrud({"organizations", "Organization", "Organizations",
             R"({"kind": "ORGANIZATION_KIND_COMPANY", "displayName": "ウェブ試験工業株式会社",
                 "address": {"prefecture": "岩手県", "city": "一関市", "district": "大東"},
                 "externalIds": [{"source": "web-test", "value": "organizations"}]})",
             "employees", "52"});
  // By 法人番号, and a filtered list as gRPC gives it.
  const std::string numbered = FirstName("renkei.v1.OrganizationService.ListOrganizations",
                                         R"({"kind": "ORGANIZATION_KIND_FINANCIAL"})");
  const std::string number =
      GrpcField("renkei.v1.OrganizationService.GetOrganization",
                absl::StrCat(R"({"name": ")", numbered, R"("})"), "corporate_number");
  ASSERT_FALSE(number.empty());
  ExpectSameAsGrpc(Get("/v1/organizations:lookup?corporateNumber=" + number),
                   "renkei.v1.OrganizationService.GetOrganization",
                   absl::StrCat(R"({"name": ")", numbered, R"("})"));
  ExpectSameAsGrpc(
      Get("/v1/organizations?district=%E5%8D%83%E5%8E%A9&kind=ORGANIZATION_KIND_COMPANY"),
      "renkei.v1.OrganizationService.ListOrganizations",
      R"({"district": "千厩", "kind": "ORGANIZATION_KIND_COMPANY"})");
  ExpectCalled("Organizations");
}

TEST_F(JsonRoutesTest, People) {
  CheckCrud({"people", "Person", "People",
             absl::StrCat(R"({"role": "PERSON_ROLE_RESEARCHER", "displayName": "試験 花子",
                 "organization": ")",
                          Institution(), R"(",
                 "externalIds": [{"source": "web-test", "value": "people"}]})"),
             "title", R"("准教授")"});
  ExpectCalled("People");
}

TEST_F(JsonRoutesTest, Seeds) {
  CheckCrud({"seeds", "Seed", "Seeds", absl::StrCat(R"({"institution": ")", Institution(), R"(",
                 "title": "ウェブ試験のシーズ",
                 "externalIds": [{"source": "web-test", "value": "seeds"}]})"),
             "summary", R"("要約を書き換えた")"});
  ExpectCalled("Seeds");
}

TEST_F(JsonRoutesTest, Needs) {
  CheckCrud({"needs", "Need", "Needs",
             absl::StrCat(R"({"company": ")", Company(), R"(", "title": "ウェブ試験のニーズ",
                 "externalIds": [{"source": "web-test", "value": "needs"}]})"),
             "title", R"("題を書き換えた")"});
  ExpectCalled("Needs");
}

TEST_F(JsonRoutesTest, Collaborations) {
  CheckCrud({"collaborations", "Collaboration", "Collaborations",
             absl::StrCat(R"({"type": "COLLABORATION_TYPE_TECHNICAL_CONSULTATION",
                 "title": "ウェブ試験の技術相談", "startDate": {"year": 2025, "month": 5, "day": 1},
                 "participants": [{"organization": ")",
                          Institution(),
                          R"(", "role": "PARTICIPANT_ROLE_LEAD"}],
                 "externalIds": [{"source": "web-test", "value": "collaborations"}]})"),
             "title", R"("共同研究になった")"});
  ExpectCalled("Collaborations");
}

TEST_F(JsonRoutesTest, Networks) {
  CheckCrud({"networks", "Network", "Networks",
             R"({"displayName": "ウェブ試験研究会",
                 "externalIds": [{"source": "web-test", "value": "networks"}]})",
             "scope", R"("一関市内")"});
  ExpectCalled("Networks");
}

TEST_F(JsonRoutesTest, Memberships) {
  const std::string network = FirstName("renkei.v1.NetworkService.ListNetworks", "{}");
  // A company that is not a member yet: one created for the test.
  const HttpReply org =
      Send("POST", "/v1/organizations",
           R"({"kind": "ORGANIZATION_KIND_COMPANY", "displayName": "会員試験株式会社"})", {});
  const std::string member = StringField(*Parse(org, "renkei.v1.Organization"), "name");
  const HttpReply created =
      Send("POST", absl::StrCat("/v1/", network, "/memberships"),
           absl::StrCat(R"({"organization": ")", member, R"(", "role": "MEMBER_ROLE_DIRECTOR",
                   "externalIds": [{"source": "web-test", "value": "memberships"}]})"),
           {});
  std::unique_ptr<Message> membership = Parse(created, "renkei.v1.Membership");
  const std::string name = StringField(*membership, "name");
  EXPECT_EQ(name, absl::StrCat(network, "/memberships/", member.substr(member.find('/') + 1)));
  const std::string by_name = absl::StrCat(R"({"name": ")", name, R"("})");
  ExpectSameAsGrpc(Get("/v1/" + name), "renkei.v1.NetworkService.GetMembership", by_name);
  ExpectSameAsGrpc(Get("/v1/memberships:lookup?externalId.source=web-test"
                       "&externalId.value=memberships"),
                   "renkei.v1.NetworkService.GetMembership", by_name);
  const HttpReply members = Get(absl::StrCat("/v1/", network, "/memberships?pageSize=1000"));
  EXPECT_THAT(members.body, HasSubstr(name));
  ExpectSameAsGrpc(members, "renkei.v1.NetworkService.ListMemberships",
                   absl::StrCat(R"({"parent": ")", network, R"(", "pageSize": 1000})"));
  ExpectSameAsGrpc(Get(absl::StrCat("/v1/", member, "/memberships?currentOnly=true")),
                   "renkei.v1.NetworkService.ListOrganizationMemberships",
                   absl::StrCat(R"({"organization": ")", member, R"(", "currentOnly": true})"));
  CheckUpdateAndDelete(
      {"memberships", "Membership", "", "", "roleLabel", R"("副部会長")", "Network"}, name,
      StringField(*membership, "etag"));
  ExpectCalled("Memberships");
}

TEST_F(JsonRoutesTest, Search) {
  ExpectSameAsGrpc(Get("/v1/seeds:search?query=%E3%82%81%E3%81%A3%E3%81%8D&pageSize=5"),
                   "renkei.v1.SearchService.SearchSeeds", R"({"query": "めっき", "pageSize": 5})");
  ExpectSameAsGrpc(
      Get("/v1/organizations:search?query=%E6%A4%9C%E6%9F%BB&district=%E5%8D%83%E5%8E%A9"),
      "renkei.v1.SearchService.SearchOrganizations", R"({"query": "検査", "district": "千厩"})");
  ExpectSameAsGrpc(Get("/v1/people:search?query=%E5%88%86%E6%9E%90"),
                   "renkei.v1.SearchService.SearchPeople", R"({"query": "分析"})");
  const HttpReply needs =
      Get("/v1/needs:search?query=%E6%A4%9C%E6%9F%BB&options.withoutThesaurus=true");
  ExpectSameAsGrpc(needs, "renkei.v1.SearchService.SearchNeeds",
                   R"({"query": "検査", "options": {"withoutThesaurus": true}})");
  EXPECT_THAT(needs.body, HasSubstr("\"results\""));
  ExpectCalled("Search");
}

TEST_F(JsonRoutesTest, Matching) {
  const std::string need = FirstName("renkei.v1.NeedService.ListNeeds", "{}");
  const std::string seed = FirstName("renkei.v1.SeedService.ListSeeds", "{}");
  const std::string company = Company();
  const HttpReply for_need =
      Send("POST", absl::StrCat("/v1/", need, ":suggest"), R"({"pageSize": 3})", {});
  ExpectSameAsGrpc(for_need, "renkei.v1.MatchService.SuggestForNeed",
                   absl::StrCat(R"({"need": ")", need, R"(", "pageSize": 3})"));
  EXPECT_THAT(for_need.body, HasSubstr("\"reason\""));
  const std::string text = R"("text": "叩いて音で確かめる検査を自動にしたい", "pageSize": 3)";
  ExpectSameAsGrpc(Send("POST", "/v1/seeds:suggest", absl::StrCat("{", text, "}"), {}),
                   "renkei.v1.MatchService.SuggestForText", absl::StrCat("{", text, "}"));
  ExpectSameAsGrpc(Send("POST", absl::StrCat("/v1/", seed, ":suggest"), "{}", {}),
                   "renkei.v1.MatchService.SuggestForSeed",
                   absl::StrCat(R"({"seed": ")", seed, R"("})"));
  ExpectSameAsGrpc(
      Send("POST", absl::StrCat("/v1/", company, ":suggestPartners"),
           R"({"filters": {"district": "千厩"}})", {}),
      "renkei.v1.MatchService.SuggestPartners",
      absl::StrCat(R"({"organization": ")", company, R"(", "filters": {"district": "千厩"}})"));
  ExpectCalled("Matching");
}

TEST_F(JsonRoutesTest, Feedback) {
  const std::string need = FirstName("renkei.v1.NeedService.ListNeeds", "{}");
  const std::string seed = FirstName("renkei.v1.SeedService.ListSeeds", "{}");
  const HttpReply recorded =
      Send("POST", "/v1/feedback",
           absl::StrCat(R"({"need": ")", need, R"(", "suggestion": ")", seed,
                        R"(", "label": "FEEDBACK_LABEL_USEFUL", "note": "電話で紹介した"})"),
           {});
  std::unique_ptr<Message> feedback = Parse(recorded, "renkei.v1.Feedback");
  EXPECT_THAT(StringField(*feedback, "name"), StartsWith("feedback/"));
  const std::string query = absl::StrCat(R"({"need": ")", need, R"("})");
  std::unique_ptr<Message> stored = GrpcOk("renkei.v1.MatchService.ListFeedback", query);
  ASSERT_NE(stored.get(), nullptr);
  EXPECT_THAT(ToJson(*stored), HasSubstr("電話で紹介した"));
  ExpectSameAsGrpc(Get("/v1/feedback?need=" + need), "renkei.v1.MatchService.ListFeedback", query);
  // A mark is changed, then withdrawn.
  const std::string name = StringField(*feedback, "name");
  const HttpReply changed = Send("PATCH", absl::StrCat("/v1/", name, "?updateMask=label"),
                                 R"({"label": "FEEDBACK_LABEL_CONTACTED"})", {});
  EXPECT_THAT(changed.body, HasSubstr("FEEDBACK_LABEL_CONTACTED"));
  EXPECT_EQ(Send("DELETE", absl::StrCat("/v1/", name), "", {}).status, 200);
  stored = GrpcOk("renkei.v1.MatchService.ListFeedback", query);
  ASSERT_NE(stored.get(), nullptr);
  EXPECT_THAT(ToJson(*stored), Not(HasSubstr("電話で紹介した")));
  ExpectCalled("Feedback");
}

TEST_F(JsonRoutesTest, BackupAndMetrics) {
  const std::string directory = server_.data_dir() + "/json-backups";
  const HttpReply backup =
      Send("POST", "/v1/system:backup", absl::StrCat(R"({"directory": ")", directory, R"("})"), {});
  EXPECT_EQ(backup.status, 200) << backup.body;
  EXPECT_THAT(backup.body, HasSubstr(absl::StrCat("\"revision\":\"", Revision(), "\"")));
  const HttpReply metrics = Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_THAT(metrics.body, HasSubstr("renkei_rpc_calls_total{code=\"OK\",method=\"/renkei.v1."
                                      "SystemService/Backup\"} 1"));
  ExpectCalled("BackupAndMetrics");
}

TEST_F(JsonRoutesTest, SystemIndicatorsAndThesaurus) {
  const HttpReply ping = Get("/v1/system:ping");
  EXPECT_EQ(ping.status, 200);
  EXPECT_EQ(ping.body, "{}");
  const HttpReply info = Get("/v1/system/info");
  EXPECT_THAT(info.body, HasSubstr(absl::StrCat("\"revision\":\"", Revision(), "\"")));
  ExpectSameAsGrpc(info, "renkei.v1.SystemService.GetServerInfo", "{}");
  ExpectSameAsGrpc(Get("/v1/indicators?fiscalYear=2024"),
                   "renkei.v1.IndicatorService.GetIndicators", R"({"fiscalYear": 2024})");
  const HttpReply reloaded = Send("POST", "/v1/thesaurus:reload", "", {});
  std::unique_ptr<Message> thesaurus = Parse(reloaded, "renkei.v1.ThesaurusInfo");
  EXPECT_GT(thesaurus->GetReflection()->GetInt32(
                *thesaurus, thesaurus->GetDescriptor()->FindFieldByName("groups")),
            0);
  ExpectCalled("SystemIndicatorsAndThesaurus");
}

// The web's upload: a member list as an association sends it (CP932, a title
// row, (株), a plant's row), its bytes base64 in the JSON body.
TEST_F(JsonRoutesTest, Imports) {
  std::ifstream in(RENKEI_DEMO_IMPORT_FILE, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const int64_t before = Revision();
  const HttpReply dry = Send(
      "POST", "/v1/imports:file",
      absl::StrCat(R"({"header": {"kind": "IMPORT_KIND_MEMBERS", "network": "networks/2",)",
                   R"( "dryRun": true}, "fileName": "ryoban_plaza_2026.csv", "content": ")",
                   absl::Base64Escape(bytes.str()), R"("})"),
      {});
  ASSERT_EQ(dry.status, 200) << dry.body;
  std::unique_ptr<Message> answer = Parse(dry, "renkei.v1.ImportFileResponse");
  const std::string json = ToJson(*answer);
  EXPECT_THAT(json, HasSubstr(R"("created":"2")"));
  EXPECT_THAT(json, HasSubstr(R"("linked":"4")"));
  EXPECT_THAT(json, HasSubstr(R"("column":"D")"));  // Excel's 4.402E+12, a warning
  EXPECT_THAT(json, HasSubstr("CP932"));  // how the file was read
  EXPECT_EQ(Revision(), before);          // a dry run writes nothing
  const HttpReply empty = Send("POST", "/v1/imports:file",
                               R"({"header": {"kind": "IMPORT_KIND_MEMBERS"}, "fileName": "x.csv"})",
                               {});
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(ErrorOf(empty).violations.at(0).first, "content");
  ExpectCalled("Imports");
}

TEST_F(JsonRoutesTest, Changes) {
  const int64_t head = Revision();
  EventStreamReader events(http_port(),
                           absl::StrCat("/v1/changes?stopAtHead=true&sinceRevision=", head - 3),
                           WithToken());
  called_.insert("GET /v1/changes");
  EXPECT_EQ(events.head().status, 200);
  EXPECT_EQ(events.head().Header("Content-Type"), "text/event-stream; charset=utf-8");
  std::vector<std::string> ids;
  while (auto event = events.Next()) {
    ids.push_back(event->id);
    EXPECT_THAT(event->data, HasSubstr(absl::StrCat("\"revision\":\"", event->id, "\"")));
  }
  EXPECT_TRUE(events.ended());
  EXPECT_EQ(ids, (std::vector<std::string>{absl::StrCat(head - 2), absl::StrCat(head - 1),
                                           absl::StrCat(head)}));
  ExpectCalled("Changes");
}

TEST_F(JsonRoutesTest, Access) {
  // The demo coordinator signs in over JSON.
  const HttpReply login =
      Send("POST", "/v1/access:login",
           R"({"username": "coordinator", "password": "coordinator-demo"})", kAnonymous);
  std::unique_ptr<Message> session = Parse(login, "renkei.v1.LoginResponse");
  const std::string token = StringField(*session, "token");
  ASSERT_FALSE(token.empty());
  const HttpReply who = Get("/v1/access:whoAmI", Bearer(token));
  EXPECT_THAT(who.body, HasSubstr(R"("username":"coordinator")"));
  EXPECT_THAT(who.body, HasSubstr(R"("role":"ROLE_COORDINATOR")"));
  // A new password works, the old one no longer does.
  EXPECT_EQ(
      Send("POST", "/v1/access:changePassword",
           R"({"currentPassword": "coordinator-demo", "newPassword": "coordinator-2026-web"})",
           Bearer(token))
          .status,
      200);
  EXPECT_EQ(Send("POST", "/v1/access:login",
                 R"({"username": "coordinator", "password": "coordinator-2026-web"})", kAnonymous)
                .status,
            200);
  const HttpReply old =
      Send("POST", "/v1/access:login",
           R"({"username": "coordinator", "password": "coordinator-demo"})", kAnonymous);
  EXPECT_EQ(ErrorOf(old).status, "UNAUTHENTICATED");
  // After logout the session token is refused.
  EXPECT_EQ(Send("POST", "/v1/access:logout", "", Bearer(token)).status, 200);
  const HttpReply gone = Get("/v1/access:whoAmI", Bearer(token));
  EXPECT_EQ(gone.status, 401);
  EXPECT_EQ(ErrorOf(gone).status, "UNAUTHENTICATED");
  ExpectCalled("Access");
}

TEST_F(JsonRoutesTest, Admin) {
  const HttpReply created = Send(
      "POST", "/v1/users",
      R"({"user": {"username": "web-test", "displayName": "ウェブ 試験", "role": "ROLE_READER"},
          "password": "web-test-password"})",
      {});
  std::unique_ptr<Message> user = Parse(created, "renkei.v1.User");
  const std::string name = StringField(*user, "name");
  ASSERT_THAT(name, StartsWith("users/"));
  EXPECT_THAT(created.body, ::testing::Not(HasSubstr("passwordHash")));
  const std::string by_name = absl::StrCat(R"({"name": ")", name, R"("})");
  ExpectSameAsGrpc(Get("/v1/" + name), "renkei.v1.AdminService.GetUser", by_name);
  ExpectSameAsGrpc(Get("/v1/users:lookup?username=web-test"), "renkei.v1.AdminService.GetUser",
                   by_name);
  ExpectSameAsGrpc(Get("/v1/users?role=ROLE_READER"), "renkei.v1.AdminService.ListUsers",
                   R"({"role": "ROLE_READER"})");
  EXPECT_EQ(Send("PATCH", absl::StrCat("/v1/", name, "?updateMask=displayName"),
                 absl::StrCat(R"({"displayName": "試験 変更", "etag": ")",
                              StringField(*user, "etag"), R"("})"),
                 {})
                .status,
            200);
  EXPECT_EQ(GrpcField("renkei.v1.AdminService.GetUser", by_name, "display_name"), "試験 変更");
  EXPECT_EQ(Send("POST", absl::StrCat("/v1/", name, ":setPassword"),
                 R"({"password": "another-password-1"})", {})
                .status,
            200);
  EXPECT_EQ(Send("POST", "/v1/access:login",
                 R"({"username": "web-test", "password": "another-password-1"})", kAnonymous)
                .status,
            200);
  // A token for the user works until it is revoked.
  std::unique_ptr<Message> made =
      Parse(Send("POST", absl::StrCat("/v1/", name, "/tokens"), R"({"description": "試験"})", {}),
            "renkei.v1.CreatedToken");
  const std::string secret = StringField(*made, "token");
  const Message& record =
      made->GetReflection()->GetMessage(*made, made->GetDescriptor()->FindFieldByName("record"));
  const std::string token_name = StringField(record, "name");
  EXPECT_THAT(Get("/v1/access:whoAmI", Bearer(secret)).body, HasSubstr(R"("username":"web-test")"));
  ExpectSameAsGrpc(Get("/v1/tokens?user=" + name), "renkei.v1.AdminService.ListTokens",
                   absl::StrCat(R"({"user": ")", name, R"("})"));
  EXPECT_EQ(Send("POST", absl::StrCat("/v1/", token_name, ":revoke"), "", {}).status, 200);
  EXPECT_EQ(Get("/v1/access:whoAmI", Bearer(secret)).status, 401);
  // The audit trail says who revoked it and that it came over JSON.
  const HttpReply audit = Get("/v1/auditEvents?record=" + token_name);
  EXPECT_THAT(audit.body, HasSubstr(R"("event":"token_revoked")"));
  EXPECT_THAT(audit.body, HasSubstr(R"("interface":"json")"));
  ExpectSameAsGrpc(audit, "renkei.v1.AdminService.ListAuditEvents",
                   absl::StrCat(R"({"record": ")", token_name, R"("})"));
  ExpectCalled("Admin");
}

}  // namespace
}  // namespace renkei::testing
