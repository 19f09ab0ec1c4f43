// Terraform's JSON syntax read into the HCL syntax tree: block structure,
// which strings are templates, literals or expressions, spans in the JSON
// text (escaped strings included), and no crash on damaged input.
#include "parsers/hcl/json_syntax.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace kclint::hcl::test {
namespace {

ParseResult json_ok(std::string_view text, ParseMode mode = ParseMode::Config) {
  ParseResult r = parse_json(7, text, mode);
  for (const Diagnostic& d : r.diagnostics)
    ADD_FAILURE() << "unexpected diagnostic at " << pos(d.span) << ": " << d.message << "\n--- input ---\n" << text;
  return r;
}

TEST(JsonSyntax, BlocksFromObjectsAndArrays) {
  ParseResult r = json_ok(R"j({
  "resource": {
    "aws_vpc": {"a": {"cidr_block": "10.0.0.0/16"}},
    "aws_subnet": {"b": [{"vpc_id": "x"}, {"vpc_id": "y"}]}
  },
  "provider": [{"aws": {"region": "eu-west-1"}}],
  "locals": {"n": 1},
  "//": "a comment"
})j");
  const Body& body = r.file.body;
  ASSERT_EQ(body.blocks.size(), 5u);
  EXPECT_TRUE(body.attributes.empty());
  const Block& a = body.blocks[0];
  EXPECT_EQ(a.type, "resource");
  ASSERT_EQ(a.labels.size(), 2u);
  EXPECT_EQ(a.labels[0].value, "aws_vpc");
  EXPECT_EQ(a.labels[1].value, "a");
  EXPECT_EQ(pos(a.type_span), "2:3-2:13");
  EXPECT_EQ(pos(a.labels[1].span), "3:17-3:20");
  EXPECT_EQ(pos(a.span), "3:17-3:51");  // from its last label to its closing brace
  EXPECT_EQ(pos(a.body.attribute("cidr_block")->expr->span), "3:37-3:50");
  // An array of bodies: one block each, spanning its own object.
  EXPECT_EQ(body.blocks[1].labels[1].value, "b");
  EXPECT_EQ(body.blocks[2].labels[1].value, "b");
  EXPECT_EQ(pos(body.blocks[2].span), "4:43-4:58");
  EXPECT_EQ(body.blocks[3].type, "provider");
  EXPECT_EQ(body.blocks[3].labels[0].value, "aws");
  EXPECT_EQ(body.blocks[4].type, "locals");
  EXPECT_TRUE(body.blocks[4].labels.empty());
}

TEST(JsonSyntax, StringsAreTemplatesLiteralsOrExpressions) {
  ParseResult r = json_ok(R"j({
  "variable": {"v": {"default": "${x}", "type": "list(string)"}},
  "resource": {"t": {"n": {
    "a": "pre-${var.x}",
    "b": "${var.y}",
    "c": "$${kept}",
    "depends_on": ["t.m", "${t.o}"],
    "lifecycle": {"ignore_changes": ["tags"]}
  }}}
})j");
  const Block& v = r.file.body.blocks[0];
  const Template* def = v.body.attribute("default")->expr->as<Template>();
  ASSERT_TRUE(def && def->parts.size() == 1);
  EXPECT_EQ(def->parts[0]->as<Literal>()->text, "${x}");  // literal: not interpolated
  const Call* type = v.body.attribute("type")->expr->as<Call>();
  ASSERT_TRUE(type);
  EXPECT_EQ(type->name, "list");

  const Body& res = r.file.body.blocks[1].body;
  const Template* a = res.attribute("a")->expr->as<Template>();
  ASSERT_TRUE(a && a->parts.size() == 2);
  EXPECT_EQ(a->parts[1]->kind(), ExprKind::ScopeTraversal);
  EXPECT_EQ(pos(a->parts[1]->span), "4:17-4:22");
  const Expr* b = res.attribute("b")->expr;
  ASSERT_TRUE(b->as<Template>() && b->as<Template>()->passthrough);
  EXPECT_EQ(pos(b->span), "5:10-5:20");  // the whole string...
  EXPECT_EQ(src(r, b), "var.y");         // ...whose source text is the expression's
  EXPECT_EQ(res.attribute("c")->expr->as<Template>()->parts[0]->as<Literal>()->text, "${kept}");
  const Tuple* deps = res.attribute("depends_on")->expr->as<Tuple>();
  ASSERT_TRUE(deps && deps->elements.size() == 2);
  EXPECT_EQ(deps->elements[0]->kind(), ExprKind::ScopeTraversal);
  EXPECT_EQ(deps->elements[1]->kind(), ExprKind::ScopeTraversal);  // "${…}" is accepted too
  ASSERT_EQ(res.blocks.size(), 1u);
  EXPECT_EQ(res.blocks[0].type, "lifecycle");
  EXPECT_EQ(res.blocks[0].body.attribute("ignore_changes")->expr->as<Tuple>()->elements[0]->kind(),
            ExprKind::ScopeTraversal);
}

TEST(JsonSyntax, EscapedStringsKeepExactSpans) {
  // Line 1: {"locals": {"p": "${jsonencode({a = \"b\\n\", c = \"\u00e9\"})}"}}
  std::string text = "{\"locals\": {\"p\": \"${jsonencode({a = \\\"b\\\\n\\\", c = \\\"\\u00e9\\\"})}\"}}";
  ParseResult r = json_ok(text);
  const Expr* p = r.file.body.blocks[0].body.attribute("p")->expr;
  const Template* t = p->as<Template>();
  ASSERT_TRUE(t && t->passthrough);
  const Call* call = t->parts[0]->as<Call>();
  ASSERT_TRUE(call);
  const Object* obj = call->args[0]->as<Object>();
  ASSERT_TRUE(obj && obj->items.size() == 2);
  // `\"b\\n\"` is columns 37 to 44, `\"\u00e9\"` 51 to 60.
  EXPECT_EQ(pos(obj->items[0].value->span), "1:37-1:45");
  EXPECT_EQ(obj->items[0].value->as<Template>()->parts[0]->as<Literal>()->text, "b\n");
  EXPECT_EQ(pos(obj->items[1].value->span), "1:51-1:61");
  EXPECT_EQ(obj->items[1].value->as<Template>()->parts[0]->as<Literal>()->text, "\xC3\xA9");
}

TEST(JsonSyntax, TfvarsAreAttributes) {
  ParseResult r = json_ok(R"j({"a": 1, "b": ["x"], "c": {"k": "v"}})j", ParseMode::Tfvars);
  EXPECT_EQ(r.file.body.attributes.size(), 3u);
  EXPECT_TRUE(r.file.body.blocks.empty());
  EXPECT_EQ(r.file.body.attribute("c")->expr->kind(), ExprKind::Object);
}

TEST(JsonSyntax, DamagedInputNeverCrashes) {
  const std::string good = R"j({
  "variable": {"v": {"type": "object({a = optional(string, \"x\")})", "default": {"a": "b"}}},
  "resource": {"aws_sg": {"s": {"count": 2, "name": "n-${count.index}", "dynamic": {"ingress": {
    "for_each": "${var.v}", "iterator": "i", "content": {"p": "%{if true}${i.value}%{endif}"}}},
    "policy": "${jsonencode({A = \"\\u00e9\\\"\"})}", "depends_on": ["x.y"]}}}
})j";
  ASSERT_TRUE(parse_json(1, good).ok()) << parse_json(1, good).diagnostics[0].message;
  const std::string noise[] = {"\"", "\\", "{", "}", "[", "]", "$", "${", "%{", "~}", ",", ":", "\\u", "\xC3", "\n"};
  std::size_t failures = 0;
  for (std::size_t i = 0; i < good.size(); ++i)
    for (const std::string& n : noise)
      for (int cut = 0; cut < 2; ++cut) {
        std::string bad = good.substr(0, i) + n + good.substr(i + static_cast<std::size_t>(cut));
        ParseResult r = parse_json(1, bad);
        for (const Diagnostic& d : r.diagnostics) {
          EXPECT_TRUE(d.span.valid()) << bad;
          EXPECT_FALSE(d.message.empty());
        }
        failures += r.ok() ? 0 : 1;
      }
  EXPECT_GT(failures, 0u);
}

}  // namespace
}  // namespace kclint::hcl::test
