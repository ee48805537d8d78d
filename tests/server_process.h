// The renkei-server binary run as a child process, as an operator runs it:
// for tests that kill it, or that must not share the process with it.
#ifndef RENKEI_TESTS_SERVER_PROCESS_H_
#define RENKEI_TESTS_SERVER_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace grpc {
class Channel;
}  // namespace grpc

namespace renkei::testing {

class ServerProcess {
 public:
  // Runs RENKEI_SERVER_BINARY --listen 127.0.0.1:0 --http= --data_dir
  // `data_dir` `args` (without --data_dir when `data_dir` is empty).
  ServerProcess(std::string data_dir, std::vector<std::string> args = {});
  ~ServerProcess();  // SIGKILLs it if still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts it and waits (up to 60 s) for the line saying where it listens.
  // False if it exited or never said so; log() tells why.
  bool Start();
  // Sends `signal` and waits for the exit; returns the wait status.
  int Stop(int signal);

  int port() const { return port_; }
  std::string address() const;
  // A channel whose calls carry the first administrator's token, read from
  // `data_dir` (default: the one it was started on)/admin.token.
  std::shared_ptr<grpc::Channel> AdminChannel(std::string data_dir = "") const;
  std::string log() const;  // everything it wrote to stderr

 private:
  const std::string data_dir_;
  const std::vector<std::string> args_;
  pid_t pid_ = -1;
  int port_ = 0;
  int stderr_fd_ = -1;
  std::thread reader_;
  mutable std::mutex mu_;
  std::string log_;  // guarded by mu_
};

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_SERVER_PROCESS_H_
