// The renkei-import binary itself, spawned: exit codes and messages.
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "renkei/v1/network.pb.h"
#include "server/store/store.h"
#include "tests/test_server.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

struct ImportRun {
  int exit_code = -1;
  std::string out, err;
};

std::string ReadAll(int fd) {
  std::string text;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) text.append(buffer, static_cast<size_t>(n));
  return text;
}

ImportRun Import(const std::string& server, std::vector<std::string> args, const std::string& cwd) {
  int out[2], err[2];
  EXPECT_EQ(pipe(out), 0);
  EXPECT_EQ(pipe(err), 0);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    for (int fd : {out[0], out[1], err[0], err[1]}) close(fd);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    setenv("RENKEI_SERVER", server.c_str(), 1);
    std::vector<std::string> argv = {RENKEI_IMPORT_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (std::string& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  ImportRun run;
  std::thread error_reader([&] { run.err = ReadAll(err[0]); });
  run.out = ReadAll(out[0]);
  error_reader.join();
  close(out[0]);
  close(err[0]);
  int status;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

const std::string kList = absl::StrCat(RENKEI_RESOLVE_DEV_DATA, "/konwakai_meibo.csv");

TEST(RenkeiImportTest, ImportsAMemberListAndWritesTheReportAndReviewFiles) {
  TestServer server;
  v1::Network network;
  network.set_display_name("いちのせき工業懇話会");
  ASSERT_TRUE(server.server().store().Create(&network, "").ok());
  TempDir dir;
  const ImportRun run = Import(absl::StrCat("127.0.0.1:", server.port()),
                         {"members", kList, "--network", network.name(), "--report", "report.csv"},
                         dir.path());
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
