#include "server/store/internal/counter_cache.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace renkei::store::internal {
namespace {

// A stand-in for the database: counters by name, and how often each was read.
struct Database {
  std::map<std::string, int64_t> values;
  int reads = 0;

  int64_t Read(const std::string& name) {
    ++reads;
    return values[name];
  }
};

TEST(CounterCacheTest, AValueIsReadOnceThenHeld) {
  Database db{{{"t/seed/検査", 3}}};
  CounterCache cache(100);
  EXPECT_EQ(cache.Get("t/seed/検査", [&] { return db.Read("t/seed/検査"); }), 3);
  EXPECT_EQ(cache.Get("t/seed/検査", [&] { return db.Read("t/seed/検査"); }), 3);
  EXPECT_EQ(db.reads, 1);
}

TEST(CounterCacheTest, AWrittenBatchAddsItsDeltasToHeldValues) {
  Database db{{{"a", 3}, {"b", 1}}};
  CounterCache cache(100);
  cache.Get("a", [&] { return db.Read("a"); });
  cache.BeginWrite();
  db.values["a"] += 2;
  db.values["b"] -= 1;
  cache.EndWrite({{"a", 2}, {"b", -1}}, true);
  EXPECT_EQ(cache.Get("a", [&] { return db.Read("a"); }), 5);
  EXPECT_EQ(cache.Get("b", [&] { return db.Read("b"); }), 0);
  EXPECT_EQ(db.reads, 2);  // a once, b once after the write
}

TEST(CounterCacheTest, AValueReadWhileAWriteIsUnderWayIsNotKept) {
  Database db{{{"a", 3}}};
  CounterCache cache(100);
  cache.BeginWrite();
  EXPECT_EQ(cache.Get("a", [&] { return db.Read("a"); }), 3);
  db.values["a"] = 4;
  cache.EndWrite({{"a", 1}}, true);
  EXPECT_EQ(cache.Get("a", [&] { return db.Read("a"); }), 4);
  EXPECT_EQ(db.reads, 2);
}

TEST(CounterCacheTest, AValueReadAcrossAWholeWriteIsNotKept) {
  Database db{{{"a", 3}}};
  CounterCache cache(100);
  // The write begins and ends while the value is being read: whether the
  // read saw it is unknown, so the value is returned but not held.
  EXPECT_EQ(cache.Get("a",
                      [&] {
                        const int64_t before = db.Read("a");
                        cache.BeginWrite();
                        db.values["a"] = 10;
                        cache.EndWrite({{"a", 7}}, true);
                        return before;
                      }),
            3);
  EXPECT_EQ(cache.Get("a", [&] { return db.Read("a"); }), 10);
  EXPECT_EQ(cache.Get("a", [&] { return db.Read("a"); }), 10);
  EXPECT_EQ(db.reads, 2);
}

TEST(CounterCacheTest, AFailedWriteForgetsEverything) {
  Database db{{{"a", 3}}};
  CounterCache cache(100);
  cache.Get("a", [&] { return db.Read("a"); });
  cache.BeginWrite();
  cache.EndWrite({{"a", 1}}, false);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Get("a", [&] { return db.Read("a"); }), 3);
}

TEST(CounterCacheTest, AFullCacheStartsAgainEmpty) {
  Database db{{{"a", 1}, {"b", 2}, {"c", 3}}};
  CounterCache cache(2);
  cache.Get("a", [&] { return db.Read("a"); });
  cache.Get("b", [&] { return db.Read("b"); });
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.Get("c", [&] { return db.Read("c"); }), 3);
  EXPECT_EQ(cache.size(), 1u);
}

}  // namespace
}  // namespace renkei::store::internal
