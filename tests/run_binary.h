// Runs a binary of the project as a child process, as a person or a script
// would, and collects its exit code and output.
#ifndef RENKEI_TESTS_RUN_BINARY_H_
#define RENKEI_TESTS_RUN_BINARY_H_

#include <string>
#include <utility>
#include <vector>

namespace renkei::testing {

struct BinaryRun {
  int exit_code = -1;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};

struct BinaryOptions {
  // Environment variables set in the child; an empty value unsets one.
  std::vector<std::pair<std::string, std::string>> env;
  std::string input;  // fed on stdin, then closed
  std::string cwd;    // the working directory; "" keeps the test's
};

// Runs `binary args…` and waits for it.
BinaryRun RunBinary(const std::string& binary, const std::vector<std::string>& args,
                    const BinaryOptions& options = {});

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_RUN_BINARY_H_
