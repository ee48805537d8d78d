// Loading the demo data set (data/demo, docs in data/demo/README.md) through
// the public API, as any client would: every record is created with a
// request_id derived from its key, so loading twice creates nothing new.
#ifndef RENKEI_SERVER_DEMO_DEMO_LOADER_H_
#define RENKEI_SERVER_DEMO_DEMO_LOADER_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace grpc {
class Channel;
}  // namespace grpc

namespace renkei::demo {

struct DemoFile {
  std::string name;     // "organizations.jsonl"
  std::string content;  // JSON Lines
};

// The files built into the binary from data/demo.
std::vector<DemoFile> EmbeddedDemoFiles();
// The eight files of a demo directory. NOT_FOUND naming a missing file.
absl::StatusOr<std::vector<DemoFile>> ReadDemoDir(const std::string& dir);

struct DemoSummary {
  std::map<std::string, int> records;  // collection → records loaded
  std::string ToString() const;
};

// Creates every record of `files` (in the order organizations, people,
// networks, seeds, needs, collaborations, memberships, users). Errors name the file
// and line: "seeds.jsonl:12: seed.title: is required".
absl::StatusOr<DemoSummary> LoadDemoData(const std::shared_ptr<grpc::Channel>& channel,
                                         const std::vector<DemoFile>& files);

}  // namespace renkei::demo

#endif  // RENKEI_SERVER_DEMO_DEMO_LOADER_H_
