#include "tests/small_disk.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include "absl/strings/str_cat.h"

namespace renkei::testing {
namespace {

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  return static_cast<bool>(out);
}

// A mount namespace of our own (and, without root, a user namespace in
// which we are root), whose mounts nobody else sees.
bool EnterPrivateMounts(std::string* why_not) {
  const uid_t uid = geteuid();
  const gid_t gid = getegid();
  const int flags = uid == 0 ? CLONE_NEWNS : CLONE_NEWUSER | CLONE_NEWNS;
  if (unshare(flags) != 0) {
    *why_not = absl::StrCat("unshare: ", std::strerror(errno));
    return false;
  }
  if (uid != 0 && !(WriteFile("/proc/self/setgroups", "deny") &&
                    WriteFile("/proc/self/uid_map", absl::StrCat("0 ", uid, " 1")) &&
                    WriteFile("/proc/self/gid_map", absl::StrCat("0 ", gid, " 1")))) {
    *why_not = "cannot map the user into the new user namespace";
    return false;
  }
  if (mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    *why_not = absl::StrCat("making mounts private: ", std::strerror(errno));
    return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<SmallDisk> SmallDisk::Mount(uint64_t bytes, std::string* why_not) {
  if (!EnterPrivateMounts(why_not)) return nullptr;
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string pattern = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/small_disk.XXXXXX");
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    *why_not = absl::StrCat("mkdtemp: ", std::strerror(errno));
    return nullptr;
  }
  const std::string path(buffer.data());
  const std::string options = absl::StrCat("size=", bytes);
  if (mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) != 0) {
    *why_not = absl::StrCat("mounting a tmpfs: ", std::strerror(errno));
    rmdir(path.c_str());
    return nullptr;
  }
  return std::unique_ptr<SmallDisk>(new SmallDisk(path));
}

SmallDisk::~SmallDisk() {
  umount2(path_.c_str(), MNT_DETACH);
  rmdir(path_.c_str());
}

void SmallDisk::Fill() {
  const int fd = open((path_ + "/filler").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return;
  const std::string block(4096, 'f');
  while (write(fd, block.data(), block.size()) > 0) {
  }
  // The last partial block, byte by byte.
  while (write(fd, block.data(), 1) > 0) {
  }
  close(fd);
}

void SmallDisk::Free() { unlink((path_ + "/filler").c_str()); }

uint64_t SmallDisk::FreeBytes() const {
  struct statvfs stats;
  if (statvfs(path_.c_str(), &stats) != 0) return 0;
  return static_cast<uint64_t>(stats.f_bavail) * stats.f_frsize;
}

}  // namespace renkei::testing
