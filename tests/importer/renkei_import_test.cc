// The renkei-import binary itself, spawned: exit codes and messages.
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "renkei/v1/network.pb.h"
#include "server/store/store.h"
#include "tests/run_binary.h"
#include "tests/test_server.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

using ImportRun = BinaryRun;

// Runs renkei-import with RENKEI_SERVER=`server` and RENKEI_TOKEN=`token`.
ImportRun Import(const std::string& server, std::vector<std::string> args, const std::string& cwd,
                 const std::string& token = "") {
  BinaryOptions options;
  options.env = {{"RENKEI_SERVER", server}, {"RENKEI_TOKEN", token}, {"HOME", cwd}};
  options.cwd = cwd;
  return RunBinary(RENKEI_IMPORT_BINARY, args, options);
}

const std::string kList = absl::StrCat(RENKEI_RESOLVE_DEV_DATA, "/konwakai_meibo.csv");

TEST(RenkeiImportTest, ImportsAMemberListAndWritesTheReportAndReviewFiles) {
  TestServer server;
  v1::Network network;
  network.set_display_name("いちのせき工業懇話会");
  ASSERT_TRUE(server.server().store().Create(&network, "", store::Actor::System()).ok());
  TempDir dir;
  const ImportRun run = Import(absl::StrCat("127.0.0.1:", server.port()),
                         {"members", kList, "--network", network.name(), "--report", "report.csv"},
                         dir.path(), server.admin_token());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("done: 59 rows read"));
  EXPECT_THAT(run.out, HasSubstr("report: report.csv"));
  EXPECT_EQ(access((dir.path() + "/report.csv").c_str(), R_OK), 0);
  // No terminal: no progress bar in what a script captures.
  EXPECT_THAT(run.err, ::testing::Not(HasSubstr("rows/s ETA")));
}

TEST(RenkeiImportTest, ExitCodes) {
  TempDir dir;
  ImportRun run = Import("127.0.0.1:1", {"members", kList, "--network", "3"}, dir.path());
  EXPECT_EQ(run.exit_code, 7);
  EXPECT_THAT(run.err, HasSubstr("cannot reach renkei-server at 127.0.0.1:1"));

  run = Import("127.0.0.1:1", {"suppliers", kList}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("not a kind of import"));

  run = Import("127.0.0.1:1", {"members", kList}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--network is required"));

  run = Import("127.0.0.1:1", {"organizations", "/nonexistent.csv"}, dir.path());
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_THAT(run.err, HasSubstr("/nonexistent.csv: cannot open"));

  run = Import("127.0.0.1:1", {"organizations", kList, "--bogus"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);

  run = Import("127.0.0.1:1", {"--help"}, dir.path());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("Examples:"));
}

}  // namespace
}  // namespace renkei::testing
