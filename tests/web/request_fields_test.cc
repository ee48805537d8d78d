#include "server/web/internal/request_fields.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "renkei/v1/change.pb.h"
#include "renkei/v1/match.pb.h"
#include "renkei/v1/organization.pb.h"
#include "server/util/errors.h"
#include "server/web/internal/route_table.h"
#include "tests/test_util.h"

namespace renkei::web {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Builds the request an HTTP request to `path` makes, through the real
// route table.
class RequestFieldsTest : public ::testing::Test {
 protected:
  absl::Status Build(absl::string_view method, absl::string_view target, absl::string_view body,
                     google::protobuf::Message* request) {
    const size_t mark = target.find('?');
    RouteTable::Lookup found = routes_->Find(method, target.substr(0, mark));
    EXPECT_NE(found.route, nullptr) << method << " " << target;
    if (found.route == nullptr) return absl::NotFoundError("no route");
    return BuildRequest(*found.route, found.bindings,
                        mark == absl::string_view::npos ? "" : target.substr(mark + 1), body,
                        request);
  }

  // The one field violation of `status`, as "field: description".
  static std::string Violation(const absl::Status& status) {
    std::vector<FieldViolation> list = FieldViolationsOf(status);
    EXPECT_EQ(list.size(), 1u) << status;
    return list.empty() ? "" : absl::StrCat(list[0].field, ": ", list[0].description);
  }

  absl::StatusOr<RouteTable> routes_ = RouteTable::Build(
      std::vector<std::string>{"renkei.v1.OrganizationService", "renkei.v1.ChangeService",
                               "renkei.v1.SearchService", "renkei.v1.MatchService"});
};

TEST_F(RequestFieldsTest, QueryParametersInProtoOrJsonSpelling) {
  v1::ListOrganizationsRequest request;
  ASSERT_OK(Build("GET",
                  "/v1/organizations?district=%E5%8D%83%E5%8E%A9&pageSize=50&name_prefix=a+b"
                  "&kind=ORGANIZATION_KIND_COMPANY",
                  "", &request));
  EXPECT_EQ(request.district(), "千厩");
  EXPECT_EQ(request.page_size(), 50);
  EXPECT_EQ(request.name_prefix(), "a b");
  EXPECT_EQ(request.kind(), v1::ORGANIZATION_KIND_COMPANY);
}

TEST_F(RequestFieldsTest, EnumByNumberRepeatedByRepetitionBoolsAndInt64) {
  v1::ListOrganizationsRequest list;
  ASSERT_OK(Build("GET", "/v1/organizations?kind=2", "", &list));
  EXPECT_EQ(list.kind(), v1::ORGANIZATION_KIND_ACADEMIC);
  v1::WatchChangesRequest watch;
  ASSERT_OK(Build("GET",
                  "/v1/changes?collections=seeds&collections=needs&stopAtHead=true"
                  "&sinceRevision=9000000000",
                  "", &watch));
  EXPECT_THAT(watch.collections(), ElementsAre("seeds", "needs"));
  EXPECT_TRUE(watch.stop_at_head());
  EXPECT_EQ(watch.since_revision(), 9000000000);
}

TEST_F(RequestFieldsTest, NestedFieldsByDottedPath) {
  v1::SearchOrganizationsRequest search;
  ASSERT_OK(
      Build("GET", "/v1/organizations:search?query=x&options.withoutThesaurus=1", "", &search));
  EXPECT_TRUE(search.options().without_thesaurus());
}

TEST_F(RequestFieldsTest, PathVariableAndBodyFieldMakeAnUpdate) {
  v1::UpdateOrganizationRequest request;
  ASSERT_OK(Build("PATCH", "/v1/organizations/7?updateMask=employees,displayName,address.city",
                  R"({"employees": 52, "etag": "3", "name": "organizations/99"})", &request));
  // The path wins over a name in the body.
  EXPECT_EQ(request.organization().name(), "organizations/7");
  EXPECT_EQ(request.organization().employees(), 52);
  EXPECT_EQ(request.organization().etag(), "3");
  EXPECT_THAT(request.update_mask().paths(),
              ElementsAre("employees", "display_name", "address.city"));
}

TEST_F(RequestFieldsTest, BodyStarFillsTheWholeRequestAndTheVerbRouteBindsTheNeed) {
  v1::SuggestForNeedRequest request;
  ASSERT_OK(Build("POST", "/v1/needs/5:suggest",
                  R"({"pageSize": 3, "filters": {"district": "千厩"}})", &request));
  EXPECT_EQ(request.need(), "needs/5");
  EXPECT_EQ(request.page_size(), 3);
  EXPECT_EQ(request.filters().district(), "千厩");
}

TEST_F(RequestFieldsTest, UnknownQueryParameterIsNamed) {
  v1::ListOrganizationsRequest request;
  const absl::Status status = Build("GET", "/v1/organizations?distrct=x", "", &request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Violation(status), HasSubstr("distrct: unknown query parameter"));
}

TEST_F(RequestFieldsTest, WrongTypesAreNamed) {
  v1::ListOrganizationsRequest request;
  EXPECT_THAT(Violation(Build("GET", "/v1/organizations?pageSize=ten", "", &request)),
              HasSubstr("pageSize: \"ten\" is not a 32-bit integer"));
  EXPECT_THAT(Violation(Build("GET", "/v1/organizations?pageSize=3000000000", "", &request)),
              HasSubstr("pageSize"));
  EXPECT_THAT(Violation(Build("GET", "/v1/organizations?kind=COMPANY", "", &request)),
              HasSubstr("kind: \"COMPANY\" is not a value of OrganizationKind"));
  v1::WatchChangesRequest watch;
  EXPECT_THAT(Violation(Build("GET", "/v1/changes?stopAtHead=yes", "", &watch)),
              HasSubstr("stopAtHead: \"yes\" is not true or false"));
}

TEST_F(RequestFieldsTest, TextMustBeUtf8) {
  v1::ListOrganizationsRequest request;
  EXPECT_THAT(Violation(Build("GET", "/v1/organizations?district=%FF%FE", "", &request)),
              HasSubstr("district: not valid UTF-8"));
}

TEST_F(RequestFieldsTest, FieldsOfTheBodyOrThePathAreNotQueryParameters) {
  v1::UpdateOrganizationRequest update;
  EXPECT_THAT(
      Violation(Build("PATCH", "/v1/organizations/7?organization.employees=3", "{}", &update)),
      HasSubstr("is given in the JSON body"));
  v1::SuggestForNeedRequest suggest;
  EXPECT_THAT(Violation(Build("POST", "/v1/needs/5:suggest?pageSize=3", "{}", &suggest)),
              HasSubstr("pageSize: is given in the JSON body"));
  v1::GetOrganizationRequest get;
  EXPECT_THAT(Violation(Build("GET", "/v1/organizations/7?name=organizations/8", "", &get)),
              HasSubstr("name: is given by the path"));
}

TEST_F(RequestFieldsTest, JsonErrorsNameTheField) {
  v1::CreateOrganizationRequest request;
  EXPECT_THAT(Violation(Build("POST", "/v1/organizations", R"({"displayName": 5})", &request)),
              HasSubstr("organization.display_name: in the JSON body: invalid value 5"));
  EXPECT_THAT(
      Violation(Build("POST", "/v1/organizations", R"({"address": {"cty": "x"}})", &request)),
      HasSubstr("organization.address.cty: in the JSON body: Cannot find field"));
  EXPECT_THAT(Violation(Build("POST", "/v1/organizations", R"({"displayName": )", &request)),
              HasSubstr("organization: in the JSON body:"));
  v1::GetOrganizationRequest get;
  EXPECT_THAT(Violation(Build("GET", "/v1/organizations/7", R"({"x": 1})", &get)),
              HasSubstr("takes no body"));
}

TEST_F(RequestFieldsTest, EmptyBodyIsAnEmptyMessage) {
  v1::SuggestForTextRequest request;
  ASSERT_OK(Build("POST", "/v1/seeds:suggest", "", &request));
  EXPECT_EQ(request.text(), "");
}

}  // namespace
}  // namespace renkei::web
