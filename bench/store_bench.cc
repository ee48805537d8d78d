// store_bench: the store's write path without gRPC, beside raw RocksDB.
//
// Workloads (each on a fresh database, --reps times, --records records):
//   raw       one rocksdb::WriteBatch per record holding only the serialized
//             record, written by one thread (the floor of any write path).
//   create    Store::Create of the same records: record, indexes, unique
//             keys, counters and change log in one WriteBatch.
//   create+sync  the same with sync_writes (fsync per write).
//   get       Store::Get of random records of the create database.
//
// Prints the median records/s over the reps (min, max) and the ratio to raw.
//
//   bench/store_bench [--records 20000] [--reps 3] [--smoke]
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "renkei/v1/organization.pb.h"
#include "bench/synthetic.h"
#include "bench/timing.h"
#include "server/records/validate.h"
#include "server/store/store.h"

ABSL_FLAG(int, records, 20000, "records per run");
ABSL_FLAG(int, reps, 3, "runs per workload");
ABSL_FLAG(bool, smoke, false, "tiny sizes: check that the benchmark works");

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const bool smoke = absl::GetFlag(FLAGS_smoke);
  const int records = smoke ? 200 : absl::GetFlag(FLAGS_records);
  const int reps = smoke ? 1 : absl::GetFlag(FLAGS_reps);
  std::vector<renkei::v1::Organization> companies;
  for (int i = 0; i < records; ++i) {
    companies.push_back(renkei::bench::SyntheticCompany(i));
    renkei::records::PrepareForCreate(&companies.back());
  }

  std::printf("store_bench: %d company records per run, %d runs\n", records, reps);
  std::printf("%-12s %12s %12s %12s %8s\n", "workload", "rec/s med", "rec/s min", "rec/s max",
              "vs raw");
  double raw = 0;
  bool ok = true;
  auto report = [&](const char* name, const std::vector<double>& rates) {
    const double median = rates[rates.size() / 2];
    if (raw == 0) raw = median;
    std::printf("%-12s %12.0f %12.0f %12.0f %7.2fx\n", name, median, rates.front(),
                rates.back(), raw / median);
  };

  report("raw", renkei::bench::Rates(reps, records, [&] {
    const std::string dir = renkei::bench::FreshDir("store-bench", "raw");
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw_db = nullptr;
    if (!rocksdb::DB::Open(options, dir, &raw_db).ok()) {
      ok = false;
      return;
    }
    std::string key(9, '\0');
    for (int i = 0; i < records; ++i) {
      rocksdb::WriteBatch batch;
      for (int b = 0; b < 8; ++b) key[1 + b] = static_cast<char>((uint64_t(i + 1) >> (56 - 8 * b)) & 0xFF);
      batch.Put(key, companies[i].SerializeAsString());
      ok &= raw_db->Write(rocksdb::WriteOptions(), &batch).ok();
    }
    delete raw_db;
    std::filesystem::remove_all(dir);
  }));

  std::unique_ptr<renkei::store::Store> kept;
  for (bool sync : {false, true}) {
    report(sync ? "create+sync" : "create", renkei::bench::Rates(reps, records, [&] {
      const std::string dir = renkei::bench::FreshDir("store-bench", sync ? "sync" : "create");
      renkei::store::StoreOptions options;
      options.sync_writes = sync;
      auto store = renkei::store::Store::Open(options, dir);
      if (!store.ok()) {
        ok = false;
        return;
      }
      for (int i = 0; i < records; ++i) {
        renkei::v1::Organization record = companies[i];
        ok &= (*store)->Create(&record, "", renkei::store::Actor::System()).ok();
      }
      if (!sync) kept = std::move(*store);  // the last one serves "get"
    }));
  }
  std::mt19937 random(1);
  report("get", renkei::bench::Rates(reps, records, [&] {
    renkei::v1::Organization record;
    for (int i = 0; i < records; ++i) {
      ok &= kept->Get(absl::StrCat("organizations/", 1 + random() % records), &record).ok();
    }
  }));
  kept.reset();
  const std::string prefix = absl::StrCat("renkei-store-bench-", getpid(), "-");
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::temp_directory_path())) {
    if (entry.path().filename().string().starts_with(prefix)) {
      std::filesystem::remove_all(entry.path());
    }
  }
  if (!ok) std::fprintf(stderr, "store_bench: some operations failed\n");
  return ok ? 0 : 1;
}
