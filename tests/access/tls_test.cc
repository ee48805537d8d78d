// TLS on the gRPC port: the renkei CLI talks to renkei-server over TLS with a
// certificate made here (openssl); the server will not listen on a public
// address without TLS unless told --insecure (and then warns); the CLI will
// not send a token in clear to an address that is not loopback.
#include <csignal>

#include "absl/strings/str_cat.h"
#include "tests/run_binary.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace renkei::testing {
namespace {

using ::testing::HasSubstr;

BinaryRun Renkei(const std::vector<std::string>& args, const std::string& home) {
  BinaryOptions options;
  options.env = {{"RENKEI_TOKEN", ""}, {"RENKEI_SERVER", ""}, {"HOME", home},
                 {"XDG_CONFIG_HOME", ""}};
  return RunBinary(RENKEI_CLI_BINARY, args, options);
}

// A self-signed certificate for localhost and 127.0.0.1.
void MakeCertificate(const std::string& dir) {
  const BinaryRun made = RunBinary(
      "/usr/bin/openssl",
      {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
       "-days", "2", "-subj", "/CN=localhost", "-addext",
       "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", dir + "/key.pem", "-out",
       dir + "/cert.pem"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
}

TEST(TlsTest, TheCliTalksToTheServerOverTls) {
  TempDir dir;
  MakeCertificate(dir.path());
  ServerProcess server(dir.path() + "/data", {"--tls_cert", dir.path() + "/cert.pem",
                                              "--tls_key", dir.path() + "/key.pem"});
  ASSERT_TRUE(server.Start()) << server.log();
  EXPECT_THAT(server.log(), HasSubstr("over TLS"));
  const std::string address = absl::StrCat("localhost:", server.port());
  const std::string token_file = dir.path() + "/data/admin.token";
  BinaryRun run = Renkei({"--server", address, "--tls", "--ca-file", dir.path() + "/cert.pem",
                          "--token-file", token_file, "whoami", "-o", "json"},
                         dir.path());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("\"username\": \"admin\""));
  // In clear, the TLS port does not answer.
  run = Renkei({"--server", address, "--token-file", token_file, "--timeout", "3", "whoami"},
               dir.path());
  EXPECT_NE(run.exit_code, 0);
  // Nor with roots that do not know the certificate.
  run = Renkei({"--server", address, "--tls", "--token-file", token_file, "--timeout", "3",
                "whoami"},
               dir.path());
  EXPECT_NE(run.exit_code, 0);
}

TEST(TlsTest, APublicAddressNeedsTlsOrInsecure) {
  TempDir dir;
  ServerProcess refused(dir.path(), {"--listen", "0.0.0.0:0"});
  EXPECT_FALSE(refused.Start());
  EXPECT_THAT(refused.log(), HasSubstr("without TLS"));
  ServerProcess insecure(dir.path(), {"--listen", "0.0.0.0:0", "--insecure"});
  ASSERT_TRUE(insecure.Start()) << insecure.log();
  EXPECT_THAT(insecure.log(), HasSubstr("WARNING: --insecure"));
  insecure.Stop(SIGTERM);
}

TEST(TlsTest, TheCliSendsNoTokenInClearToAnAddressThatIsNotLoopback) {
  TempDir dir;
  const std::string token_file = dir.path() + "/token";
  RunBinary("/bin/sh", {"-c", "echo rk_example > " + token_file});
  BinaryRun run = Renkei({"--server", "192.0.2.1:50051", "--token-file", token_file, "whoami"},
                         dir.path());
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("refusing to send a token in clear to 192.0.2.1:50051"));
}

}  // namespace
}  // namespace renkei::testing
