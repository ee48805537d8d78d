// A small file system of its own for a test: a tmpfs of a given size in a
// private mount namespace, so that a test can fill a disk without touching
// the machine's. Needs root or unprivileged user namespaces; a test skips
// when neither is there. Processes the test spawns afterwards see it too.
#ifndef RENKEI_TESTS_SMALL_DISK_H_
#define RENKEI_TESTS_SMALL_DISK_H_

#include <cstdint>
#include <memory>
#include <string>

namespace renkei::testing {

class SmallDisk {
 public:
  // Mounts a tmpfs of `bytes` on a new directory under TEST_TMPDIR; null
  // with `why_not` set when this process may not. REQUIRES: the process has
  // one thread (the first thing a test does).
  static std::unique_ptr<SmallDisk> Mount(uint64_t bytes, std::string* why_not);
  ~SmallDisk();
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;

  const std::string& path() const { return path_; }
  // Writes a file until the disk is full (ENOSPC).
  void Fill();
  // Removes what Fill wrote.
  void Free();
  uint64_t FreeBytes() const;

 private:
  explicit SmallDisk(std::string path) : path_(std::move(path)) {}
  const std::string path_;
};

}  // namespace renkei::testing

#endif  // RENKEI_TESTS_SMALL_DISK_H_
