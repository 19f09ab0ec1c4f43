// IR basics: line/column mapping, values and their lenient readings.
#include <gtest/gtest.h>

#include "analyzer/ir/project.h"
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

// Resources around a line: innermost first, equally long ones in the order
// they were added; thousands of instances at one span stay cheap to search.
TEST(Project, EnclosingAndInnermost) {
  Project p;
  SourceFile& f = p.add_file("main.tf", Format::Terraform, std::string(100, '\n'));
  SourceFile& other = p.add_file("other.tf", Format::Terraform, "\n");
  auto add = [&](std::string address, FileId file, std::uint32_t line, std::uint32_t end_line) {
    Resource r;
    r.address = std::move(address);
    r.file = file;
    r.span = Span{file, line, 1, end_line, 2};
    p.add(std::move(r));
  };
  add("outer", f.id, 1, 50);
  add("inner", f.id, 10, 20);
  for (int i = 0; i < 5000; ++i) add("count[" + std::to_string(i) + "]", f.id, 30, 32);
  add("elsewhere", other.id, 1, 100);
  add("after", f.id, 60, 70);
  p.finalize();

  auto addresses = [&](std::uint32_t line) {
    std::vector<std::string> out;
    for (const Resource* r : p.enclosing(f.id, line)) out.push_back(r->address);
    return out;
  };
  EXPECT_EQ(addresses(15), (std::vector<std::string>{"inner", "outer"}));
  EXPECT_EQ(addresses(25), std::vector<std::string>{"outer"});
  EXPECT_EQ(addresses(55), std::vector<std::string>{});
  EXPECT_EQ(addresses(70), std::vector<std::string>{"after"});
  EXPECT_EQ(addresses(31).size(), 5001u);
  EXPECT_EQ(addresses(31).front(), "count[0]");
  EXPECT_EQ(p.innermost(f.id, 31)->address, "count[0]");
  EXPECT_EQ(p.innermost(f.id, 15)->address, "inner");
  EXPECT_EQ(p.innermost(f.id, 55), nullptr);
  EXPECT_EQ(p.innermost(other.id, 1)->address, "elsewhere");
  for (std::uint32_t line = 1; line <= 100; ++line) {
    std::vector<std::string> all = addresses(line);
    const Resource* inner = p.innermost(f.id, line);
    EXPECT_EQ(inner ? inner->address : "", all.empty() ? "" : all.front()) << line;
  }
  EXPECT_EQ(p.id_of(*p.innermost(f.id, 15)), 1u);
}

}  // namespace
}  // namespace kclint
