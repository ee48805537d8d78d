#include "server/web/internal/path_template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace renkei::web {
namespace {

using ::testing::ElementsAre;
using ::testing::Optional;
using ::testing::Pair;

PathTemplate Parse(absl::string_view text) {
  absl::StatusOr<PathTemplate> parsed = PathTemplate::Parse(text);
  EXPECT_OK(parsed);
  return parsed.ok() ? *parsed : *PathTemplate::Parse("/");
}

TEST(PathTemplateTest, ResourceNameVariableBindsItsSegments) {
  EXPECT_THAT(Parse("/v1/{name=organizations/*}").Match("/v1/organizations/7"),
              Optional(ElementsAre(Pair("name", "organizations/7"))));
}

TEST(PathTemplateTest, MembershipNameSpansFourSegments) {
  const PathTemplate path = Parse("/v1/{name=networks/*/memberships/*}");
  EXPECT_THAT(path.Match("/v1/networks/3/memberships/22"),
              Optional(ElementsAre(Pair("name", "networks/3/memberships/22"))));
  EXPECT_EQ(path.Match("/v1/networks/3/memberships"), std::nullopt);
  EXPECT_EQ(path.Match("/v1/networks/3/members/22"), std::nullopt);
}

TEST(PathTemplateTest, NestedFieldPathAndLiteralAfterVariable) {
  EXPECT_THAT(Parse("/v1/{parent=networks/*}/memberships").Match("/v1/networks/3/memberships"),
              Optional(ElementsAre(Pair("parent", "networks/3"))));
  EXPECT_THAT(Parse("/v1/{organization.name=organizations/*}").Match("/v1/organizations/9"),
              Optional(ElementsAre(Pair("organization.name", "organizations/9"))));
}

TEST(PathTemplateTest, CustomVerbMustBeThere) {
  const PathTemplate suggest = Parse("/v1/{need=needs/*}:suggest");
  EXPECT_THAT(suggest.Match("/v1/needs/5:suggest"), Optional(ElementsAre(Pair("need", "needs/5"))));
  EXPECT_EQ(suggest.Match("/v1/needs/5"), std::nullopt);
  EXPECT_EQ(suggest.Match("/v1/needs/5:other"), std::nullopt);
  // A template without a verb does not take one.
  EXPECT_EQ(Parse("/v1/{name=needs/*}").Match("/v1/needs/5:suggest"), std::nullopt);
  EXPECT_TRUE(Parse("/v1/organizations:lookup").Match("/v1/organizations:lookup").has_value());
}

TEST(PathTemplateTest, SegmentsArePercentDecoded) {
  EXPECT_THAT(Parse("/v1/{name=organizations/*}").Match("/v1/organizations/%E5%8D%83"),
              Optional(ElementsAre(Pair("name", "organizations/千"))));
  EXPECT_EQ(Parse("/v1/{name=organizations/*}").Match("/v1/organizations/%zz"), std::nullopt);
}

TEST(PathTemplateTest, EmptySegmentsAndExtraSegmentsDoNotMatch) {
  const PathTemplate path = Parse("/v1/{name=organizations/*}");
  EXPECT_EQ(path.Match("/v1/organizations/"), std::nullopt);
  EXPECT_EQ(path.Match("/v1//organizations/7"), std::nullopt);
  EXPECT_EQ(path.Match("/v1/organizations/7/x"), std::nullopt);
  EXPECT_EQ(path.Match("v1/organizations/7"), std::nullopt);
}

TEST(PathTemplateTest, DoubleWildcardTakesTheRest) {
  EXPECT_THAT(Parse("/v1/{path=files/**}").Match("/v1/files/a/b/c"),
              Optional(ElementsAre(Pair("path", "files/a/b/c"))));
}

TEST(PathTemplateTest, MalformedTemplatesAreRefused) {
  for (const char* text : {"v1/x", "/v1/{name=a/**/b}", "/v1/{1x=a/*}", "/v1/{name=a/*",
                           "/v1/a:b:c", "/v1/{name=a/{b}}", "/v1/a*b"}) {
    EXPECT_FALSE(PathTemplate::Parse(text).ok()) << text;
  }
}

TEST(PathTemplateTest, OverlapsWhenOnePathMatchesBoth) {
  EXPECT_TRUE(Parse("/v1/{name=organizations/*}").Overlaps(Parse("/v1/organizations/{x}")));
  EXPECT_TRUE(Parse("/v1/a/*").Overlaps(Parse("/v1/*/b")));
  EXPECT_FALSE(Parse("/v1/{name=organizations/*}").Overlaps(Parse("/v1/{name=people/*}")));
  EXPECT_FALSE(Parse("/v1/organizations").Overlaps(Parse("/v1/organizations:search")));
  EXPECT_FALSE(Parse("/v1/{parent=networks/*}/memberships")
                   .Overlaps(Parse("/v1/{name=networks/*/memberships/*}")));
  EXPECT_TRUE(Parse("/v1/**").Overlaps(Parse("/v1/a/b")));
}

TEST(PercentDecodeTest, PlusIsSpaceOnlyInQueries) {
  EXPECT_EQ(PercentDecode("a+b%20c", true), "a b c");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("%4", true), std::nullopt);
  EXPECT_EQ(PercentDecode("%", true), std::nullopt);
}

}  // namespace
}  // namespace renkei::web
