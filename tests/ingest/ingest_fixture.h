// What the import tests without a server share: one name reader for the
// suite (MeCab's dictionary loads once) and a real Store in a temp dir for
// each test.
#ifndef RENKEI_TESTS_INGEST_INGEST_FIXTURE_H_
#define RENKEI_TESTS_INGEST_INGEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>

#include "server/resolve/reading.h"
#include "server/store/store.h"
#include "tests/test_util.h"

namespace renkei::ingest {

class IngestTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<resolve::Reader>> reader = resolve::Reader::Create();
    ASSERT_OK(reader);
    reader_ = reader->release();
  }
  static void TearDownTestSuite() {
    delete reader_;
    reader_ = nullptr;
  }
  void SetUp() override {
    auto store = store::Store::Open(store::StoreOptions(), dir_.path());
    ASSERT_OK(store);
    store_ = std::move(*store);
  }

  static inline resolve::Reader* reader_ = nullptr;
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace renkei::ingest

#endif  // RENKEI_TESTS_INGEST_INGEST_FIXTURE_H_
