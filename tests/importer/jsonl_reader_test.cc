#include "importer/jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importer/encoding.h"
#include "tests/importer/resolve_data.h"
#include "tests/test_util.h"

namespace renkei::importer {
namespace {

using ::renkei::importer::testing::ReadDataFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<JsonlRecord> ReadAll(absl::string_view text) {
  JsonlReader reader(text);
  std::vector<JsonlRecord> records;
  JsonlRecord record;
  while (reader.Next(&record)) records.push_back(record);
  return records;
}

// "line: message" of the one record of `text`, or "ok".
std::string ProblemOf(absl::string_view line) {
  std::vector<JsonlRecord> records = ReadAll(line);
  if (records.size() != 1) return "not one record";
  return records[0].problem.has_value() ? records[0].problem->ToString(/*cells=*/false) : "ok";
}

const JsonValue* Find(const JsonlRecord& record, absl::string_view key) {
  for (const auto& [name, value] : record.members) {
    if (name == key) return &value;
  }
  return nullptr;
}

TEST(JsonlReaderTest, TheNetworkList) {
  auto decoded = Decode(ReadDataFile("kitakamigawa_monozukuri.jsonl"));
  ASSERT_OK(decoded);
  std::vector<JsonlRecord> records = ReadAll(decoded->utf8);
  ASSERT_EQ(records.size(), 48);
  int null_tels = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const JsonlRecord& record = records[i];
    EXPECT_EQ(record.line, static_cast<int>(i) + 1);
    ASSERT_FALSE(record.problem.has_value()) << record.problem->ToString();
    std::vector<std::string> keys;
    for (const auto& [key, value] : record.members) keys.push_back(key);
    EXPECT_THAT(keys, ElementsAre("name", "address", "tel", "representative"));
    if (Find(record, "tel")->kind == JsonValue::Kind::kNull) ++null_tels;
  }
  EXPECT_GT(null_tels, 0);  // the README: tel may be null
  EXPECT_EQ(Find(records[0], "name")->text, "株式会社北上ダイカスト");
  EXPECT_EQ(Find(records[0], "address")->text, "〒024-0002 岩手県北上市北工業団地5-10");
  // Columns count characters: {"name": "株式会社北上ダイカスト", "address":
  EXPECT_EQ(Find(records[0], "name")->column, 10);
  EXPECT_EQ(Find(records[0], "address")->column, 36);
}

TEST(JsonlReaderTest, ValuesKeepTheirKinds) {
  std::vector<JsonlRecord> records =
      ReadAll(R"({"n": 7402001000452, "f": 1.5e3, "b": true, "z": null, "s": "x",)"
              R"( "a": ["IoT", "AI", 3], "o": {"k": [1, {"x": 2}]}, "e": []})");
  ASSERT_EQ(records.size(), 1);
  ASSERT_FALSE(records[0].problem.has_value()) << records[0].problem->ToString();
  EXPECT_EQ(Find(records[0], "n")->kind, JsonValue::Kind::kNumber);
  EXPECT_EQ(Find(records[0], "n")->text, "7402001000452");
  EXPECT_EQ(Find(records[0], "f")->text, "1.5e3");
  EXPECT_EQ(Find(records[0], "b")->text, "true");
  EXPECT_EQ(Find(records[0], "z")->kind, JsonValue::Kind::kNull);
  EXPECT_THAT(Find(records[0], "a")->items, ElementsAre("IoT", "AI", "3"));
  EXPECT_EQ(Find(records[0], "a")->text, "IoT\nAI\n3");
  EXPECT_EQ(Find(records[0], "o")->kind, JsonValue::Kind::kObject);
  EXPECT_EQ(Find(records[0], "o")->text, R"({"k": [1, {"x": 2}]})");
  EXPECT_TRUE(Find(records[0], "e")->items.empty());
}

// Only the line's own keys must be unique: a nested object is kept as its
// text, so a key repeated inside it makes no field ambiguous.
TEST(JsonlReaderTest, NestedObjectMayRepeatAKey) {
  std::vector<JsonlRecord> records = ReadAll(R"({"o": {"k": 1, "k": 2}})");
  ASSERT_EQ(records.size(), 1);
  ASSERT_FALSE(records[0].problem.has_value()) << records[0].problem->ToString();
  EXPECT_EQ(Find(records[0], "o")->text, R"({"k": 1, "k": 2})");
}

TEST(JsonlReaderTest, EscapesAndSurrogatePairs) {
  std::vector<JsonlRecord> records = ReadAll(R"({"s": "a\"b\\c\/d\n\t\u4E00\u95A2 \uD842\uDFB7"})");
  ASSERT_EQ(records.size(), 1);
  ASSERT_FALSE(records[0].problem.has_value()) << records[0].problem->ToString();
  EXPECT_EQ(Find(records[0], "s")->text, "a\"b\\c/d\n\t一関 𠮷");
}

TEST(JsonlReaderTest, BlankLinesAreSkippedAndLinesKeepTheirNumbers) {
  std::vector<JsonlRecord> records = ReadAll("{\"a\": 1}\r\n\r\n   \n{\"a\": 2}\r\n");
  ASSERT_EQ(records.size(), 2);
  EXPECT_EQ(records[0].line, 1);
  EXPECT_EQ(records[1].line, 4);
  EXPECT_EQ(records[1].raw, "{\"a\": 2}");
}

TEST(JsonlReaderTest, BadLinesAreProblemsAndReadingGoesOn) {
  std::vector<JsonlRecord> records = ReadAll(
      "{\"name\": \"一関精工\"}\n"
      "{\"name\": \"一関精機\" \"tel\": 1}\n"
      "{\"name\": \"磐井\"}\n");
  ASSERT_EQ(records.size(), 3);
  EXPECT_FALSE(records[0].problem.has_value());
  ASSERT_TRUE(records[1].problem.has_value());
  EXPECT_EQ(records[1].problem->ToString(/*cells=*/false), "line 2, character 17: expected ',' or '}'");
  EXPECT_TRUE(records[1].members.empty());
  EXPECT_FALSE(records[2].problem.has_value());
  EXPECT_EQ(Find(records[2], "name")->text, "磐井");
}

TEST(JsonlReaderTest, SyntaxErrorsNameTheirCharacter) {
  EXPECT_EQ(ProblemOf("[1, 2]"), "line 1, character 1: expected a JSON object starting with '{'");
  EXPECT_EQ(ProblemOf("{\"a\": 1} {\"b\": 2}"),
            "line 1, character 10: text after the end of the object (one object "
            "per line)");
  EXPECT_EQ(ProblemOf("{\"a\": 1, \"a\": 2}"), "line 1, character 10: key \"a\" appears twice");
  EXPECT_EQ(ProblemOf("{\"a\": \"open}"),
            "line 1, character 7: string is not closed before the end of the line");
  EXPECT_EQ(ProblemOf("{\"a\": tru}"),
            "line 1, character 7: expected a value (string, number, true, false, "
            "null, array or object)");
  EXPECT_EQ(ProblemOf("{\"a\": 01}"), "line 1, character 8: expected ',' or '}'");
  EXPECT_EQ(ProblemOf("{'a': 1}"), "line 1, character 2: expected a key in double quotes");
  EXPECT_EQ(ProblemOf("{\"a\": \"\\x\"}"), "line 1, character 8: unknown escape in a string");
  EXPECT_EQ(ProblemOf("{\"a\": \"\\uD842\"}"),
            "line 1, character 8: a \\u surrogate pair is incomplete");
  EXPECT_EQ(ProblemOf("{\"a\": 1,"), "line 1, character 9: expected a key in double quotes");
  EXPECT_EQ(ProblemOf("{\"a\" 1}"), "line 1, character 6: expected ':' after the key");
  EXPECT_EQ(ProblemOf("{\"名前\": x}"),  // characters, not bytes
            "line 1, character 8: expected a value (string, number, true, false, "
            "null, array or object)");
  EXPECT_THAT(ProblemOf("{\"a\": \"tab\there\"}"), HasSubstr("control character"));
  // Nesting stops at depth 64: the 65th '[' (column 6 + 65).
  EXPECT_EQ(ProblemOf(std::string(100, '[').insert(0, "{\"a\": ")),
            "line 1, character 71: values nested too deeply");
}

}  // namespace
}  // namespace renkei::importer
