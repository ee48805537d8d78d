// The real `renkei` binary against a real renkei-server, as a coordinator's
// shell or a script runs it: output formats parsed back, exit codes, errors.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "absl/strings/str_split.h"
#include "cli/display_width.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "renkei/v1/change.pb.h"
#include "renkei/v1/indicator.pb.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/seed.pb.h"
#include "tests/run_binary.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

using CliRun = BinaryRun;

// Runs `renkei args…` with RENKEI_SERVER=`server` and RENKEI_TOKEN=`token`,
// feeding `input` on stdin.
CliRun Renkei(const std::string& server, const std::string& token,
              std::vector<std::string> args, const std::string& input = "",
              const std::string& columns = "") {
  BinaryOptions options;
  options.env = {{"RENKEI_SERVER", server}, {"RENKEI_TOKEN", token}, {"COLUMNS", columns}};
  options.input = input;
  return RunBinary(RENKEI_CLI_BINARY, args, options);
}

template <typename T>
T Parse(const std::string& json) {
  T message;
  auto status = google::protobuf::util::JsonStringToMessage(json, &message);
  EXPECT_TRUE(status.ok()) << status.message() << "\n" << json;
  return message;
}

std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

class RenkeiCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.Start()) << server_.log();
    std::ifstream(dir_.path() + "/data/admin.token") >> token_;
  }

  CliRun Cli(std::vector<std::string> args, const std::string& input = "",
          const std::string& columns = "") {
    return Renkei(server_.address(), token_, std::move(args), input, columns);
  }
  // Runs a command that must succeed and returns its standard output.
  std::string Ok(std::vector<std::string> args, const std::string& input = "") {
    CliRun run = Cli(args, input);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.out;
  }
  std::string CreateOrg(const std::string& name, const std::string& district = "千厩") {
    return Parse<v1::Organization>(Ok({"org", "create", "--kind", "company", "--name", name,
                                       "--district", district, "-o", "json"}))
        .name();
  }
  std::string WriteFile(const std::string& name, const std::string& content) {
    const std::string path = dir_.path() + "/" + name;
    std::ofstream(path) << content;
    return path;
  }

  TempDir dir_;
  ServerProcess server_{dir_.path() + "/data"};
  std::string token_;
};

TEST_F(RenkeiCliTest, OrganizationCreateGetUpdateListDelete) {
  const v1::Organization created = Parse<v1::Organization>(
      Ok({"org", "create", "--kind", "company", "--name", "株式会社一関精工", "--district", "千厩",
          "--corporate-number", "7000012050002", "--jsic", "2694", "--jsic", "1821",
          "--ext", "ichinoseki-cci/member-no=1024", "-o", "json"}));
  EXPECT_EQ(created.name(), "organizations/1");
  EXPECT_THAT(created.jsic_codes(), ::testing::ElementsAre("2694", "1821"));

  for (auto args : std::vector<std::vector<std::string>>{
           {"org", "get", "1"},
           {"org", "get", "organizations/1"},
           {"org", "get", "--corporate-number", "7000012050002"},
           {"org", "get", "--ext", "ichinoseki-cci/member-no=1024"}}) {
    args.insert(args.end(), {"-o", "json"});
    EXPECT_EQ(Parse<v1::Organization>(Ok(args)).display_name(), "株式会社一関精工");
  }

  const v1::Organization updated =
      Parse<v1::Organization>(Ok({"org", "update", "1", "--employees", "52", "-o", "json"}));
  EXPECT_EQ(updated.employees(), 52);
  EXPECT_EQ(updated.address().district(), "千厩");  // untouched
  EXPECT_NE(updated.etag(), created.etag());

  CreateOrg("株式会社大東電子", "大東");
  std::vector<std::string> lines = Lines(Ok({"org", "list", "--district", "千厩", "-o", "jsonl"}));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(Parse<v1::Organization>(lines[0]).employees(), 52);

  Ok({"org", "delete", "1"});
  CliRun gone = Cli({"org", "get", "1"});
  EXPECT_EQ(gone.exit_code, 3);
  EXPECT_THAT(gone.err, HasSubstr("organizations/1 does not exist"));
}

TEST_F(RenkeiCliTest, EveryResourceRoundTrips) {
  const std::string kosen = Parse<v1::Organization>(
      Ok({"org", "create", "--kind", "academic", "--name", "一関工業高等専門学校", "-o", "json"})).name();
  const std::string company = CreateOrg("株式会社一関精工");
  struct Case {
    std::string command;
    std::vector<std::string> create;
    std::vector<std::string> update;
    std::string updated_text;  // appears in the record after the update
    std::vector<std::string> filter;
  };
  const std::vector<Case> cases = {
      {"person",
       {"--role", "researcher", "--name", "佐藤 花子", "--org", "1", "--department", "化学・バイオ系"},
       {"--title", "准教授"}, "准教授", {"--org", "1"}},
      {"seed",
       {"--institution", "1", "--researcher", "1", "--title", "ウルトラファインバブル洗浄",
        "--keyword", "UFB"},
       {"--summary", "微細気泡で脱脂する"}, "微細気泡で脱脂する", {"--keyword", "ufb"}},
      {"need", {"--company", "2", "--title", "黒い粒が混じる", "--visibility", "public"},
       {"--status", "matched"}, "NEED_STATUS_MATCHED", {"--status", "matched"}},
      {"collab",
       {"--type", "joint-research", "--title", "UFB洗浄の共同研究", "--participant", "1:lead",
        "--participant", "2", "--start", "2025-06-01"},
       {"--cases", "3"}, "\"caseCount\": 3", {"--year", "2025"}},
      {"network", {"--name", "千厩町工業クラブ", "--founded", "1993"},
       {"--scope", "千厩地域"}, "千厩地域", {"--name-contains", "工業"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.command);
    std::vector<std::string> create = {c.command, "create"};
    create.insert(create.end(), c.create.begin(), c.create.end());
    create.insert(create.end(), {"-o", "json"});
    const std::string created = Ok(create);
    const std::string name = Parse<google::protobuf::Struct>(created).fields().at("name").string_value();
    ASSERT_FALSE(name.empty()) << created;
    std::vector<std::string> update = {c.command, "update", name};
    update.insert(update.end(), c.update.begin(), c.update.end());
    update.insert(update.end(), {"-o", "json"});
    EXPECT_THAT(Ok(update), HasSubstr(c.updated_text));
    std::vector<std::string> list = {c.command, "list"};
    list.insert(list.end(), c.filter.begin(), c.filter.end());
    list.insert(list.end(), {"-o", "jsonl"});
    EXPECT_THAT(Ok(list), HasSubstr("\"" + name + "\""));
    EXPECT_THAT(Ok({c.command, "get", name, "-o", "json"}), HasSubstr(c.updated_text));
  }
  // Memberships both ways.
  Ok({"member", "add", "1", company, "--role", "president", "--since", "2020-04-01"});
  EXPECT_THAT(Ok({"member", "list", "--network", "1", "-o", "jsonl"}), HasSubstr(company));
  EXPECT_THAT(Ok({"member", "list", "--org", "2", "-o", "jsonl"}),
              HasSubstr("networks/1/memberships/2"));
  EXPECT_THAT(Ok({"member", "update", "1", "2", "--until", "2025-03-31", "-o", "json"}),
              HasSubstr("\"until\""));
  EXPECT_EQ(Lines(Ok({"member", "list", "--network", "1", "--current", "-o", "jsonl"})).size(), 0u);
  Ok({"member", "remove", "1", "2"});
  EXPECT_EQ(Cli({"member", "get", "1", "2"}).exit_code, 3);
  // Deleting with references: refused (5), then with --cascade.
  CliRun refused = Cli({"org", "delete", "1"});
  EXPECT_EQ(refused.exit_code, 5);
  EXPECT_THAT(refused.err, HasSubstr("people/1"));
  EXPECT_THAT(Ok({"org", "delete", "1", "--cascade", "-o", "json"}), HasSubstr("seeds/1"));
  (void)kosen;
}

TEST_F(RenkeiCliTest, JsonFeedsBackIntoFrom) {
  CreateOrg("株式会社一関精工");
  const std::string json = Ok({"org", "get", "1", "-o", "json"});
  // Edit the record as a user would and send it back: only what changed goes.
  std::string edited = json;
  edited.replace(edited.find("株式会社一関精工"), std::string("株式会社一関精工").size(),
                 "株式会社一関精密工業");
  const std::string path = WriteFile("org.json", edited);
  const v1::Organization updated =
      Parse<v1::Organization>(Ok({"org", "update", "1", "--from", path, "-o", "json"}));
  EXPECT_EQ(updated.display_name(), "株式会社一関精密工業");
  EXPECT_EQ(updated.address().district(), "千厩");
  // The same JSON creates a new record (output-only fields are ignored).
  const v1::Organization copy = Parse<v1::Organization>(Ok({"org", "create", "--from", "-", "-o", "json"}, json));
  EXPECT_EQ(copy.name(), "organizations/2");
  EXPECT_EQ(copy.display_name(), "株式会社一関精工");
  // A partial file changes only what it names.
  const std::string partial = WriteFile("partial.json", "{\"employees\": 12}");
  const v1::Organization after =
      Parse<v1::Organization>(Ok({"org", "update", "2", "--from", partial, "-o", "json"}));
  EXPECT_EQ(after.employees(), 12);
  EXPECT_EQ(after.display_name(), "株式会社一関精工");
}

TEST_F(RenkeiCliTest, CsvHasTheHeaderAndQuoting) {
  CreateOrg("一関精工, \"本社\"");
  CreateOrg("株式会社大東電子", "大東");
  const std::string csv = Ok({"org", "list", "-o", "csv", "--columns", "name,display_name,address.district"});
  EXPECT_EQ(csv,
            "name,display_name,address.district\r\n"
            "organizations/1,\"一関精工, \"\"本社\"\"\",千厩\r\n"
            "organizations/2,株式会社大東電子,大東\r\n");
}

TEST_F(RenkeiCliTest, TableLinesUpJapaneseAndFitsTheTerminal) {
  CreateOrg("株式会社とても長い名前の一関精密工業所本社工場");
  CreateOrg("ABC", "大東");
  CliRun run = Cli({"org", "list", "-o", "table"}, "", "60");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 3u);
  for (const std::string& line : lines) EXPECT_LE(cli::DisplayWidth(line), 60) << line;
  EXPECT_THAT(lines[1], HasSubstr("…"));
  const auto kind_column = [](const std::string& line, const std::string& cell) {
    return cli::DisplayWidth(line.substr(0, line.find(cell)));
  };
  EXPECT_EQ(kind_column(lines[1], "company"), kind_column(lines[0], "KIND"));
  EXPECT_EQ(kind_column(lines[2], "company"), kind_column(lines[0], "KIND"));
}

TEST_F(RenkeiCliTest, ListAllFollowsEveryPage) {
  for (int i = 0; i < 7; ++i) CreateOrg("株式会社テスト" + std::to_string(i));
  CliRun one_page = Cli({"org", "list", "--page-size", "3", "-o", "jsonl"});
  EXPECT_EQ(Lines(one_page.out).size(), 3u);
  EXPECT_THAT(one_page.err, HasSubstr("--page-token"));
  EXPECT_EQ(Lines(Ok({"org", "list", "--page-size", "3", "--all", "-o", "jsonl"})).size(), 7u);
}

TEST_F(RenkeiCliTest, BadInputGetsTheDocumentedExitCodes) {
  CliRun unknown_flag = Cli({"org", "list", "--distrikt", "千厩"});
  EXPECT_EQ(unknown_flag.exit_code, 2);
  EXPECT_THAT(unknown_flag.err, HasSubstr("--distrikt"));
  EXPECT_EQ(Cli({"org", "frobnicate"}).exit_code, 2);

  const std::string bad = WriteFile("bad.json", "{\"displayName\": \"一関精工\",");
  CliRun bad_json = Cli({"org", "create", "--from", bad});
  EXPECT_EQ(bad_json.exit_code, 4);
  EXPECT_THAT(bad_json.err, HasSubstr("--from " + bad));
  EXPECT_EQ(Lines(bad_json.err).size(), 1u);

  CliRun missing = Cli({"org", "create", "--kind", "company"});
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_THAT(missing.err, HasSubstr("organization.display_name: is required"));

  CliRun two = Cli({"org", "create", "--kind", "factory", "--name", "x"});
  EXPECT_EQ(two.exit_code, 4);
  EXPECT_THAT(two.err, HasSubstr("--kind"));

  CliRun bad_number = Cli({"org", "create", "--kind", "company", "--name", "x",
                        "--corporate-number", "1234567890123"});
  EXPECT_EQ(bad_number.exit_code, 4);
  EXPECT_THAT(bad_number.err, HasSubstr("organization.corporate_number: check digit"));

  CreateOrg("株式会社一関精工");
  const std::string etag = Parse<v1::Organization>(Ok({"org", "get", "1", "-o", "json"})).etag();
  Ok({"org", "update", "1", "--employees", "10"});
  CliRun stale = Cli({"org", "update", "1", "--employees", "11", "--etag", etag});
  EXPECT_EQ(stale.exit_code, 5);
  EXPECT_THAT(stale.err, HasSubstr("conflict"));
  EXPECT_EQ(Parse<v1::Organization>(Ok({"org", "get", "1", "-o", "json"})).employees(), 10);

  EXPECT_EQ(Cli({"org", "get", "99"}).exit_code, 3);
  CliRun duplicate = Cli({"org", "create", "--kind", "company", "--name", "y", "--corporate-number",
                       "7000012050002"});
  EXPECT_EQ(duplicate.exit_code, 0) << duplicate.err;
  EXPECT_EQ(Cli({"org", "create", "--kind", "company", "--name", "z", "--corporate-number",
                 "7000012050002"}).exit_code,
            5);
}

TEST_F(RenkeiCliTest, AStoppedServerIsOneClearLine) {
  server_.Stop(SIGTERM);
  CliRun down = Cli({"org", "list"});
  EXPECT_EQ(down.exit_code, 7);
  EXPECT_EQ(Lines(down.err).size(), 1u) << down.err;
  EXPECT_THAT(down.err, HasSubstr("cannot reach renkei-server at " + server_.address()));
  CliRun health = Cli({"health"});
  EXPECT_EQ(health.exit_code, 7);
}

TEST_F(RenkeiCliTest, HealthStatsAndWatch) {
  CreateOrg("株式会社一関精工");
  CliRun health = Cli({"health", "-o", "table"});
  EXPECT_EQ(health.exit_code, 0) << health.err;
  EXPECT_THAT(health.out, HasSubstr("SERVING"));
  // The health check needs no credential; the figures do.
  CliRun anonymous = Renkei(server_.address(), "", {"health", "-o", "table"});
  EXPECT_EQ(anonymous.exit_code, 0) << anonymous.err;
  EXPECT_THAT(anonymous.out, HasSubstr("sign in to see its figures"));
  const v1::Indicators stats = Parse<v1::Indicators>(Ok({"stats", "--year", "2025", "-o", "json"}));
  EXPECT_EQ(stats.fiscal_year(), 2025);
  EXPECT_EQ(stats.companies(), 1);
  EXPECT_THAT(Ok({"stats", "--year", "2025", "-o", "table"}), HasSubstr("2025年度"));
  std::vector<std::string> changes =
      Lines(Ok({"watch", "--to-head", "--collection", "organizations", "-o", "jsonl"}));
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(Parse<v1::Change>(changes[0]).organization().display_name(), "株式会社一関精工");
  // The whole feed starts with the first administrator, made by the server itself.
  changes = Lines(Ok({"watch", "--to-head", "-o", "jsonl"}));
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(Parse<v1::Change>(changes[0]).user().username(), "admin");
  EXPECT_EQ(Parse<v1::Change>(changes[0]).actor().principal(), "system");
  EXPECT_EQ(Parse<v1::Change>(changes[2]).actor().username(), "admin");
}

TEST_F(RenkeiCliTest, SearchAndMatchShowRankScoreAndReason) {
  Ok({"org", "create", "--kind", "academic", "--name", "一関工業高等専門学校"});
  Ok({"seed", "create", "--institution", "1", "--title", "打音検査の自動判定", "--summary",
      "叩いた音（打音）で内部の欠陥を判定する。"});
  Ok({"seed", "create", "--institution", "1", "--title", "射出成形品のそり対策"});
  CreateOrg("株式会社一関精工");
  Ok({"need", "create", "--company", "2", "--title", "叩いて音で確かめる検査を自動にしたい"});
  const std::string search = Ok({"search", "seed", "打音", "-o", "table"});
  EXPECT_THAT(search, HasSubstr("seeds/1"));
  EXPECT_THAT(search, HasSubstr("一致: 打音"));
  EXPECT_THAT(search, HasSubstr("（【打音】）"));
  std::vector<std::string> hits = Lines(Ok({"search", "seed", "打音", "-o", "jsonl"}));
  ASSERT_EQ(hits.size(), 1u);
  const std::string match = Ok({"match", "need", "1", "-o", "table"});
  EXPECT_THAT(match, HasSubstr(" 1. seeds/1"));
  EXPECT_THAT(match, HasSubstr("理由: "));
  EXPECT_THAT(match, HasSubstr("内訳: text"));
  std::vector<std::string> text = Lines(Ok({"match", "text", "ハンマーで叩いて音を聞く検査", "-o", "jsonl"}));
  ASSERT_FALSE(text.empty());
  EXPECT_THAT(text[0], HasSubstr("\"rank\":1"));
  EXPECT_THAT(text[0], HasSubstr("seeds/1"));
  CliRun feedback = Cli({"match", "feedback", "seeds/1", "--need", "1", "--label", "useful",
                      "--note", "来週面談", "-o", "json"});
  EXPECT_EQ(feedback.exit_code, 0) << feedback.err;
  EXPECT_THAT(feedback.out, HasSubstr("FEEDBACK_LABEL_USEFUL"));
  EXPECT_EQ(Cli({"match", "feedback", "seeds/1", "--need", "1", "--label", "great"}).exit_code, 4);
  EXPECT_THAT(Ok({"match", "feedback-list", "--need", "1", "-o", "jsonl"}), HasSubstr("来週面談"));
  EXPECT_THAT(Ok({"thesaurus", "reload"}), HasSubstr("groups"));
  EXPECT_EQ(Cli({"match", "need", "99"}).exit_code, 3);
}

TEST_F(RenkeiCliTest, ImportIsTheSameCommandAsRenkeiImport) {
  CreateOrg("株式会社一関精工");
  const std::string list = WriteFile("list.csv",
                                     "事業所名,所在地\n"
                                     "(株)一関精工,一関市千厩町千厩字北方174\n"
                                     "株式会社平泉電子,平泉町平泉字志羅山1\n");
  CliRun run = Cli({"import", "organizations", list, "--dry-run", "--review-out",
                    dir_.path() + "/review.csv"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("dry run (nothing written): 2 rows read"));
  run = Cli({"import", "suppliers", list});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("not a kind of import"));
  EXPECT_THAT(Ok({"import", "--help"}), HasSubstr("--skip-invalid"));
}

TEST_F(RenkeiCliTest, HelpListsCommandsWithExamples) {
  CliRun help = Cli({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* command : {"org", "person", "seed", "need", "collab", "network", "member",
                              "stats", "watch", "health", "search", "match", "Exit codes"}) {
    EXPECT_THAT(help.out, HasSubstr(command));
  }
  CliRun org_help = Cli({"org", "create", "--help"});
  EXPECT_EQ(org_help.exit_code, 0);
  EXPECT_THAT(org_help.out, HasSubstr("--corporate-number"));
  EXPECT_THAT(Cli({"org", "--help"}).out, HasSubstr("renkei org list --district"));
}

}  // namespace
}  // namespace renkei::testing
