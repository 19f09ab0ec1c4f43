// Terraform expression evaluation: literals, operators, templates, for and
// splat expressions, variables, locals and the built-in functions.
#include <gtest/gtest.h>

#include "helpers.h"

namespace kclint::tf::testing {
namespace {

// Evaluates `expr` as attribute `v` of a resource (with `extra` configuration
// beside it) and returns the value as the IR keeps it.
Value ev(const std::string& expr, const std::string& extra = "", LoadOptions options = {},
         std::map<std::string, std::string> files = {}) {
  files["main.tf"] = extra + "\nresource \"x_test\" \"t\" {\n  v = " + expr + "\n}\n";
  auto p = load_inline(files, std::move(options));
  EXPECT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  const Value* v = attr(*p, "x_test.t", "v");
  return v ? *v : Value::unknown("<missing>");
}

std::string d(const std::string& expr, const std::string& extra = "") { return ev(expr, extra).describe(); }

TEST(TfEval, LiteralsAndOperators) {
  EXPECT_EQ(d("1 + 2 * 3"), "7");
  EXPECT_EQ(d("10 % 4"), "2");
  EXPECT_EQ(d("-(3)"), "-3");
  EXPECT_EQ(d("!true"), "false");
  EXPECT_EQ(d("1 < 2 && 2 >= 2"), "true");
  EXPECT_EQ(d("\"a\" == \"a\" ? \"y\" : \"n\""), "y");
  EXPECT_EQ(d("null"), "null");
  EXPECT_EQ(d("[1, \"a\", true]"), "[1, a, true]");
  EXPECT_EQ(d("{ a = 1, \"b\" = 2 }"), "{a: 1, b: 2}");
}

TEST(TfEval, TemplatesAndHeredocs) {
  EXPECT_EQ(d("\"x-${1 + 1}-y\""), "x-2-y");
  EXPECT_EQ(d("\"%{if true}yes%{else}no%{endif}\""), "yes");
  EXPECT_EQ(d("\"%{for s in [\"a\", \"b\"]}${s};%{endfor}\""), "a;b;");
  EXPECT_EQ(d("<<EOT\nline ${2}\nEOT"), "line 2\n");
  EXPECT_EQ(d("<<-EOT\n    indented\n    EOT"), "indented\n");
  // An unknown inside a template makes the whole string Unknown with its text.
  Value v = ev("\"arn:${var.x}/*\"", "variable \"x\" {}");
  ASSERT_TRUE(v.is_unknown());
  EXPECT_EQ(*v.unknown_source(), "arn:${var.x}/*");
}

TEST(TfEval, ForAndSplat) {
  EXPECT_EQ(d("[for x in [1, 2, 3] : x * 2 if x > 1]"), "[4, 6]");
  EXPECT_EQ(d("{for k, v in { a = 1, b = 2 } : v => k}"), "{1: a, 2: b}");
  EXPECT_EQ(d("{for s in [\"a\", \"b\", \"a\"] : s => s...}"), "{a: [a, a], b: [b]}");
  EXPECT_EQ(d("[{ n = 1 }, { n = 2 }][*].n"), "[1, 2]");
  EXPECT_EQ(d("[for i, v in [\"x\", \"y\"] : \"${i}${v}\"]"), "[0x, 1y]");
}

TEST(TfEval, VariablesFromDefaultsTfvarsVarFilesAndVars) {
  std::string vars = "variable \"a\" { default = \"def\" }\nvariable \"b\" { default = 1 }\n"
                     "variable \"c\" { type = string }\nvariable \"d\" {\n  validation {\n    condition = false\n"
                     "    error_message = \"x\"\n  }\n}\n";
  std::map<std::string, std::string> files = {{"terraform.tfvars", "b = 2\nc = \"tfvars\"\n"},
                                              {"b.auto.tfvars", "c = \"auto-b\"\n"},
                                              {"a.auto.tfvars", "c = \"auto-a\"\nb = 3\n"}};
  EXPECT_EQ(ev("[var.a, var.b, var.c]", vars, {}, files).describe(), "[def, 3, auto-b]");
  LoadOptions opts;
  opts.vars = {"c=cli", "b=[1, 2]"};
  EXPECT_EQ(ev("[var.a, var.b, var.c]", vars, opts, files).describe(), "[def, [1, 2], cli]");
  Value unknown = ev("var.d", vars);
  ASSERT_TRUE(unknown.is_unknown());
  EXPECT_EQ(*unknown.unknown_source(), "var.d");
}

TEST(TfEval, VarFileOption) {
  std::filesystem::path vf = std::filesystem::temp_directory_path() / "kclint-tf-varfile.tfvars";
  std::ofstream(vf) << "env = \"staging\"\n";
  LoadOptions opts;
  opts.var_files = {vf.string()};
  EXPECT_EQ(ev("var.env", "variable \"env\" { default = \"dev\" }", opts).describe(), "staging");
  std::filesystem::remove(vf);
}

TEST(TfEval, LocalsInAnyOrder) {
  EXPECT_EQ(d("local.c", "locals {\n  c = \"${local.b}!\"\n  b = upper(local.a)\n}\nlocals {\n  a = \"x\"\n}"), "X!");
}

TEST(TfEval, LocalCycleIsADiagnosticNotACrash) {
  auto p = load("cycles");
  std::vector<std::string> diags = diagnostics(*p);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].find("main.tf:2:3: cycle in Terraform local values"), std::string::npos) << diags[0];
  const Value* bucket = attr(*p, "aws_s3_bucket.b", "bucket");
  ASSERT_TRUE(bucket);
  EXPECT_TRUE(bucket->is_unknown());
}

TEST(TfEval, CollectionFunctions) {
  EXPECT_EQ(d("merge({ a = 1 }, { b = 2 }, { a = 3 })"), "{a: 3, b: 2}");
  EXPECT_EQ(d("concat([1], [2, 3])"), "[1, 2, 3]");
  EXPECT_EQ(d("flatten([[1, [2]], 3])"), "[1, 2, 3]");
  EXPECT_EQ(d("distinct([1, 2, 1])"), "[1, 2]");
  EXPECT_EQ(d("lookup({ a = 1 }, \"b\", 9)"), "9");
  EXPECT_EQ(d("element([\"a\", \"b\"], 3)"), "b");
  EXPECT_EQ(d("length({ a = 1, b = 2 })"), "2");
  EXPECT_EQ(d("keys({ b = 1, a = 2 })"), "[a, b]");
  EXPECT_EQ(d("values({ b = 1, a = 2 })"), "[2, 1]");
  EXPECT_EQ(d("contains([\"a\"], \"a\")"), "true");
  EXPECT_EQ(d("coalesce(\"\", null, \"x\")"), "x");
  EXPECT_EQ(d("tolist(toset([\"b\", \"a\", \"b\"]))"), "[a, b]");
  EXPECT_EQ(d("tomap({ a = 1 })"), "{a: 1}");
  EXPECT_EQ(d("min(3, 1, 2) + max(1, 5)"), "6");
}

TEST(TfEval, StringFunctions) {
  EXPECT_EQ(d("format(\"%s-%03d\", \"a\", 7)"), "a-007");
  EXPECT_EQ(d("join(\",\", [\"a\", \"b\"])"), "a,b");
  EXPECT_EQ(d("split(\",\", \"a,b\")"), "[a, b]");
  EXPECT_EQ(d("replace(\"a-b-c\", \"-\", \"_\")"), "a_b_c");
  EXPECT_EQ(d("lower(\"AB\")"), "ab");
  EXPECT_EQ(d("upper(\"ab\")"), "AB");
  EXPECT_EQ(d("trimspace(\"  a \")"), "a");
  EXPECT_EQ(d("tostring(5)"), "5");
  EXPECT_EQ(d("tonumber(\"5\") + 1"), "6");
  EXPECT_EQ(d("cidrsubnet(\"10.0.0.0/16\", 8, 2)"), "10.0.2.0/24");
}

TEST(TfEval, TryCanAndJson) {
  EXPECT_EQ(d("try({ a = 1 }.b, \"fallback\")"), "fallback");
  EXPECT_EQ(d("can([1][5])"), "false");
  EXPECT_EQ(d("can([1][0])"), "true");
  EXPECT_EQ(d("jsondecode(\"{\\\"a\\\": [1, 2]}\").a[1]"), "2");
  EXPECT_EQ(d("jsonencode({ a = 1 })"), "{a: 1}");  // kept as the structure it encodes
  EXPECT_EQ(d("\"x${jsonencode({ a = [1] })}\""), "x{\"a\":[1]}");
}

TEST(TfEval, FileAndTemplatefileInsideTheRootOnly) {
  std::map<std::string, std::string> files = {{"p.json", "{\"x\": 1}"}, {"t.tpl", "hello ${name}%{ for i in items }-${i}%{ endfor }"}};
  EXPECT_EQ(ev("jsondecode(file(\"${path.module}/p.json\")).x", "", {}, files).describe(), "1");
  EXPECT_EQ(ev("templatefile(\"t.tpl\", { name = \"w\", items = [1, 2] })", "", {}, files).describe(), "hello w-1-2");
  Value outside = ev("file(\"../../etc/passwd\")");
  EXPECT_TRUE(outside.is_unknown());
}

TEST(TfEval, DataSourcesAreUnknownAndAvailabilityZonesDistinctPerIndex) {
  std::string az = "data \"aws_availability_zones\" \"az\" {}\ndata \"aws_vpc\" \"v\" {}";
  Value v = ev("[data.aws_availability_zones.az.names[0], element(data.aws_availability_zones.az.names, 1), data.aws_vpc.v.id]", az);
  ASSERT_TRUE(v.is_list());
  const Value::List& l = *v.list_value();
  EXPECT_EQ(*l[0].unknown_source(), "data.aws_availability_zones.az.names[0]");
  EXPECT_EQ(*l[1].unknown_source(), "data.aws_availability_zones.az.names[1]");
  EXPECT_EQ(*l[2].unknown_source(), "data.aws_vpc.v.id");
}

// An attribute's value points at the attribute (its use site); values inside
// it point where they were written.
TEST(TfEval, SpansPointAtTheAttributeAndInsideAtTheSource) {
  auto p = load_inline({{"main.tf", "variable \"port\" {\n  default = 5432\n}\nresource \"x_test\" \"t\" {\n  v = var.port\n  w = 1 + 1\n  l = [var.port]\n}\n"}});
  const Value* v = attr(*p, "x_test.t", "v");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->span().line, 5u);
  EXPECT_EQ(v->span().column, 7u);
  EXPECT_EQ(attr(*p, "x_test.t", "w")->span().line, 6u);
  const Value* l = attr(*p, "x_test.t", "l");
  ASSERT_TRUE(l && l->is_list());
  EXPECT_EQ(l->span().line, 7u);
  EXPECT_EQ(l->list_value()->front().span().line, 2u);  // the default, where 5432 is written
  EXPECT_EQ(l->list_value()->front().span().column, 13u);
}

TEST(TfEval, StepBudgetStopsExplosions) {
  // 2^40 string doublings would never finish: the budget turns them into Unknown.
  std::string locals = "locals {\n  l0 = [\"x\"]\n";
  for (int i = 1; i <= 40; ++i)
    locals += "  l" + std::to_string(i) + " = [for a in setproduct(local.l" + std::to_string(i - 1) + ", [1, 2]) : a[0]]\n";
  locals += "}\n";
  auto p = load_inline({{"main.tf", locals + "resource \"x_test\" \"t\" {\n  v = length(local.l40)\n}\n"}});
  ASSERT_TRUE(attr(*p, "x_test.t", "v"));
}

TEST(TfEval, RegexReplace) {
  // "/…/" is a regular expression (Go's syntax, read by RE2) with $1 / ${name} in the replacement.
  EXPECT_EQ(d(R"(replace("v1.2.3", "/^v(\\d+)\\..*$/", "$1"))"), "1");
  EXPECT_EQ(d(R"(replace("a1b22c333", "/[0-9]+/", "#"))"), "a#b#c#");
  EXPECT_EQ(d(R"(replace("key=value", "/(?P<k>\\w+)=(?P<v>\\w+)/", "$${v}=$${k} $$"))"), "value=key $");
  EXPECT_EQ(d(R"(replace("baaac", "/a*/", "x"))"), "xbxcx");  // empty matches as Go finds them
  EXPECT_EQ(d(R"(replace("abc", "//", "-"))"), "-a-b-c-");
  EXPECT_EQ(d(R"(replace("a/b", "/", "_"))"), "a_b");         // one slash is a plain substring
  EXPECT_EQ(d(R"(can(replace("a", "/(/", "b")))"), "false");  // a pattern that does not compile fails
  EXPECT_TRUE(ev(R"(replace(var.x, "/a/", "b"))", "variable \"x\" {}").is_unknown());
}

TEST(TfEval, Yamlencode) {
  EXPECT_EQ(
      d(R"(yamlencode({ b = "x", a = [1, { y = null, x = true }, [2]], c = {}, d = { "e f" = "q\"\n" } }))"),
      "\"a\":\n- 1\n- \"x\": true\n  \"y\": null\n- - 2\n\"b\": \"x\"\n\"c\": {}\n\"d\":\n  \"e f\": \"q\\\"\\n\"\n");
  EXPECT_EQ(d("yamlencode([])"), "[]\n");
  EXPECT_EQ(d("yamlencode(\"s\")"), "\"s\"\n");
  EXPECT_TRUE(ev("yamlencode({ a = var.x })", "variable \"x\" {}").is_unknown());
}

// optional(type, default) in a variable's object type fills attributes the
// value leaves out: in the default, a module input, tfvars, lists and maps of
// objects, and nested objects; the JSON syntax writes the type as a string.
TEST(TfEval, OptionalAttributeDefaults) {
  const std::string type = R"(object({
    name  = string
    port  = optional(number, 8080)
    idle  = optional(number)
    lb    = optional(object({ internal = optional(bool, true) }), {})
    rules = optional(list(object({ cidr = optional(string, "10.0.0.0/8"), port = number })), [])
  }))";
  auto p = load_inline(
      {{"main.tf",
        "variable \"svc\" {\n  type = " + type +
            "\n  default = { name = \"a\", rules = [{ port = 22 }] }\n}\n"
            "variable \"from_tfvars\" {\n  type = map(" +
            type +
            ")\n}\n"
            "module \"m\" {\n  source = \"./m\"\n  svc = { name = \"b\", port = 9, lb = { internal = false } }\n}\n"
            "resource \"x_test\" \"t\" {\n  port = var.svc.port\n  ports = [var.svc.port]\n  idle = var.svc.idle\n  "
            "internal = var.svc.lb.internal\n"
            "  cidr = var.svc.rules[0].cidr\n  rule_port = var.svc.rules[0].port\n"
            "  tfvars_port = var.from_tfvars.x.port\n  tfvars_rules = length(var.from_tfvars.x.rules)\n}\n"},
       {"terraform.tfvars", "from_tfvars = { x = { name = \"x\" } }\n"},
       {"m/main.tf", "variable \"svc\" {\n  type = " + type +
                         "\n}\n"
                         "resource \"x_test\" \"t\" {\n  port = var.svc.port\n  internal = var.svc.lb.internal\n}\n"},
       {"j/main.tf.json", R"j({
  "variable": {"svc": {"type": "object({port = optional(number, 8080)})", "default": {}}},
  "resource": {"x_test": {"t": {"port": "${var.svc.port}"}}}
})j"}});
  ASSERT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  EXPECT_EQ(text(attr(*p, "x_test.t", "port")), "8080");
  EXPECT_EQ(text(attr(*p, "x_test.t", "idle")), "null");
  EXPECT_EQ(text(attr(*p, "x_test.t", "internal")), "true");
  EXPECT_EQ(text(attr(*p, "x_test.t", "cidr")), "10.0.0.0/8");
  EXPECT_EQ(text(attr(*p, "x_test.t", "rule_port")), "22");
  EXPECT_EQ(text(attr(*p, "x_test.t", "tfvars_port")), "8080");
  EXPECT_EQ(text(attr(*p, "x_test.t", "tfvars_rules")), "0");
  // A default keeps the span where the type constraint writes it.
  const Value* ports = attr(*p, "x_test.t", "ports");
  ASSERT_TRUE(ports && ports->is_list());
  EXPECT_EQ(ports->list_value()->front().span().line, 4u);
  EXPECT_EQ(ports->list_value()->front().span().column, 30u);
  EXPECT_EQ(text(attr(*p, "module.m.x_test.t", "port")), "9");
  EXPECT_EQ(text(attr(*p, "module.m.x_test.t", "internal")), "false");
  EXPECT_EQ(text(attr(*p, "j:x_test.t", "port")), "8080");
}

}  // namespace
}  // namespace kclint::tf::testing
