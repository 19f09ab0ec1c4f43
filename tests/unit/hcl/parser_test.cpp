// Syntax tree shape and positions for each HCL construct the parser supports.
#include "parsers/hcl/parser.h"

#include <gtest/gtest.h>

#include "tests/unit/hcl/test_util.h"

namespace kclint::hcl {
namespace {

using test::attr;
using test::parse_ok;
using test::pos;
using test::src;

TEST(HclParser, EmptyFile) {
  ParseResult r = parse_ok("");
  EXPECT_TRUE(r.file.body.attributes.empty());
  EXPECT_TRUE(r.file.body.blocks.empty());
  EXPECT_TRUE(parse_ok("\n\n# only a comment\n").file.body.attributes.empty());
}

TEST(HclParser, AttributesAndBlocksInSourceOrder) {
  ParseResult r = parse_ok(
      "a = 1\n"
      "resource \"aws_s3_bucket\" \"b\" {\n"
      "  bucket = \"x\"\n"
      "  lifecycle {\n"
      "    prevent_destroy = true\n"
      "  }\n"
      "}\n"
      "b = 2\n"
      "locals {}\n"
      "provider aws { region = \"us-east-1\" }\n");
  const Body& body = r.file.body;
  ASSERT_EQ(body.attributes.size(), 2u);
  EXPECT_EQ(body.attributes[0].name, "a");
  EXPECT_EQ(body.attributes[1].name, "b");
  EXPECT_EQ(pos(body.attributes[1].name_span), "8:1-8:2");
  EXPECT_EQ(pos(body.attributes[1].span), "8:1-8:6");

  ASSERT_EQ(body.blocks.size(), 3u);
  const Block& res = body.blocks[0];
  EXPECT_EQ(res.type, "resource");
  ASSERT_EQ(res.labels.size(), 2u);
  EXPECT_EQ(res.labels[0].value, "aws_s3_bucket");
  EXPECT_TRUE(res.labels[0].quoted);
  EXPECT_EQ(pos(res.labels[0].span), "2:10-2:25");
  EXPECT_EQ(pos(res.labels[1].span), "2:26-2:29");
  EXPECT_EQ(pos(res.span), "2:1-7:2");
  EXPECT_EQ(pos(res.open_brace), "2:30-2:31");
  EXPECT_EQ(pos(res.close_brace), "7:1-7:2");
  ASSERT_EQ(res.body.attributes.size(), 1u);
  EXPECT_EQ(res.body.attributes[0].name, "bucket");
  ASSERT_EQ(res.body.blocks.size(), 1u);
  EXPECT_EQ(res.body.blocks[0].type, "lifecycle");
  EXPECT_EQ(pos(res.body.blocks[0].body.attributes[0].span), "5:5-5:27");

  EXPECT_EQ(body.blocks[1].type, "locals");
  EXPECT_TRUE(body.blocks[1].body.attributes.empty());
  const Block& provider = body.blocks[2];
  EXPECT_FALSE(provider.labels[0].quoted);
  EXPECT_EQ(provider.labels[0].value, "aws");
  ASSERT_EQ(provider.body.attributes.size(), 1u);
  EXPECT_EQ(provider.body.attributes[0].name, "region");
}

TEST(HclParser, Literals) {
  ParseResult r = parse_ok("n = 1.5e3\ni = 42\nt = true\nf = false\nz = null\n");
  const Literal* n = attr(r, "n")->as<Literal>();
  ASSERT_TRUE(n);
  EXPECT_EQ(n->kind, LiteralKind::Number);
  EXPECT_EQ(n->text, "1.5e3");
  EXPECT_DOUBLE_EQ(n->number, 1500);
  EXPECT_EQ(pos(attr(r, "n")->span), "1:5-1:10");
  EXPECT_EQ(attr(r, "i")->as<Literal>()->number, 42);
  EXPECT_EQ(attr(r, "t")->as<Literal>()->kind, LiteralKind::Bool);
  EXPECT_TRUE(attr(r, "t")->as<Literal>()->boolean);
  EXPECT_FALSE(attr(r, "f")->as<Literal>()->boolean);
  EXPECT_EQ(attr(r, "z")->as<Literal>()->kind, LiteralKind::Null);
}

TEST(HclParser, QuotedStringIsTemplateWithDecodedLiteral) {
  ParseResult r = parse_ok(R"(s = "a\tb\"c\\ \u00e9 \U0001F600 $${x} %%{y}")"
                           "\n");
  const Template* t = attr(r, "s")->as<Template>();
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->passthrough);
  ASSERT_EQ(t->parts.size(), 1u);
  EXPECT_EQ(t->parts[0]->as<Literal>()->text, "a\tb\"c\\ \xC3\xA9 \xF0\x9F\x98\x80 ${x} %{y}");
}

TEST(HclParser, TemplateInterpolationParts) {
  ParseResult r = parse_ok("s = \"arn:${local.partition}:x:${ var.region }\"\np = \"${var.x}\"\n");
  const Template* t = attr(r, "s")->as<Template>();
  ASSERT_TRUE(t);
  ASSERT_EQ(t->parts.size(), 4u);
  EXPECT_EQ(t->parts[0]->as<Literal>()->text, "arn:");
  EXPECT_EQ(t->parts[1]->kind(), ExprKind::ScopeTraversal);
  EXPECT_EQ(pos(t->parts[1]->span), "1:12-1:27");
  EXPECT_EQ(t->parts[2]->as<Literal>()->text, ":x:");
  EXPECT_EQ(src(r, t->parts[3]), "var.region");

  const Template* p = attr(r, "p")->as<Template>();
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->passthrough);
  ASSERT_EQ(p->parts.size(), 1u);
  EXPECT_EQ(src(r, p->parts[0]), "var.x");
}

TEST(HclParser, TemplateDirectivesAndStripMarkers) {
  ParseResult r = parse_ok(
      "s = \"%{ if var.on ~}  yes  %{~ else ~}  no  %{~ endif }\"\n"
      "f = \"%{for k, v in var.m}${k}=${v},%{endfor}\"\n");
  const Template* s = attr(r, "s")->as<Template>();
  ASSERT_TRUE(s);
  ASSERT_EQ(s->parts.size(), 1u);
  const TemplateIf* tif = s->parts[0]->as<TemplateIf>();
  ASSERT_TRUE(tif);
  EXPECT_EQ(src(r, tif->condition), "var.on");
  const Template* yes = tif->then_part->as<Template>();
  ASSERT_TRUE(yes && yes->parts.size() == 1);
  EXPECT_EQ(yes->parts[0]->as<Literal>()->text, "yes");
  ASSERT_TRUE(tif->else_part);
  EXPECT_EQ(tif->else_part->as<Template>()->parts[0]->as<Literal>()->text, "no");
  EXPECT_EQ(pos(s->parts[0]->span), "1:6-1:56");

  const TemplateFor* tfor = attr(r, "f")->as<Template>()->parts[0]->as<TemplateFor>();
  ASSERT_TRUE(tfor);
  EXPECT_EQ(tfor->key_var, "k");
  EXPECT_EQ(tfor->value_var, "v");
  EXPECT_EQ(pos(tfor->value_var_span), "2:15-2:16");
  EXPECT_EQ(src(r, tfor->collection), "var.m");
  const Template* body = tfor->body->as<Template>();
  ASSERT_TRUE(body);
  ASSERT_EQ(body->parts.size(), 4u);
  EXPECT_EQ(body->parts[1]->as<Literal>()->text, "=");
  EXPECT_EQ(body->parts[3]->as<Literal>()->text, ",");
}

TEST(HclParser, Heredocs) {
  ParseResult r = parse_ok(
      "a = <<EOT\n"
      "  hello ${var.name}\n"
      "    world\n"
      "  EOT\n"
      "b = <<-EOF\n"
      "    {\n"
      "\n"
      "      \"k\": 1\n"
      "    }\n"
      "    EOF\n"
      "c = 1\n");
  const Expr* a = attr(r, "a");
  const Template* ta = a->as<Template>();
  ASSERT_TRUE(ta);
  EXPECT_TRUE(ta->heredoc);
  EXPECT_FALSE(ta->flush);
  EXPECT_EQ(ta->marker, "EOT");
  ASSERT_EQ(ta->parts.size(), 3u);
  EXPECT_EQ(ta->parts[0]->as<Literal>()->text, "  hello ");
  EXPECT_EQ(ta->parts[2]->as<Literal>()->text, "\n    world\n");
  EXPECT_EQ(pos(a->span), "1:5-4:6");

  const Template* tb = attr(r, "b")->as<Template>();
  ASSERT_TRUE(tb);
  EXPECT_TRUE(tb->flush);
  ASSERT_EQ(tb->parts.size(), 1u);
  EXPECT_EQ(tb->parts[0]->as<Literal>()->text, "{\n\n  \"k\": 1\n}\n");
  EXPECT_EQ(pos(tb->parts[0]->span), "6:5-10:1");
  EXPECT_EQ(attr(r, "c")->as<Literal>()->number, 1);
}

TEST(HclParser, ScopeTraversalSteps) {
  ParseResult r = parse_ok("x = var.list.0.id[\"k\"][2]\n");
  const Expr* e = attr(r, "x");
  const ScopeTraversal* t = e->as<ScopeTraversal>();
  ASSERT_TRUE(t);
  EXPECT_EQ(t->root, "var");
  EXPECT_EQ(pos(t->root_span), "1:5-1:8");
  ASSERT_EQ(t->steps.size(), 5u);
  EXPECT_EQ(t->steps[0].kind, StepKind::Attr);
  EXPECT_EQ(t->steps[0].name, "list");
  EXPECT_EQ(t->steps[1].kind, StepKind::LegacyIndex);
  EXPECT_EQ(t->steps[1].key->as<Literal>()->number, 0);
  EXPECT_EQ(t->steps[2].name, "id");
  EXPECT_EQ(t->steps[3].kind, StepKind::Index);
  EXPECT_EQ(t->steps[3].key->kind(), ExprKind::Template);
  EXPECT_EQ(pos(t->steps[4].span), "1:23-1:26");
  EXPECT_EQ(pos(e->span), "1:5-1:26");
}

TEST(HclParser, DynamicIndexAndGetAttr) {
  ParseResult r = parse_ok("x = var.map[var.key].name\ny = f(1)[0]\n");
  const Expr* x = attr(r, "x");
  const GetAttr* ga = x->as<GetAttr>();
  ASSERT_TRUE(ga);
  EXPECT_EQ(ga->name, "name");
  const Index* idx = ga->object->as<Index>();
  ASSERT_TRUE(idx);
  EXPECT_EQ(src(r, idx->collection), "var.map");
  EXPECT_EQ(src(r, idx->key), "var.key");
  EXPECT_EQ(pos(idx->bracket_span), "1:12-1:21");
  EXPECT_EQ(src(r, x), "var.map[var.key].name");

  const Index* y = attr(r, "y")->as<Index>();
  ASSERT_TRUE(y);
  EXPECT_EQ(y->collection->kind(), ExprKind::Call);
  EXPECT_EQ(y->key->as<Literal>()->number, 0);
}

TEST(HclParser, FunctionCalls) {
  ParseResult r = parse_ok(
      "a = merge(\n  local.tags, # trailing\n  { Name = \"x\" },\n)\n"
      "b = concat(var.lists...)\n"
      "c = provider::aws::arn_parse(var.arn)\n"
      "d = timestamp()\n");
  const Expr* a = attr(r, "a");
  const Call* merge = a->as<Call>();
  ASSERT_TRUE(merge);
  EXPECT_EQ(merge->name, "merge");
  ASSERT_EQ(merge->args.size(), 2u);
  EXPECT_EQ(merge->args[1]->kind(), ExprKind::Object);
  EXPECT_FALSE(merge->expand_final);
  EXPECT_EQ(pos(a->span), "1:5-4:2");
  EXPECT_EQ(pos(merge->close_paren), "4:1-4:2");

  const Call* concat = attr(r, "b")->as<Call>();
  ASSERT_TRUE(concat);
  EXPECT_TRUE(concat->expand_final);
  ASSERT_EQ(concat->args.size(), 1u);
  EXPECT_EQ(attr(r, "c")->as<Call>()->name, "provider::aws::arn_parse");
  EXPECT_TRUE(attr(r, "d")->as<Call>()->args.empty());
}

TEST(HclParser, OperatorPrecedence) {
  ParseResult r = parse_ok("x = a || b && c == d < e + f * g\ny = 1 - 2 - 3\nz = -a.b + !c\n");
  const Binary* orr = attr(r, "x")->as<Binary>();
  ASSERT_TRUE(orr);
  EXPECT_EQ(orr->op, BinaryOp::Or);
  EXPECT_EQ(pos(orr->op_span), "1:7-1:9");
  const Binary* andd = orr->rhs->as<Binary>();
  ASSERT_TRUE(andd);
  EXPECT_EQ(andd->op, BinaryOp::And);
  const Binary* eq = andd->rhs->as<Binary>();
  ASSERT_TRUE(eq);
  EXPECT_EQ(eq->op, BinaryOp::Equal);
  const Binary* lt = eq->rhs->as<Binary>();
  ASSERT_TRUE(lt);
  EXPECT_EQ(lt->op, BinaryOp::Less);
  const Binary* add = lt->rhs->as<Binary>();
  ASSERT_TRUE(add);
  EXPECT_EQ(add->op, BinaryOp::Add);
  const Binary* mul = add->rhs->as<Binary>();
  ASSERT_TRUE(mul);
  EXPECT_EQ(mul->op, BinaryOp::Multiply);

  const Binary* sub = attr(r, "y")->as<Binary>();  // left-associative: (1 - 2) - 3
  ASSERT_TRUE(sub);
  EXPECT_EQ(src(r, sub->lhs), "1 - 2");
  EXPECT_EQ(src(r, sub->rhs), "3");

  const Binary* z = attr(r, "z")->as<Binary>();
  ASSERT_TRUE(z);
  const Unary* neg = z->lhs->as<Unary>();
  ASSERT_TRUE(neg);
  EXPECT_EQ(neg->op, UnaryOp::Negate);
  EXPECT_EQ(src(r, neg->operand), "a.b");
  EXPECT_EQ(z->rhs->as<Unary>()->op, UnaryOp::Not);
}

TEST(HclParser, DashInIdentifierIsNotMinus) {
  ParseResult r = parse_ok("x = { ex-1 = a-b }\n");
  const Object* o = attr(r, "x")->as<Object>();
  ASSERT_TRUE(o);
  EXPECT_EQ(bare_key_name(o->items[0]), "ex-1");
  EXPECT_EQ(o->items[0].value->as<ScopeTraversal>()->root, "a-b");
}

TEST(HclParser, Conditional) {
  ParseResult r = parse_ok("count = var.create ? 1 : 0\nn = (\n  a ? b :\n  c ? d : e\n)\n");
  const Expr* e = attr(r, "count");
  const Conditional* c = e->as<Conditional>();
  ASSERT_TRUE(c);
  EXPECT_EQ(src(r, c->condition), "var.create");
  EXPECT_EQ(c->true_result->as<Literal>()->number, 1);
  EXPECT_EQ(pos(e->span), "1:9-1:27");
  const Parens* p = attr(r, "n")->as<Parens>();
  ASSERT_TRUE(p);
  const Conditional* outer = p->inner->as<Conditional>();
  ASSERT_TRUE(outer);
  EXPECT_EQ(outer->false_result->kind(), ExprKind::Conditional);  // right-associative
}

TEST(HclParser, TuplesAndObjects) {
  ParseResult r = parse_ok(
      "t = [1, \"two\",\n  three,\n]\n"
      "o = {\n  a = 1\n  \"b\" : 2, c = 3\n  (var.k) = 4\n  5 = five\n}\n"
      "e = {}\n");
  const Tuple* t = attr(r, "t")->as<Tuple>();
  ASSERT_TRUE(t);
  ASSERT_EQ(t->elements.size(), 3u);
  EXPECT_EQ(pos(t->elements[2]->span), "2:3-2:8");

  const Object* o = attr(r, "o")->as<Object>();
  ASSERT_TRUE(o);
  ASSERT_EQ(o->items.size(), 5u);
  EXPECT_EQ(bare_key_name(o->items[0]), "a");
  EXPECT_FALSE(o->items[0].colon);
  EXPECT_EQ(o->items[1].key->kind(), ExprKind::Template);
  EXPECT_TRUE(o->items[1].colon);
  EXPECT_EQ(bare_key_name(o->items[2]), "c");
  EXPECT_EQ(o->items[3].key->kind(), ExprKind::Parens);
  EXPECT_EQ(bare_key_name(o->items[3]), "");
  EXPECT_EQ(o->items[4].key->kind(), ExprKind::Literal);
  EXPECT_EQ(pos(o->items[3].key->span), "7:3-7:10");
  EXPECT_TRUE(attr(r, "e")->as<Object>()->items.empty());
}

TEST(HclParser, ForExpressions) {
  ParseResult r = parse_ok(
      "l = [for s in var.list : upper(s) if s != \"\"]\n"
      "m = {\n  for k, v in var.map :\n  v.name => k...\n  if v.enabled\n}\n");
  const For* l = attr(r, "l")->as<For>();
  ASSERT_TRUE(l);
  EXPECT_FALSE(l->object);
  EXPECT_TRUE(l->key_var.empty());
  EXPECT_EQ(l->value_var, "s");
  EXPECT_EQ(src(r, l->collection), "var.list");
  EXPECT_EQ(l->value_expr->kind(), ExprKind::Call);
  ASSERT_TRUE(l->condition);
  EXPECT_EQ(src(r, l->condition), "s != \"\"");
  EXPECT_EQ(pos(attr(r, "l")->span), "1:5-1:46");

  const Expr* me = attr(r, "m");
  const For* m = me->as<For>();
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->object);
  EXPECT_TRUE(m->grouping);
  EXPECT_EQ(m->key_var, "k");
  EXPECT_EQ(pos(m->key_var_span), "3:7-3:8");
  EXPECT_EQ(src(r, m->key_expr), "v.name");
  EXPECT_EQ(src(r, m->value_expr), "k");
  EXPECT_EQ(src(r, m->condition), "v.enabled");
  EXPECT_EQ(pos(me->span), "2:5-6:2");
}

TEST(HclParser, Splats) {
  ParseResult r = parse_ok("a = aws_instance.web[*].network[0].id\nb = var.list.*.id\nc = var.x[*]\n");
  const Expr* a = attr(r, "a");
  const Splat* sa = a->as<Splat>();
  ASSERT_TRUE(sa);
  EXPECT_TRUE(sa->full);
  EXPECT_EQ(src(r, sa->source), "aws_instance.web");
  EXPECT_EQ(pos(sa->marker_span), "1:21-1:24");
  // each = item.network[0].id, built on the SplatItem placeholder.
  const GetAttr* id = sa->each->as<GetAttr>();
  ASSERT_TRUE(id);
  EXPECT_EQ(id->name, "id");
  const Index* i0 = id->object->as<Index>();
  ASSERT_TRUE(i0);
  EXPECT_EQ(i0->collection->as<GetAttr>()->object, sa->item);
  EXPECT_EQ(sa->item->kind(), ExprKind::SplatItem);
  EXPECT_EQ(pos(a->span), "1:5-1:38");

  const Splat* sb = attr(r, "b")->as<Splat>();
  ASSERT_TRUE(sb);
  EXPECT_FALSE(sb->full);
  EXPECT_EQ(sb->each->as<GetAttr>()->name, "id");
  EXPECT_EQ(src(r, attr(r, "b")), "var.list.*.id");

  const Splat* sc = attr(r, "c")->as<Splat>();
  ASSERT_TRUE(sc);
  EXPECT_EQ(sc->each, sc->item);
}

TEST(HclParser, Comments) {
  ParseResult r = parse_ok(
      "# hash\n"
      "a = 1 // slash\n"
      "/* block\n   two */ b = {\n  # inside\n  c = 2 /* x */\n}\n");
  const auto& cs = r.file.comments;
  ASSERT_EQ(cs.size(), 5u);
  EXPECT_EQ(cs[0].text, "# hash");
  EXPECT_EQ(cs[0].style, CommentStyle::Hash);
  EXPECT_EQ(pos(cs[0].span), "1:1-1:7");
  EXPECT_EQ(cs[1].style, CommentStyle::DoubleSlash);
  EXPECT_EQ(pos(cs[1].span), "2:7-2:15");
  EXPECT_EQ(cs[2].style, CommentStyle::Block);
  EXPECT_EQ(pos(cs[2].span), "3:1-4:10");
  EXPECT_EQ(cs[3].text, "# inside");
  EXPECT_EQ(pos(cs[4].span), "6:9-6:16");
  EXPECT_EQ(r.file.body.attributes.size(), 2u);
}

TEST(HclParser, CrlfBomAndUnicodeColumns) {
  ParseResult r = parse_ok(
      "\xEF\xBB\xBF# \xC2\xAF\\_(\xE3\x83\x84)_/\xC2\xAF\r\nx = \"\xC2\xB5s\" # \xC2\xB5\r\nblock {\r\n  y = "
      "2\r\n}\r\n");
  ASSERT_EQ(r.file.body.attributes.size(), 1u);
  EXPECT_EQ(pos(r.file.body.attributes[0].span), "2:1-2:9");
  EXPECT_EQ(pos(r.file.comments[1].span), "2:10-2:13");  // columns count code points
  EXPECT_EQ(r.file.comments[0].text.back(), '\xAF');     // no trailing \r
  EXPECT_EQ(pos(r.file.body.blocks[0].body.attributes[0].span), "4:3-4:8");
  EXPECT_EQ(pos(r.file.comments[0].span), "1:1-1:12");  // BOM is not a column
}

TEST(HclParser, TfvarsBody) {
  ParseResult r = parse_ok("region = \"us-west-1\"\nlist = [\"a\"]\nmap = {\n  k = \"v\"\n}", ParseMode::Tfvars);
  EXPECT_EQ(r.file.body.attributes.size(), 3u);
  EXPECT_TRUE(r.file.body.blocks.empty());
}

TEST(HclParser, FileOwnsItsText) {
  std::string text = "a = \"x\"\nb = var.c\n";
  ParseResult r = parse(0, text);
  text.assign(text.size(), '#');  // the tree must not point into the caller's buffer
  ParseResult moved = std::move(r);
  EXPECT_EQ(moved.file.body.attributes[1].name, "b");
  EXPECT_EQ(attr(moved, "a")->as<Template>()->parts[0]->as<Literal>()->text, "x");
  EXPECT_EQ(attr(moved, "b")->as<ScopeTraversal>()->root, "var");
}

TEST(HclParser, ByteRangesIndexFileText) {
  ParseResult r = parse_ok("x = [1, (2 + 3)]\n");
  const Expr* x = attr(r, "x");
  EXPECT_EQ(x->range.begin, 4u);
  EXPECT_EQ(x->range.end, 16u);
  EXPECT_EQ(src(r, x->as<Tuple>()->elements[1]), "(2 + 3)");
}

}  // namespace
}  // namespace kclint::hcl

namespace kclint::hcl {
namespace {

// Collects the root names of every variable reference under `e`.
void collect_roots(const Expr& e, std::vector<std::string_view>& out) {
  if (const ScopeTraversal* t = e.as<ScopeTraversal>()) out.push_back(t->root);
  for_each_child(e, [&](const Expr& c) { collect_roots(c, out); });
}

TEST(HclParser, ForEachChildWalksEveryExpression) {
  ParseResult r = test::parse_ok(
      "x = { k = [for i in var.a : \"${i}-${local.b}\" if i != each.key] }[count.index] + f(-module.m.o)[*].id\n");
  std::vector<std::string_view> roots;
  collect_roots(*test::attr(r, "x"), roots);
  EXPECT_EQ(roots, (std::vector<std::string_view>{"k", "var", "i", "local", "i", "each", "count", "module"}));
  EXPECT_EQ(test::attr(r, "x")->height, 6u);  // + → [] → {} → for → != → i
}

}  // namespace
}  // namespace kclint::hcl
