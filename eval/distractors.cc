#include "eval/distractors.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "bench/synthetic.h"
#include "renkei/v1/organization.pb.h"
#include "renkei/v1/seed.pb.h"
#include "server/records/validate.h"
#include "server/store/store.h"

namespace renkei::eval {
namespace {

constexpr int kBatch = 500;

// Creates the records `make` gives for 0..count-1, in batches.
template <typename Make>
absl::Status Load(store::Store* store, int count, Make make) {
  for (int start = 0; start < count; start += kBatch) {
    std::vector<std::unique_ptr<google::protobuf::Message>> owned;
    std::vector<google::protobuf::Message*> batch;
    for (int i = start; i < std::min(count, start + kBatch); ++i) {
      owned.push_back(make(i));
      records::PrepareForCreate(owned.back().get());
      batch.push_back(owned.back().get());
    }
    absl::Status status = store->CreateMany(batch, {}, store::Actor::System());
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status LoadDistractors(store::Store* store, int count) {
  if (count <= 0) return absl::OkStatus();
  v1::Organization college, centre;
  college.set_kind(v1::ORGANIZATION_KIND_ACADEMIC);
  college.set_display_name("合成工業高等専門学校");
  centre.set_kind(v1::ORGANIZATION_KIND_PUBLIC_RESEARCH);
  centre.set_display_name("合成技術研究センター");
  records::PrepareForCreate(&college);
  records::PrepareForCreate(&centre);
  absl::Status status = store->CreateMany({&college, &centre}, {}, store::Actor::System());
  if (!status.ok()) return status;
  const std::string institutions[] = {college.name(), centre.name()};
  return Load(store, count, [&](int i) {
    auto s = std::make_unique<v1::Seed>(bench::SyntheticSeed(i));
    s->set_institution(institutions[i % 2]);
    return s;
  });
}

}  // namespace renkei::eval
