// SuggestionCache: an answer is found only at the version of the data it was
// computed from, never older, and the cache stays within its bytes.
#include "server/service/suggestion_cache.h"

#include <memory>
#include <string>

#include <gmock/gmock.h>

namespace renkei::service {
namespace {

using ::testing::Eq;
using ::testing::Optional;

class SuggestionCacheTest : public ::testing::Test {
 protected:
  DataVersion At(int64_t revision) { return DataVersion{revision, thesaurus_}; }
  std::shared_ptr<const void> thesaurus_ = std::make_shared<int>(1);
};

TEST_F(SuggestionCacheTest, AnAnswerIsFoundAtTheVersionItWasComputedFrom) {
  SuggestionCache cache(1 << 20);
  EXPECT_EQ(cache.Find("need 5", At(7)), std::nullopt);
  cache.Keep("need 5", At(7), "seeds/3");
  EXPECT_THAT(cache.Find("need 5", At(7)), Optional(Eq("seeds/3")));
  EXPECT_EQ(cache.Find("need 6", At(7)), std::nullopt);
  EXPECT_EQ(cache.hits(), 1);
  EXPECT_EQ(cache.misses(), 2);
}

TEST_F(SuggestionCacheTest, AWriteOfTheDataForgetsEveryAnswer) {
  SuggestionCache cache(1 << 20);
  cache.Keep("need 5", At(7), "seeds/3");
  EXPECT_EQ(cache.Find("need 5", At(8)), std::nullopt);
  // Gone for good: the older version does not bring it back.
  EXPECT_EQ(cache.Find("need 5", At(7)), std::nullopt);
}

TEST_F(SuggestionCacheTest, AnotherThesaurusForgetsEveryAnswer) {
  SuggestionCache cache(1 << 20);
  cache.Keep("need 5", At(7), "seeds/3");
  EXPECT_EQ(cache.Find("need 5", DataVersion{7, std::make_shared<int>(1)}), std::nullopt);
}

TEST_F(SuggestionCacheTest, ACallerBehindAWriteNeitherFindsNorDropsNewerAnswers) {
  SuggestionCache cache(1 << 20);
  cache.Keep("need 5", At(8), "seeds/4");
  // Read its version before the write of revision 8 was published.
  EXPECT_EQ(cache.Find("need 5", At(7)), std::nullopt);
  cache.Keep("need 5", At(7), "seeds/3");  // computed from older data: not kept
  EXPECT_THAT(cache.Find("need 5", At(8)), Optional(Eq("seeds/4")));
}

TEST_F(SuggestionCacheTest, AFullCacheStartsAgainEmpty) {
  SuggestionCache cache(100);
  cache.Keep("a", At(1), std::string(60, 'x'));
  cache.Keep("b", At(1), std::string(60, 'y'));
  EXPECT_EQ(cache.Find("a", At(1)), std::nullopt);
  EXPECT_THAT(cache.Find("b", At(1)), Optional(Eq(std::string(60, 'y'))));
  cache.Keep("c", At(1), std::string(200, 'z'));  // larger than the whole cache
  EXPECT_EQ(cache.Find("c", At(1)), std::nullopt);
  EXPECT_TRUE(cache.Find("b", At(1)).has_value());
}

TEST_F(SuggestionCacheTest, NoBytesKeepsNothing) {
  SuggestionCache cache(0);
  cache.Keep("a", At(1), "x");
  EXPECT_EQ(cache.Find("a", At(1)), std::nullopt);
}

}  // namespace
}  // namespace renkei::service
