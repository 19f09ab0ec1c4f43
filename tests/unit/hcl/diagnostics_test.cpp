// Malformed HCL: each error becomes one diagnostic at the right line and
// column, and no input crashes the parser or exhausts the stack.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "parsers/hcl/parser.h"
#include "tests/unit/hcl/test_util.h"

namespace kclint::hcl {
namespace {

using test::error_of;

TEST(HclDiagnostics, UnclosedBlock) {
  EXPECT_EQ(error_of("variable \"x\" {\n  default = 1\n\nresource \"a\" \"b\" {\n  x = 1\n}\n"),
            "1:14: unclosed block: \"{\" at 1:14 has no matching \"}\"");
  EXPECT_EQ(error_of("a {\n  b {\n    c = 1\n  }\n"), "1:3: unclosed block: \"{\" at 1:3 has no matching \"}\"");
}

TEST(HclDiagnostics, UnterminatedStrings) {
  EXPECT_EQ(error_of("a = 1\nb = \"abc\nc = 2\n"),
            "2:5: unterminated string: the quote at 2:5 has no closing quote before the end of the line");
  EXPECT_EQ(error_of("b = \"${x}"),
            "1:5: unterminated string: the quote at 1:5 has no closing quote before the end of the line");
  EXPECT_EQ(error_of("x = {\n  y = <<EOT\nhello\n  EOF\n"),
            "2:7: unterminated heredoc: \"<<EOT\" at 2:7 has no closing \"EOT\" line");
  EXPECT_EQ(error_of("x = \"a ${ {b = 1} \n"),
            "1:8: unterminated template sequence: \"${\" at 1:8 has no matching \"}\"");
  EXPECT_EQ(error_of("x = 1\n/* never closed\n"), "2:1: unterminated comment: \"/*\" at 2:1 has no matching \"*/\"");
}

TEST(HclDiagnostics, UnterminatedInterpolation) {
  EXPECT_EQ(error_of("x = <<EOT\n${a\nEOT\n"), "3:1: expected \"}\" to end the \"${\" at 2:1, found \"EOT\"");
  EXPECT_EQ(error_of("x = <<EOT\n${a + \n"),
            "2:1: unterminated template sequence: \"${\" at 2:1 has no matching \"}\"");
}

TEST(HclDiagnostics, BadTokens) {
  EXPECT_EQ(error_of("a = 1 & 2\n"), "1:7: invalid character \"&\"; the logical AND operator is \"&&\"");
  EXPECT_EQ(error_of("a = 1\nb = @x\n"), "2:5: invalid character \"@\"");
  EXPECT_EQ(error_of("a = \"\xC2\xB5\" \xC2\xA0\n"), "1:9: invalid character U+00A0");
  EXPECT_EQ(error_of("a = \xE2\x80\x9Cx\xE2\x80\x9D\n"), "1:5: invalid character U+201C");
  EXPECT_EQ(error_of("a = \"x\\qy\"\n"),
            "1:7: invalid escape sequence \"\\q\" in a string; write \"\\\\\" for a backslash");
  EXPECT_EQ(error_of("a = \"\\u12\"\n"), "1:6: invalid escape sequence: \"\\u\" needs 4 hexadecimal digits");
  EXPECT_EQ(error_of("a = <<EOT x\nEOT\n"),
            "1:5: invalid heredoc: \"<<\" must be followed by a delimiter name and a line break, as in <<EOT");
  EXPECT_EQ(error_of("a = ${x}\n"), "1:5: \"${\" is only allowed inside a quoted string or a heredoc");
  EXPECT_EQ(error_of("a = \"\xFF\"\n"), "1:6: invalid UTF-8 byte sequence; HCL files must be UTF-8");
}

TEST(HclDiagnostics, StructureErrors) {
  EXPECT_EQ(error_of("a =\nb = 1\n"), "1:4: expected an expression, found a line break");
  EXPECT_EQ(error_of("a = 1 b = 2\n"), "1:7: expected a line break after the value of \"a\", found \"b\"");
  EXPECT_EQ(error_of("a = 1, b = 2\n"),
            "1:6: unexpected \",\" after the value of \"a\": attributes are separated by line breaks, not commas");
  EXPECT_EQ(error_of("}\n"), "1:1: unexpected \"}\": there is no open block to close");
  EXPECT_EQ(error_of("a\n"), "1:2: expected \"=\" or a block after \"a\", found a line break");
  EXPECT_EQ(error_of("= 1\n"), "1:1: expected an attribute or a block, found \"=\"");
  EXPECT_EQ(error_of("a {} b = 1\n"), "1:6: expected a line break after the closing \"}\" of block \"a\", found \"b\"");
  EXPECT_EQ(error_of("a = 1\nb = 2\na = 3\n"), "3:1: attribute \"a\" is defined twice; the first definition is at 1:1");
  EXPECT_EQ(error_of("x {\n  b = 1\n  a = 1\n  b = 2\n  a = 2\n  b = 3\n}\n"),
            "4:3: attribute \"b\" is defined twice; the first definition is at 2:3");
  EXPECT_EQ(error_of("a = 1\nb {\n}\n", ParseMode::Tfvars),
            "2:1: blocks are not allowed in a variable definitions (.tfvars) file; \"b\" starts a block");
  EXPECT_EQ(error_of("b \"${x}\" {\n}\n"),
            "1:4: template sequences (\"${...}\", \"%{...}\") are not allowed in block labels");
}

TEST(HclDiagnostics, ExpressionErrors) {
  EXPECT_EQ(error_of("a = [1, 2\n"), "1:5: unclosed list: \"[\" at 1:5 has no matching \"]\"");
  EXPECT_EQ(error_of("a = [1 2]\n"), "1:8: expected \",\" or \"]\" after a list element, found \"2\"");
  EXPECT_EQ(error_of("a = {\n  b = 1 c = 2\n}\n"),
            "2:9: expected a line break or \",\" after the object item, found \"c\"");
  EXPECT_EQ(error_of("a = {\n  b\n}\n"), "2:4: expected \"=\" or \":\" after the object key, found a line break");
  EXPECT_EQ(error_of("a = {\n  b = 1\n"), "1:5: unclosed object: \"{\" at 1:5 has no matching \"}\"");
  EXPECT_EQ(error_of("a = f(1, 2\n"), "1:6: unclosed parenthesis: \"(\" at 1:6 has no matching \")\"");
  EXPECT_EQ(error_of("a = f(x..., y)\n"),
            "1:11: expected \")\" right after the expanded final argument \"...\", found \",\"");
  EXPECT_EQ(error_of("a = (1 + 2\n"), "1:5: unclosed parenthesis: \"(\" at 1:5 has no matching \")\"");
  EXPECT_EQ(error_of("a = b ? c\n"),
            "1:10: expected \":\" and the false result of the conditional expression, found a line break");
  EXPECT_EQ(error_of("a = b.\n"), "1:7: expected an attribute name after \".\", found a line break");
  EXPECT_EQ(error_of("a = b.0.1\n"), "1:7: chained legacy indexes \".0.1\" are not allowed; write [0][1] instead");
  EXPECT_EQ(error_of("a = [for x in y : x if]\n"), "1:23: expected an expression, found \"]\"");
  EXPECT_EQ(error_of("a = [for k, v in y : k => v]\n"),
            "1:24: a key (\"=>\") is only valid in a for expression that builds an object ({for ...})");
  EXPECT_EQ(error_of("a = {for v in y : v}\n"),
            "1:6: a for expression that builds an object needs a key: {for k, v in coll : k => v}");
  EXPECT_EQ(error_of("a = [for v y : v]\n"),
            "1:12: expected \"in\" after the variables of the for expression, found \"y\"");
  EXPECT_EQ(error_of("a = x[*.y\n"), "1:8: expected \"]\" after \"[*\", found \".\"");
}

TEST(HclDiagnostics, TemplateDirectiveErrors) {
  EXPECT_EQ(error_of("a = \"%{if x}yes\"\n"), "1:6: unclosed directive: \"%{if}\" at 1:6 has no matching \"%{endif}\"");
  EXPECT_EQ(error_of("a = \"%{for x in y}z%{endif}\"\n"),
            "1:20: expected \"%{endfor}\" to close the \"%{for}\" at 1:6, found \"%{endif}\"");
  EXPECT_EQ(error_of("a = \"x%{else}\"\n"), "1:7: unexpected \"%{else}\" with no open directive");
  EXPECT_EQ(error_of("a = \"%{bogus}\"\n"),
            "1:8: expected if, else, endif, for or endfor after \"%{\", found \"bogus\"");
}

TEST(HclDiagnostics, NestingTooDeep) {
  const std::string deep_list = "a = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  std::string msg = error_of(deep_list);
  EXPECT_NE(msg.find("nesting too deep: more than 256 levels"), std::string::npos) << msg;

  EXPECT_NE(error_of("a = " + std::string(100000, '(') + "1").find("nesting too deep"), std::string::npos);
  EXPECT_NE(error_of("a = " + std::string(100000, '-') + "1").find("nesting too deep"), std::string::npos);
  EXPECT_NE(error_of("a = " + std::string(100000, '!') + "1").find("nesting too deep"), std::string::npos);
  std::string blocks;
  for (int i = 0; i < 20000; ++i) blocks += "b {\n";
  EXPECT_NE(error_of(blocks).find("nesting too deep"), std::string::npos);
  std::string templates = "a = ";
  for (int i = 0; i < 20000; ++i) templates += "\"${";
  EXPECT_NE(error_of(templates).find("nesting too deep"), std::string::npos);
  std::string splats = "a = x";
  for (int i = 0; i < 20000; ++i) splats += "[*]";
  EXPECT_NE(error_of(splats).find("nesting too deep"), std::string::npos);
  std::string directives = "a = \"";
  for (int i = 0; i < 20000; ++i) directives += "%{if x}";
  EXPECT_NE(error_of(directives + "\"").find("nesting too deep"), std::string::npos);

  // Long chains are not nesting for the parser, but they make deep trees.
  std::string chain = "a = 1";
  for (int i = 0; i < 100000; ++i) chain += " + 1";
  EXPECT_NE(error_of(chain).find("expression nested too deep: more than 1024 levels"), std::string::npos);
  std::string attrs = "a = f()";
  for (int i = 0; i < 100000; ++i) attrs += ".x";
  EXPECT_NE(error_of(attrs).find("expression nested too deep"), std::string::npos);
  EXPECT_TRUE(parse(0, chain.substr(0, 5 + 4 * 999) + "\n").ok());  // 1000 operators are fine

  // 200 levels is deep but allowed.
  ParseResult ok = parse(0, "a = " + std::string(200, '[') + std::string(200, ']') + "\n");
  EXPECT_TRUE(ok.ok());
}

// Random bytes, and random edits of valid HCL, never crash and always give
// at most one diagnostic.
TEST(HclDiagnostics, GarbageNeverCrashes) {
  const std::string seed_text =
      "resource \"aws_s3_bucket\" \"b\" {\n"
      "  bucket = \"${var.name}-logs\"\n"
      "  tags   = merge(local.tags, { Name = \"x\" })\n"
      "  count  = var.create ? length(var.list[*].id) : 0\n"
      "  policy = <<-EOT\n    {\"a\": ${jsonencode(var.x)}}\n  EOT\n"
      "  dynamic \"rule\" {\n    for_each = { for k, v in var.m : k => v if v != null }\n"
      "    content { id = rule.key }\n  }\n}\n"
      "out = \"%{ for x in y ~}${x}%{ endfor }\" /* c */ # d\n";
  const std::string alphabet = "{}[]()\"$%~<-=:?!.*,\n\r\t #/\\abc019EOT\xC3\xA9";
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string text = seed_text;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      std::size_t at = rng() % (text.size() + 1);
      switch (rng() % 3) {
        case 0:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1 + rng() % 3);
          break;
        default:
          text = text.substr(0, at);
          break;
      }
    }
    ParseResult r = parse(0, text);
    EXPECT_LE(r.diagnostics.size(), 1u);
    for (const Diagnostic& d : r.diagnostics) {
      EXPECT_GE(d.span.line, 1u) << d.message;
      EXPECT_FALSE(d.message.empty());
    }
  }
  for (int round = 0; round < 500; ++round) {
    std::string text(rng() % 200, ' ');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    ParseResult r = parse(0, text);
    EXPECT_LE(r.diagnostics.size(), 1u);
  }
}

}  // namespace
}  // namespace kclint::hcl
