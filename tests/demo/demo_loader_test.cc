// The demo data set loads through the public API, whole, and only once.
#include "server/demo/demo_loader.h"

#include <gmock/gmock.h>

#include "absl/strings/str_split.h"
#include "renkei/v1/indicator.grpc.pb.h"
#include "renkei/v1/system.grpc.pb.h"
#include "tests/test_server.h"

namespace renkei::testing {
namespace {

// Lines per file of the demo set built into the binary.
std::map<std::string, int64_t> LinesPerCollection() {
  std::map<std::string, int64_t> lines;
  for (const demo::DemoFile& file : demo::EmbeddedDemoFiles()) {
    const std::string collection = file.name.substr(0, file.name.find('.'));
    for (absl::string_view line : absl::StrSplit(file.content, '\n')) {
      if (!line.empty()) ++lines[collection];
    }
  }
  return lines;
}

std::map<std::string, int64_t> Counts(const std::shared_ptr<grpc::Channel>& channel) {
  v1::ServerInfo info;
  EXPECT_OK(v1::SystemService::NewStub(channel)->GetServerInfo(
      Context().get(), v1::GetServerInfoRequest(), &info));
  std::map<std::string, int64_t> counts;
  for (const auto& [collection, count] : info.record_counts()) {
    if (count != 0) counts[collection] = count;  // the demo has no feedback
  }
  // The first administrator and its token come with every new server.
  --counts["users"];
  if (--counts["tokens"] == 0) counts.erase("tokens");
  return counts;
}

TEST(DemoLoaderTest, EmbeddedCopyMatchesDataDemo) {
  absl::StatusOr<std::vector<demo::DemoFile>> files = demo::ReadDemoDir(RENKEI_DEMO_DIR);
  ASSERT_OK(files);
  std::map<std::string, std::string> on_disk;
  for (const auto& f : *files) on_disk[f.name] = f.content;
  for (const auto& f : demo::EmbeddedDemoFiles()) EXPECT_EQ(on_disk[f.name], f.content) << f.name;
  EXPECT_EQ(files->size(), 8u);
}

TEST(DemoLoaderTest, LoadsEveryRecordOnceEvenWhenLoadedAgain) {
  TestServer server(/*load_demo=*/true);
  const std::map<std::string, int64_t> expected = LinesPerCollection();
  EXPECT_EQ(Counts(server.channel()), expected);
  EXPECT_GE(expected.at("organizations"), 50);
  EXPECT_GE(expected.at("seeds"), 40);
  EXPECT_GE(expected.at("collaborations"), 30);
  absl::StatusOr<demo::DemoSummary> again =
      demo::LoadDemoData(server.channel(), demo::EmbeddedDemoFiles());
  ASSERT_OK(again);
  EXPECT_EQ(Counts(server.channel()), expected);
  server.Restart();  // the server loads it at every start with --demo
  EXPECT_EQ(Counts(server.channel()), expected);
}

TEST(DemoLoaderTest, GivesIndicatorsForRecentYears) {
  TestServer server(/*load_demo=*/true);
  v1::GetIndicatorsRequest request;
  request.set_fiscal_year(2024);
  v1::Indicators indicators;
  ASSERT_OK(v1::IndicatorService::NewStub(server.channel())
                ->GetIndicators(Context().get(), request, &indicators));
  EXPECT_GT(indicators.collaborations_by_type_size(), 0);
  EXPECT_GT(indicators.companies(), 40);
  EXPECT_GT(indicators.members_by_network_size(), 10);
}

TEST(DemoLoaderTest, ABrokenLineIsReportedWithFileAndLine) {
  TestServer server;
  std::vector<demo::DemoFile> files = {
      {"organizations.jsonl",
       "{\"key\":\"a\",\"record\":{\"kind\":\"ORGANIZATION_KIND_COMPANY\",\"displayName\":\"株式会社一関精工\"}}\n"
       "{\"key\":\"b\",\"record\":{\"kind\":\"ORGANIZATION_KIND_COMPANY\"}}\n"}};
  absl::StatusOr<demo::DemoSummary> loaded = demo::LoadDemoData(server.channel(), files);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(),
              ::testing::HasSubstr("organizations.jsonl:2: organization.display_name"));
  files = {{"people.jsonl",
            "{\"key\":\"p\",\"record\":{\"role\":\"PERSON_ROLE_CONTACT\",\"displayName\":\"x\","
            "\"organization\":\"$nobody\"}}\n"}};
  loaded = demo::LoadDemoData(server.channel(), files);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.status().message(), ::testing::HasSubstr("people.jsonl:1: $nobody"));
}

}  // namespace
}  // namespace renkei::testing
