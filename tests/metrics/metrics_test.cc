// Metrics rendered in Prometheus's text format: calls by method and code,
// latency buckets, import rows, the gauges read when rendered.
#include "server/metrics/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "tests/test_util.h"

namespace renkei::metrics {
namespace {

using ::testing::HasSubstr;

constexpr char kGet[] = "/renkei.v1.OrganizationService/GetOrganization";

TEST(MetricsTest, CountsCallsByMethodAndCode) {
  Metrics metrics;
  metrics.RecordCall(kGet, "OK", absl::Milliseconds(2));
  metrics.RecordCall(kGet, "OK", absl::Milliseconds(3));
  metrics.RecordCall(kGet, "NOT_FOUND", absl::Milliseconds(1));
  const std::string text = metrics.Render(Readings());
  EXPECT_THAT(text, HasSubstr("# TYPE renkei_rpc_calls_total counter"));
  EXPECT_THAT(text, HasSubstr(std::string("renkei_rpc_calls_total{code=\"OK\",method=\"") + kGet +
                              "\"} 2"));
  EXPECT_THAT(text, HasSubstr(std::string("renkei_rpc_calls_total{code=\"NOT_FOUND\",method=\"") +
                              kGet + "\"} 1"));
}

TEST(MetricsTest, LatenciesFallInTheirBuckets) {
  Metrics metrics;
  metrics.RecordCall(kGet, "OK", absl::Milliseconds(2));
  metrics.RecordCall(kGet, "OK", absl::Seconds(3));
  const std::string text = metrics.Render(Readings());
  const std::string bucket = std::string("renkei_rpc_duration_seconds_bucket{method=\"") + kGet;
  EXPECT_THAT(text, HasSubstr(bucket + "\",le=\"0.0025\"} 1"));
  EXPECT_THAT(text, HasSubstr(bucket + "\",le=\"5\"} 2"));
  EXPECT_THAT(text, HasSubstr(std::string("renkei_rpc_duration_seconds_count{method=\"") + kGet +
                              "\"} 2"));
}

TEST(MetricsTest, GaugesShowTheReadingsOfTheRender) {
  Metrics metrics;
  metrics.CountImportRows("created", 5);
  metrics.CountImportRows("created", 2);
  Readings now;
  now.revision = 1234;
  now.store_bytes = 5678;
  now.change_streams = 3;
  const std::string text = metrics.Render(now);
  EXPECT_THAT(text, HasSubstr("renkei_import_rows_total{outcome=\"created\"} 7"));
  EXPECT_THAT(text, HasSubstr("renkei_store_revision 1234"));
  EXPECT_THAT(text, HasSubstr("renkei_store_bytes 5678"));
  EXPECT_THAT(text, HasSubstr("renkei_change_streams 3"));
  EXPECT_THAT(text, HasSubstr("process_resident_memory_bytes "));
}

TEST(MetricsTest, ResidentBytesAndDirectoryBytesAreMeasured) {
  EXPECT_GT(ResidentBytes(), uint64_t{1} << 20);
  testing::TempDir dir;
  std::ofstream(dir.path() + "/a") << std::string(1000, 'x');
  EXPECT_EQ(DirectoryBytes(dir.path()), 1000u);
  EXPECT_EQ(DirectoryBytes(dir.path() + "/missing"), 0u);
}

}  // namespace
}  // namespace renkei::metrics
