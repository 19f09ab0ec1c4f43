// IR basics: line/column mapping, values and their lenient readings.
#include <gtest/gtest.h>

#include "analyzer/ir/source.h"
#include "analyzer/ir/value.h"

namespace kclint {
namespace {

TEST(LineIndex, MapsOffsetsToLinesAndCodePointColumns) {
  std::string text = "ab\n\xc3\xa9x\r\nlast";
  LineIndex idx(text);
  EXPECT_EQ(idx.line_count(), 3u);
  EXPECT_EQ(idx.position(0).line, 1u);
  EXPECT_EQ(idx.position(1).column, 2u);
  auto p = idx.position(5);  // 'x' after a two-byte é
  EXPECT_EQ(p.line, 2u);
  EXPECT_EQ(p.column, 2u);
  EXPECT_EQ(idx.line_text(2), "\xc3\xa9x");
  Span s = idx.span(7, 8, 12);
  EXPECT_EQ(s.file, 7u);
  EXPECT_EQ(s.line, 3u);
  EXPECT_EQ(s.column, 1u);
  EXPECT_EQ(s.end_column, 5u);
}

TEST(Bytes, BinaryAndUtf8) {
  EXPECT_TRUE(looks_binary(std::string("a\0b", 3)));
  EXPECT_FALSE(looks_binary("plain"));
  EXPECT_EQ(valid_utf8_prefix("ok \xe2\x82\xac"), 6u);
  EXPECT_EQ(valid_utf8_prefix("bad \xe9 byte"), 4u);
  EXPECT_EQ(valid_utf8_prefix("\xc0\x80"), 0u);  // overlong
}

TEST(Value, LenientReadings) {
  EXPECT_EQ(Value::string("5432").as_number(), 5432.0);
  EXPECT_EQ(Value::string("TRUE").as_bool(), true);
  EXPECT_EQ(Value::number(3).as_text(), "3");
  EXPECT_FALSE(Value::string("54x").as_number().has_value());
  EXPECT_FALSE(Value::unknown("var.port").as_number().has_value());
}

TEST(Value, MapsKeepOrderAndReplace) {
  Value m = Value::map({});
  m.set("b", Value::number(1));
  m.set("a", Value::string("x"));
  m.set("b", Value::number(2));
  ASSERT_EQ(m.map_value()->size(), 2u);
  EXPECT_EQ(m.map_value()->front().key, "b");
  EXPECT_EQ(m.get("b")->as_number(), 2.0);
  Value nested = Value::map({});
  nested.set("inner", m);
  EXPECT_EQ(*nested.path({"inner", "a"})->string_value(), "x");
  EXPECT_EQ(nested.path({"inner", "zz"}), nullptr);
}

TEST(Value, ConcretenessLooksInside) {
  Value list = Value::list({Value::string("a"), Value::reference("aws_security_group.db", "id")});
  EXPECT_FALSE(list.is_concrete());
  EXPECT_TRUE(Value::list({Value::string("a")}).is_concrete());
  EXPECT_EQ(list.describe(), "[a, aws_security_group.db.id]");
}

}  // namespace
}  // namespace kclint
