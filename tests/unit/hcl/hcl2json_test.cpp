// hcl2json rendering rules, one case per rule of ../shared/corpus/README.md.
#include "parsers/hcl/hcl2json.h"

#include <gtest/gtest.h>

#include "tests/unit/hcl/test_util.h"

namespace kclint::hcl {
namespace {

using nlohmann::json;

json convert(std::string_view text) {
  ParseResult r = test::parse_ok(text);
  return to_hcl2json(r.file, text);
}

TEST(Hcl2Json, EmptyFile) { EXPECT_EQ(convert(""), json::object()); }

TEST(Hcl2Json, BlocksNestByTypeAndLabels) {
  json j = convert(
      "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n"
      "provider \"aws\" {}\nprovider \"aws\" {\n  alias = \"east\"\n}\n"
      "locals {\n  a = 1\n}\n");
  EXPECT_EQ(j, json::parse(R"({
    "resource": {"aws_s3_bucket": {"b": [{"bucket": "x", "lifecycle": [{"prevent_destroy": true}]}]}},
    "provider": {"aws": [{}, {"alias": "east"}]},
    "locals": [{"a": 1}]})"));
}

TEST(Hcl2Json, AttributeWinsOverBlockOfSameName) {
  EXPECT_EQ(convert("tags = {}\ntags {\n  a = 1\n}\n"), json::parse(R"({"tags": {}})"));
}

TEST(Hcl2Json, LiteralsAndFolding) {
  json j =
      convert("s = \"a\\n\\\"b\\u00e9\"\nn = 1.5\ni = 10\nt = true\nz = null\nneg = -1\nnot = !true\nnx = -var.x\n");
  EXPECT_EQ(j, json::parse(R"({"s": "a\n\"b\u00e9", "n": 1.5, "i": 10, "t": true, "z": null,
                               "neg": -1, "not": false, "nx": "${-var.x}"})"));
}

TEST(Hcl2Json, ConstructorsExpandAndKeys) {
  json j = convert(
      "t = [1, \"a\", var.x]\n"
      "o = {\n  # lost comment\n  name = 1\n  \"quoted\" = 2\n  3 = \"three\"\n  true = 4\n  null = 5\n"
      "  (var.k) = 6\n  a.b = 7\n  \"${var.p}\" = 8\n}\n");
  EXPECT_EQ(j, json::parse(R"({"t": [1, "a", "${var.x}"],
    "o": {"name": 1, "quoted": 2, "3": "three", "true": 4, "null": 5, "${(var.k)}": 6, "a.b": 7, "${var.p}": 8}})"));
}

TEST(Hcl2Json, OtherExpressionsAreWrappedSourceText) {
  json j = convert(
      "count = var.create ? 1 : 0\n"
      "type = string\n"
      "p = (1)\n"
      "m = merge(\n  a, # c\n  b,\n)\n"
      "f = [for x in y : x]\n"
      "s = a[*].b\n"
      "i = a[var.i]\n");
  EXPECT_EQ(j["count"], "${var.create ? 1 : 0}");
  EXPECT_EQ(j["type"], "${string}");
  EXPECT_EQ(j["p"], "${(1)}");
  EXPECT_EQ(j["m"], "${merge(\n  a, # c\n  b,\n)}");
  EXPECT_EQ(j["f"], "${[for x in y : x]}");
  EXPECT_EQ(j["s"], "${a[*].b}");
  EXPECT_EQ(j["i"], "${a[var.i]}");
}

TEST(Hcl2Json, Templates) {
  json j = convert(
      "a = \"arn:${ local.partition }:x\"\n"
      "b = \"${var.x}\"\n"
      "c = \"${ var.x }\"\n"
      "d = \"${1}\"\n"
      "e = \"${true}x\"\n"
      "f = \"a${1}b\"\n"
      "g = \"${[1, 2]}\"\n"
      "h = \"user/$${aws:username} %%{x}\"\n"
      "i = \"%{ if var.on ~} yes %{~ else }no%{ endif }\"\n"
      "k = \"%{if c}yes%{else}%{endif}\"\n"
      "l = \"%{for k, v in m}${k}=${v},%{endfor}\"\n"
      "m = \"${-1}\"\n"
      "n = \"x${1.50}\"\n");
  EXPECT_EQ(j["a"], "arn:${local.partition}:x");
  EXPECT_EQ(j["b"], "${var.x}");
  EXPECT_EQ(j["c"], "${var.x}");
  EXPECT_EQ(j["d"], 1);
  EXPECT_EQ(j["e"], "truex");
  EXPECT_EQ(j["f"], "a1b");
  EXPECT_EQ(j["g"], json::parse("[1, 2]"));
  EXPECT_EQ(j["h"], "user/$${aws:username} %%{x}");
  EXPECT_EQ(j["i"], "%{if var.on}yes%{else}no%{endif}");
  EXPECT_EQ(j["k"], "%{if c}yes%{endif}");
  EXPECT_EQ(j["l"], "%{for k, v in m}${k}=${v},%{endfor}");
  EXPECT_EQ(j["m"], -1);
  EXPECT_EQ(j["n"], "x1.5");
}

TEST(Hcl2Json, Heredocs) {
  json j = convert(
      "a = <<EOF\n  keep\n    indent\n  EOF\n"
      "b = <<-EOT\n    #!/bin/bash\n\n    echo ${local.name}\n      more\n    EOT\n");
  EXPECT_EQ(j["a"], "  keep\n    indent\n");
  EXPECT_EQ(j["b"], "#!/bin/bash\n\necho ${local.name}\n  more\n");
}

TEST(Hcl2Json, TextFormat) {
  std::string error;
  auto out = hcl2json_text("\xEF\xBB\xBFz = 1e3\r\na = [0.00000015, 1.0, \"f\xC3\xBC\"]\r\nm = {}\r\n", &error);
  ASSERT_TRUE(out) << error;
  EXPECT_EQ(*out, "{\n  \"a\": [\n    0.00000015,\n    1,\n    \"f\xC3\xBC\"\n  ],\n  \"m\": {},\n  \"z\": 1000\n}\n");
  EXPECT_EQ(*hcl2json_text("", nullptr), "{}\n");
}

TEST(Hcl2Json, TextReportsParseErrors) {
  std::string error;
  EXPECT_FALSE(hcl2json_text("a {\n", &error));
  EXPECT_EQ(error, "1:3: unclosed block: \"{\" at 1:3 has no matching \"}\"");
}

}  // namespace
}  // namespace kclint::hcl
