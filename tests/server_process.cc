#include "tests/server_process.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <fstream>

#include "server/util/call_metadata.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <regex>

namespace renkei::testing {

ServerProcess::ServerProcess(std::string data_dir, std::vector<std::string> args)
    : data_dir_(std::move(data_dir)), args_(std::move(args)) {}

ServerProcess::~ServerProcess() { Stop(SIGKILL); }

bool ServerProcess::Start() {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return false;
  // No HTTP unless `args` ask for it (a later --http wins): tests run side
  // by side and the default HTTP port would collide.
  std::vector<std::string> argv = {RENKEI_SERVER_BINARY, "--listen", "127.0.0.1:0", "--http="};
  if (!data_dir_.empty()) {
    argv.push_back("--data_dir");
    argv.push_back(data_dir_);
  }
  argv.insert(argv.end(), args_.begin(), args_.end());
  pid_ = fork();
  if (pid_ == 0) {
    // Die with the test; never hold the test's stdout (ctest waits on it).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> raw;
    for (std::string& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  stderr_fd_ = pipe_fds[0];
  {
    std::lock_guard<std::mutex> lock(mu_);
    log_.clear();
  }
  reader_ = std::thread([this] {
    char buffer[4096];
    ssize_t n;
    while ((n = read(stderr_fd_, buffer, sizeof(buffer))) > 0) {
      std::lock_guard<std::mutex> lock(mu_);
      log_.append(buffer, static_cast<size_t>(n));
    }
  });
  static const std::regex kListening("listening on [0-9.]+:([0-9]+)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const std::string text = log();
    if (std::regex_search(text, match, kListening)) {
      port_ = std::stoi(match[1].str());
      return true;
    }
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      Stop(SIGKILL);  // collects the rest of its output
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

int ServerProcess::Stop(int signal) {
  int status = -1;
  if (pid_ > 0) {
    kill(pid_, signal);
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  if (reader_.joinable()) reader_.join();
  if (stderr_fd_ >= 0) close(stderr_fd_);
  stderr_fd_ = -1;
  return status;
}

std::string ServerProcess::address() const { return "127.0.0.1:" + std::to_string(port_); }

std::string ServerProcess::log() const {
  std::lock_guard<std::mutex> lock(mu_);
  return log_;
}

std::shared_ptr<grpc::Channel> ServerProcess::AdminChannel(std::string data_dir) const {
  if (data_dir.empty()) data_dir = data_dir_;
  std::ifstream in(data_dir + "/admin.token");
  std::string token;
  std::getline(in, token);
  std::vector<std::unique_ptr<grpc::experimental::ClientInterceptorFactoryInterface>> adders;
  adders.push_back(AddMetadata(BearerMetadata(token)));
  return grpc::experimental::CreateCustomChannelWithInterceptors(
      address(), grpc::InsecureChannelCredentials(), grpc::ChannelArguments(), std::move(adders));
}

}  // namespace renkei::testing
