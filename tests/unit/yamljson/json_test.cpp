// Unit tests for the JSON loader: values, exact spans, errors, limits.
#include "parsers/json/json.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/unit/yamljson/span_text.h"

namespace kclint {
namespace {

using testing::at_key;
using testing::item;
using testing::text_at;
using testing::where;

constexpr FileId kFile = 7;

TEST(JsonLoad, ScalarTypes) {
  std::string text = R"({"s": "x\"y\u00e9", "i": -42, "u": 18446744073709551615, "f": 2.5e3,
 "t": true, "n": null, "id": 123456789012})";
  json::LoadResult r = json::load(kFile, text);
  ASSERT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
  const Value& v = r.value;
  EXPECT_EQ(*at_key(v, "s").string_value(), "x\"y\u00e9");
  EXPECT_EQ(at_key(v, "i").as_number(), -42);
  EXPECT_EQ(at_key(v, "u").as_number(), 18446744073709551615.0);
  EXPECT_EQ(at_key(v, "f").as_number(), 2500);
  EXPECT_EQ(at_key(v, "t").as_bool(), true);
  EXPECT_TRUE(at_key(v, "n").is_null());
  EXPECT_EQ(at_key(v, "id").as_text(), "123456789012");
  EXPECT_EQ(v.span().file, kFile);
}

TEST(JsonLoad, SpansOfKeysValuesAndBrackets) {
  std::string text =
      "{\n"
      "  \"Version\": \"2012-10-17\",\n"
      "  \"Statement\": [\n"
      "    {\"Effect\": \"Allow\", \"Action\": [\"s3:*\"], \"Port\": 5432, \"On\": false}\n"
      "  ]\n"
      "}\n";
  json::LoadResult r = json::load(kFile, text);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& v = r.value;
  EXPECT_EQ(where(v.span()), "1:1-6:2");
  const Value::Member* version = v.member("Version");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(where(version->key_span), "2:3-2:12");
  EXPECT_EQ(where(version->value.span()), "2:14-2:26");
  const Value& statements = at_key(v, "Statement");
  EXPECT_EQ(text_at(text, statements.span()), text.substr(text.find('['), text.rfind(']') - text.find('[') + 1));
  const Value& stmt = item(statements, 0);
  EXPECT_EQ(text_at(text, stmt.span()).front(), '{');
  EXPECT_EQ(text_at(text, stmt.span()).back(), '}');
  EXPECT_EQ(text_at(text, stmt.member("Effect")->key_span), "\"Effect\"");
  EXPECT_EQ(text_at(text, at_key(stmt, "Effect").span()), "\"Allow\"");
  EXPECT_EQ(text_at(text, at_key(stmt, "Action").span()), "[\"s3:*\"]");
  EXPECT_EQ(text_at(text, item(at_key(stmt, "Action"), 0).span()), "\"s3:*\"");
  EXPECT_EQ(text_at(text, at_key(stmt, "Port").span()), "5432");
  EXPECT_EQ(text_at(text, at_key(stmt, "On").span()), "false");
}

TEST(JsonLoad, ColumnsCountCodePointsAndEscapedQuotes) {
  std::string text = "{\"é\\\"\": \"日本\", \"b\": 1}";
  json::LoadResult r = json::load(kFile, text);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value::Member& first = (*r.value.map_value())[0];
  EXPECT_EQ(first.key, "é\"");
  EXPECT_EQ(where(first.key_span), "1:2-1:7");
  EXPECT_EQ(where(first.value.span()), "1:9-1:13");
  EXPECT_EQ(where(r.value.member("b")->key_span), "1:15-1:18");
}

TEST(JsonLoad, EmptyContainersAndScalarDocument) {
  json::LoadResult r = json::load(kFile, " [ {}, [ ] ] ");
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(where(r.value.span()), "1:2-1:13");
  EXPECT_EQ(where(item(r.value, 0).span()), "1:4-1:6");
  EXPECT_EQ(where(item(r.value, 1).span()), "1:8-1:11");
  r = json::load(kFile, "\"just a string\"");
  EXPECT_EQ(*r.value.string_value(), "just a string");
  EXPECT_EQ(where(r.value.span()), "1:1-1:16");
}

TEST(JsonLoad, EmptyTextIsNullWithoutDiagnostic) {
  for (std::string text : {"", "  \n\t\r\n", "\xEF\xBB\xBF"}) {
    json::LoadResult r = json::load(kFile, text);
    EXPECT_TRUE(r.value.is_null());
    EXPECT_TRUE(r.diagnostics.empty());
  }
}

TEST(JsonLoad, DuplicateKeyWarnsAtSecondKeyAndLaterValueWins) {
  std::string text = "{\n  \"x\": 1,\n  \"y\": 2,\n    \"x\": 3\n}";
  json::LoadResult r = json::load(kFile, text);
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].message, "duplicate key \"x\" (first at 2:3)");
  EXPECT_EQ(where(r.warnings[0].span), "4:5-4:8");
  EXPECT_EQ(r.value.map_value()->size(), 2u);
  EXPECT_EQ(at_key(r.value, "x").as_number(), 3);
}

TEST(JsonLoad, DuplicateKeysInLargeObject) {
  std::string text = "{";
  for (int i = 0; i < 100; ++i) text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  text += "\"k42\": 0}";
  json::LoadResult r = json::load(kFile, text);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.value.map_value()->size(), 100u);
  EXPECT_EQ(at_key(r.value, "k42").as_number(), 0);
}

struct JsonError {
  const char* text;
  const char* message;
  const char* span;
};

class JsonErrors : public ::testing::TestWithParam<JsonError> {};

TEST_P(JsonErrors, ReportedWithPosition) {
  const JsonError& e = GetParam();
  json::LoadResult r = json::load(kFile, e.text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << e.text;
  EXPECT_EQ(r.diagnostics[0].message, e.message);
  EXPECT_EQ(where(r.diagnostics[0].span), e.span);
  EXPECT_EQ(r.diagnostics[0].span.file, kFile);
  EXPECT_TRUE(r.value.is_null());
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, JsonErrors,
    ::testing::Values(JsonError{"{\n  \"a\": }", "invalid JSON: unexpected '}' (expected a value)", "2:8-2:9"},
                      JsonError{"{\"a\": 1,\n}", "invalid JSON: trailing comma before '}'", "2:1-2:2"},
                      JsonError{"[1, 2, ]", "invalid JSON: trailing comma before ']'", "1:8-1:9"},
                      JsonError{"{\"a\" 1}", "invalid JSON: unexpected number (expected ':')", "1:6-1:7"},
                      JsonError{"[1 2]", "invalid JSON: unexpected number (expected ']')", "1:4-1:5"},
                      JsonError{"{\"a\": [1,\n  {\"b\": 2}", "invalid JSON: unexpected end of input (expected ']')",
                                "2:11-2:11"},
                      JsonError{"[tru]", "invalid JSON: invalid literal", "1:2-1:5"},
                      JsonError{"{\"a\": -}", "invalid JSON: invalid number; expected digit after '-'", "1:7-1:8"},
                      JsonError{"\"abc", "invalid JSON: invalid string: missing closing quote", "1:5-1:5"},
                      JsonError{"{\"a\":1}x", "invalid JSON: unexpected text after the document", "1:8-1:9"},
                      JsonError{"{'a': 1}", "invalid JSON: invalid literal (expected a quoted key)", "1:2-1:3"},
                      JsonError{"// comment\n{}", "invalid JSON: invalid literal", "1:1-1:2"},
                      JsonError{"[1e400]", "invalid JSON: number overflow parsing '1e400'", "1:6-1:7"}));

TEST(JsonLoad, InvalidUtf8IsADiagnostic) {
  json::LoadResult r = json::load(kFile, "{\"a\": \"caf\xC3\"}");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "invalid JSON: bytes are not valid UTF-8 (0xC3)");
  EXPECT_EQ(where(r.diagnostics[0].span).substr(0, 4), "1:11");
  EXPECT_TRUE(r.value.is_null());
}

TEST(JsonLoad, ByteOrderMarkIsSkippedAndNotCounted) {
  std::string text = "\xEF\xBB\xBF{\"a\": 1}";
  json::LoadResult r = json::load(kFile, text);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(where(r.value.member("a")->key_span), "1:2-1:5");
}

TEST(JsonLoad, CrLfLineEnds) {
  std::string text = "{\r\n  \"a\": \"x\",\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n";
  json::LoadResult r = json::load(kFile, text);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(where(r.value.member("b")->key_span), "3:3-3:6");
  EXPECT_EQ(where(at_key(r.value, "b").span()), "3:8-5:4");
  EXPECT_EQ(where(item(at_key(r.value, "b"), 0).span()), "4:5-4:9");
  EXPECT_EQ(where(r.value.span()), "1:1-6:2");
}

TEST(JsonLoad, DeepNestingIsRefused) {
  std::string text = std::string(100'000, '[') + std::string(100'000, ']');
  json::LoadResult r = json::load(kFile, text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "JSON nesting depth exceeds 256");
  EXPECT_EQ(where(r.diagnostics[0].span), "1:257-1:258");
  EXPECT_TRUE(r.value.is_null());
}

TEST(JsonLoad, NestingUpToTheLimitLoads) {
  std::string text = std::string(256, '[') + std::string(256, ']');
  json::LoadResult r = json::load(kFile, text);
  EXPECT_TRUE(r.diagnostics.empty());
  Limits tight;
  tight.max_depth = 3;
  r = json::load(kFile, "{\"a\": {\"b\": {\"c\": {}}}}", tight);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "JSON nesting depth exceeds 3");
}

TEST(JsonLoad, MinifiedLongLineKeepsExactColumns) {
  std::string text = "[";
  for (int i = 0; i < 20'000; ++i) text += "\"v\",";
  text += "\"last\"]";
  json::LoadResult r = json::load(kFile, text);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& last = item(r.value, 20'000);
  EXPECT_EQ(last.span().line, 1u);
  EXPECT_EQ(text_at(text, last.span()), "\"last\"");
}

}  // namespace
}  // namespace kclint
