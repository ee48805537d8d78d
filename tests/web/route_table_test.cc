#include "server/web/internal/route_table.h"

#include <gmock/gmock.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/api/annotations.pb.h"
#include "tests/test_server.h"
#include "tests/test_util.h"
#include "tests/web/web_fixture.h"

namespace renkei::web {
namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::MethodDescriptor;
using google::protobuf::ServiceDescriptor;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ProtocolServices;
using ::testing::UnorderedElementsAre;

// The RPCs with no JSON route on purpose (docs/api.md).
const std::set<std::string> kWithoutRoute = {"renkei.v1.ImportService.Import"};

RouteTable ProtocolRoutes() {
  absl::StatusOr<RouteTable> table = RouteTable::Build(ProtocolServices());
  EXPECT_OK(table);
  return table.ok() ? std::move(*table) : RouteTable();
}

// A server in the process: what it registers is in the descriptor pool.
class RouteTableTest : public ::testing::Test {
 protected:
  testing::TestServer server_;
};

TEST_F(RouteTableTest, EveryRpcOfTheProtocolHasARouteButTheDocumentedStream) {
  const std::vector<const ServiceDescriptor*> services = ProtocolServices();
  ASSERT_GE(services.size(), 12u);
  const RouteTable table = ProtocolRoutes();
  std::set<const MethodDescriptor*> routed;
  for (const Route& route : table.routes()) routed.insert(route.method);
  for (const ServiceDescriptor* service : services) {
    for (int i = 0; i < service->method_count(); ++i) {
      const MethodDescriptor* method = service->method(i);
      if (kWithoutRoute.contains(method->full_name())) {
        EXPECT_FALSE(routed.contains(method)) << method->full_name();
      } else {
        EXPECT_TRUE(routed.contains(method))
            << method->full_name() << " has no google.api.http option (docs/api.md)";
      }
    }
  }
  ASSERT_EQ(table.skipped().size(), 1u);
  EXPECT_EQ(table.skipped()[0]->full_name(), "renkei.v1.ImportService.Import");
}

TEST_F(RouteTableTest, NoTwoRoutesClash) {
  const RouteTable table = ProtocolRoutes();
  const std::vector<Route>& routes = table.routes();
  for (size_t i = 0; i < routes.size(); ++i) {
    for (size_t j = i + 1; j < routes.size(); ++j) {
      EXPECT_FALSE(routes[i].http_method == routes[j].http_method &&
                   routes[i].path.Overlaps(routes[j].path))
          << routes[i].path.text() << " and " << routes[j].path.text();
    }
  }
}

TEST_F(RouteTableTest, FindsTheRouteOrTellsWhichMethodsThePathHas) {
  const RouteTable table = ProtocolRoutes();
  RouteTable::Lookup get = table.Find("GET", "/v1/networks/3/memberships/22");
  ASSERT_NE(get.route, nullptr);
  EXPECT_EQ(get.route->method->full_name(), "renkei.v1.NetworkService.GetMembership");
  EXPECT_THAT(get.bindings, ElementsAre(std::pair("name", "networks/3/memberships/22")));
  RouteTable::Lookup put = table.Find("PUT", "/v1/organizations/7");
  EXPECT_EQ(put.route, nullptr);
  EXPECT_THAT(put.allowed, UnorderedElementsAre("GET", "PATCH", "DELETE"));
  RouteTable::Lookup unknown = table.Find("GET", "/v1/widgets/7");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_TRUE(unknown.allowed.empty());
  RouteTable::Lookup changes = table.Find("GET", "/v1/changes");
  ASSERT_NE(changes.route, nullptr);
  EXPECT_TRUE(changes.route->streaming);
}

// A service of a pool of its own, with the rules given.
class SyntheticServiceTest : public ::testing::Test {
 protected:
  void AddMethod(const std::string& name, const std::string& get_path) {
    auto* method = file_.mutable_service(0)->add_method();
    method->set_name(name);
    method->set_input_type(".test.Request");
    method->set_output_type(".test.Request");
    if (!get_path.empty()) {
      method->mutable_options()->MutableExtension(google::api::http)->set_get(get_path);
    }
  }
  absl::Status Build() {
    const auto* built = pool_.BuildFile(file_);
    if (built == nullptr) return absl::InternalError("the synthetic file does not build");
    return RouteTable::Build({built->service(0)}).status();
  }
  void SetUp() override {
    file_.set_name("test.proto");
    file_.set_package("test");
    file_.set_syntax("proto3");
    auto* request = file_.add_message_type();
    request->set_name("Request");
    auto* field = request->add_field();
    field->set_name("name");
    field->set_number(1);
    field->set_type(google::protobuf::FieldDescriptorProto::TYPE_STRING);
    field->set_label(google::protobuf::FieldDescriptorProto::LABEL_OPTIONAL);
    file_.add_service()->set_name("Things");
  }

  google::protobuf::FileDescriptorProto file_;
  DescriptorPool pool_;
};

TEST_F(SyntheticServiceTest, AnRpcWithoutAnnotationIsListedAsSkipped) {
  AddMethod("GetThing", "/v1/{name=things/*}");
  AddMethod("Forgotten", "");
  const auto* built = pool_.BuildFile(file_);
  ASSERT_NE(built, nullptr);
  absl::StatusOr<RouteTable> table = RouteTable::Build({built->service(0)});
  ASSERT_OK(table);
  EXPECT_EQ(table->routes().size(), 1u);
  ASSERT_EQ(table->skipped().size(), 1u);
  EXPECT_EQ(table->skipped()[0]->full_name(), "test.Things.Forgotten");
}

TEST_F(SyntheticServiceTest, ClashingRoutesFailTheBuild) {
  AddMethod("GetThing", "/v1/{name=things/*}");
  AddMethod("GetOther", "/v1/things/{name}");
  EXPECT_THAT(Build().message(), HasSubstr("clashes with GET /v1/{name=things/*}"));
}

TEST_F(SyntheticServiceTest, VariableNamingNoFieldFailsTheBuild) {
  AddMethod("GetThing", "/v1/{id=things/*}");
  EXPECT_THAT(Build().message(), HasSubstr("\"id\" in /v1/{id=things/*} is not"));
}

// docs/api.md lists every route between two markers; the expected text is
// printed when it does not, to paste there.
std::string RouteDoc(const RouteTable& table) {
  std::string out =
      "| RPC | HTTP | body |\n"
      "|---|---|---|\n";
  for (const Route& route : table.routes()) {
    const std::string body = route.body.empty() ? "" : absl::StrCat("`", route.body, "`");
    absl::StrAppend(&out, "| ", route.method->service()->name(), ".", route.method->name(), " | `",
                    route.http_method, " ", absl::StrReplaceAll(route.path.text(), {{"|", "\\|"}}),
                    "`", route.streaming ? " (events)" : "", " | ", body, " |\n");
  }
  return out;
}

TEST_F(RouteTableTest, ApiDocListsEveryRoute) {
  std::ifstream in(RENKEI_API_DOC);
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const std::string begin = "<!-- routes:begin (route_table_test) -->\n";
  const std::string end = "<!-- routes:end -->";
  const size_t from = doc.find(begin), to = doc.find(end);
  ASSERT_NE(from, std::string::npos) << RENKEI_API_DOC << " has no " << begin;
  ASSERT_NE(to, std::string::npos);
  const std::string expected = RouteDoc(ProtocolRoutes());
  EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), expected)
      << "docs/api.md's route table should read:\n"
      << expected;
}

}  // namespace
}  // namespace renkei::web
