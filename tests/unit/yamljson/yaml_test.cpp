// Unit tests for the YAML loader: core-schema scalars, exact spans, anchors
// and limits, CloudFormation tags, errors.
#include "parsers/yaml/yaml.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "tests/unit/yamljson/span_text.h"

namespace kclint {
namespace {

using testing::at_key;
using testing::item;
using testing::text_at;
using testing::where;

constexpr FileId kFile = 3;

yaml::LoadResult load(const std::string& text, bool cfn = false) {
  yaml::Options options;
  options.cfn_tags = cfn;
  return yaml::load(kFile, text, options);
}

struct PlainCase {
  const char* text;
  Value::Type type;
  const char* rendered;  // Value::describe()
};

class YamlCoreSchema : public ::testing::TestWithParam<PlainCase> {};

TEST_P(YamlCoreSchema, PlainScalarResolves) {
  const PlainCase& c = GetParam();
  yaml::LoadResult r = load(std::string("k: ") + c.text + "\n");
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& v = at_key(r.value, "k");
  EXPECT_EQ(v.type(), c.type) << c.text;
  EXPECT_EQ(v.describe(), c.rendered) << c.text;
}

using T = Value::Type;
INSTANTIATE_TEST_SUITE_P(
    Scalars, YamlCoreSchema,
    ::testing::Values(
        PlainCase{"~", T::Null, "null"}, PlainCase{"null", T::Null, "null"}, PlainCase{"Null", T::Null, "null"},
        PlainCase{"NULL", T::Null, "null"}, PlainCase{"true", T::Bool, "true"}, PlainCase{"True", T::Bool, "true"},
        PlainCase{"FALSE", T::Bool, "false"}, PlainCase{"yes", T::String, "yes"}, PlainCase{"off", T::String, "off"},
        PlainCase{"5432", T::Number, "5432"}, PlainCase{"-17", T::Number, "-17"}, PlainCase{"+3", T::Number, "3"},
        PlainCase{"0x1F", T::Number, "31"}, PlainCase{"0o17", T::Number, "15"}, PlainCase{"0123", T::Number, "123"},
        PlainCase{"2.5", T::Number, "2.5"}, PlainCase{".5", T::Number, "0.5"}, PlainCase{"1e3", T::Number, "1000"},
        PlainCase{"-1.5E-2", T::Number, "-0.015"}, PlainCase{"123456789012", T::Number, "123456789012"},
        PlainCase{"1.2.3", T::String, "1.2.3"}, PlainCase{"0x", T::String, "0x"},
        PlainCase{"1_000", T::String, "1_000"}, PlainCase{"12:30", T::String, "12:30"},
        PlainCase{"-x", T::String, "-x"}, PlainCase{"0.0.0.0/0", T::String, "0.0.0.0/0"},
        PlainCase{"'5432'", T::String, "5432"}, PlainCase{"\"true\"", T::String, "true"},
        PlainCase{"'~'", T::String, "~"}, PlainCase{"!!str 5", T::String, "5"},
        PlainCase{"!!int \"7\"", T::Number, "7"}, PlainCase{"!!float 1", T::Number, "1"},
        PlainCase{"!!bool 'true'", T::Bool, "true"}, PlainCase{"!!null ''", T::Null, "null"},
        PlainCase{"", T::Null, "null"}));

TEST(YamlLoad, InfinityAndNan) {
  yaml::LoadResult r = load("a: .inf\nb: -.Inf\nc: .NaN\n");
  EXPECT_EQ(at_key(r.value, "a").as_number(), INFINITY);
  EXPECT_EQ(at_key(r.value, "b").as_number(), -INFINITY);
  EXPECT_TRUE(std::isnan(*at_key(r.value, "c").as_number()));
}

TEST(YamlLoad, SpansOfBlockMappingKeysAndValues) {
  std::string text =
      "Resources:\n"
      "  Db:\n"
      "    Type: AWS::RDS::DBInstance   # trailing comment\n"
      "    Properties:\n"
      "      Port: 5432\n"
      "      'Quoted Key': \"quoted value\"\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& db = *r.value.path({"Resources", "Db"});
  const Value::Member* type = db.member("Type");
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(where(type->key_span), "3:5-3:9");
  EXPECT_EQ(where(type->value.span()), "3:11-3:31");
  const Value& props = at_key(db, "Properties");
  EXPECT_EQ(where(props.span()), "5:7-6:35");
  EXPECT_EQ(where(at_key(props, "Port").span()), "5:13-5:17");
  EXPECT_EQ(text_at(text, props.member("Quoted Key")->key_span), "'Quoted Key'");
  EXPECT_EQ(text_at(text, at_key(props, "Quoted Key").span()), "\"quoted value\"");
  EXPECT_EQ(where(db.span()), "3:5-6:35");
  EXPECT_EQ(where(r.value.span()), "1:1-6:35");
}

TEST(YamlLoad, BlockSequencesAndFlowCollections) {
  std::string text =
      "steps:\n"
      "  - uses: actions/checkout@v4\n"
      "  - run: echo hi\n"
      "ports: [80, 443 , {from: 1, to: 2} ]\n"
      "empty: {}\n"
      "nested: [[a], []]\n"
      "multi: [\n"
      "  a,   # comment\n"
      "  b,\n"
      "]\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& steps = at_key(r.value, "steps");
  EXPECT_EQ(where(steps.span()), "2:3-3:17");
  EXPECT_EQ(text_at(text, item(steps, 0).span()), "uses: actions/checkout@v4");
  const Value& ports = at_key(r.value, "ports");
  EXPECT_EQ(text_at(text, ports.span()), "[80, 443 , {from: 1, to: 2} ]");
  EXPECT_EQ(text_at(text, item(ports, 1).span()), "443");
  EXPECT_EQ(text_at(text, item(ports, 2).span()), "{from: 1, to: 2}");
  EXPECT_EQ(at_key(item(ports, 2), "to").as_number(), 2);
  EXPECT_EQ(text_at(text, at_key(r.value, "empty").span()), "{}");
  EXPECT_EQ(text_at(text, item(at_key(r.value, "nested"), 1).span()), "[]");
  const Value& multi = at_key(r.value, "multi");
  EXPECT_EQ(where(multi.span()), "7:8-10:2");
  EXPECT_EQ(multi.list_value()->size(), 2u);
}

TEST(YamlLoad, QuotedAndBlockScalarSpans) {
  std::string text =
      "a: 'it''s'\n"
      "b: \"line \\\"one\\\"\n"
      "  two\"\n"
      "c: |\n"
      "  #!/bin/bash\n"
      "    indented\n"
      "\n"
      "  last line\n"
      "\n"
      "d: >-\n"
      "  folded\n"
      "  text\n"
      "e: |\n"
      "f: plain that\n"
      "  continues here   # comment\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(*at_key(r.value, "a").string_value(), "it's");
  EXPECT_EQ(text_at(text, at_key(r.value, "a").span()), "'it''s'");
  EXPECT_EQ(*at_key(r.value, "b").string_value(), "line \"one\" two");
  EXPECT_EQ(where(at_key(r.value, "b").span()), "2:4-3:7");
  EXPECT_EQ(*at_key(r.value, "c").string_value(), "#!/bin/bash\n  indented\n\nlast line\n");
  EXPECT_EQ(where(at_key(r.value, "c").span()), "4:4-8:12");
  EXPECT_EQ(*at_key(r.value, "d").string_value(), "folded text");
  EXPECT_EQ(where(at_key(r.value, "d").span()), "10:4-12:7");
  EXPECT_EQ(*at_key(r.value, "e").string_value(), "");
  EXPECT_EQ(where(at_key(r.value, "e").span()), "13:4-13:5");
  EXPECT_EQ(*at_key(r.value, "f").string_value(), "plain that continues here");
  EXPECT_EQ(where(at_key(r.value, "f").span()), "14:4-15:17");
}

TEST(YamlLoad, EmptyNodesAreNullAfterTheirIndicator) {
  std::string text =
      "a:\n"
      "b:   # nothing\n"
      "c:\n"
      "  -\n"
      "  - x\n"
      "d: {k: }\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_TRUE(at_key(r.value, "a").is_null());
  EXPECT_EQ(where(at_key(r.value, "a").span()), "1:3-1:3");
  EXPECT_EQ(where(at_key(r.value, "b").span()), "2:3-2:3");
  EXPECT_EQ(where(item(at_key(r.value, "c"), 0).span()), "4:4-4:4");
  EXPECT_EQ(where(at_key(at_key(r.value, "d"), "k").span()), "6:7-6:7");
}

TEST(YamlLoad, KeysAreStringsAsWritten) {
  yaml::LoadResult r = load("on: push\n1: one\ntrue: yes\nnull: n\n~: t\n\"q\": 1\n0x10: h\n");
  ASSERT_TRUE(r.diagnostics.empty());
  std::vector<std::string> keys;
  for (const Value::Member& m : *r.value.map_value()) keys.push_back(m.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"on", "1", "true", "null", "~", "q", "0x10"}));
  EXPECT_EQ(where(r.value.member("null")->key_span), "4:1-4:5");
}

TEST(YamlLoad, DuplicateKeyWarnsAtSecondOccurrence) {
  std::string text = "a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n";
  yaml::LoadResult r = load(text);
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].message, "duplicate key \"c\" (first at 3:3)");
  EXPECT_EQ(where(r.warnings[0].span), "5:3-5:4");
  EXPECT_EQ(at_key(at_key(r.value, "b"), "c").as_number(), 4);
  EXPECT_EQ(at_key(r.value, "b").map_value()->size(), 2u);
}

TEST(YamlLoad, AnchorsAndAliasesExpand) {
  std::string text =
      "base: &base\n"
      "  image: nginx\n"
      "  ports: [80]\n"
      "copy: *base\n"
      "list: [&x one, *x, *x]\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& copy = at_key(r.value, "copy");
  EXPECT_EQ(*at_key(copy, "image").string_value(), "nginx");
  EXPECT_EQ(text_at(text, copy.span()), "*base");
  EXPECT_EQ(where(at_key(copy, "image").span()), "2:10-2:15");  // inner spans stay at the anchor
  EXPECT_EQ(text_at(text, at_key(r.value, "base").span()), "&base\n  image: nginx\n  ports: [80]");
  const Value& list = at_key(r.value, "list");
  EXPECT_EQ(list.describe(), "[one, one, one]");
  EXPECT_EQ(text_at(text, item(list, 0).span()), "&x one");
  EXPECT_EQ(text_at(text, item(list, 2).span()), "*x");
}

TEST(YamlLoad, AliasAndCollectionAsKeys) {
  std::string text = "x: &k name\n*k : 1\n[a, b]: 2\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  ASSERT_TRUE(r.warnings.empty());
  const Value::Map& m = *r.value.map_value();
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[1].key, "name");
  EXPECT_EQ(where(m[1].key_span), "2:1-2:3");
  EXPECT_EQ(m[2].key, "[a, b]");
  EXPECT_EQ(where(m[2].key_span), "3:1-3:7");
}

TEST(YamlLoad, BillionLaughsIsCapped) {
  std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  yaml::LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_TRUE(r.diagnostics[0].message.starts_with("YAML alias expansion exceeds ")) << r.diagnostics[0].message;
  EXPECT_TRUE(r.value.is_null());
}

// Few values, but each copies a long string: the copies are capped by bytes.
TEST(YamlLoad, AliasesOfALongStringAreCappedByBytes) {
  std::string text = "a0: &a0 \"" + std::string(1u << 20, 'x') + "\"\n";
  for (int i = 1; i < 6; ++i)
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + ", *a" +
            std::to_string(i - 1) + ", *a" + std::to_string(i - 1) + "]\n";
  yaml::LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "YAML alias expansion exceeds 16777216 bytes");
  EXPECT_EQ(r.diagnostics[0].span.line, 4u);  // a3 would copy 27 MB
  EXPECT_TRUE(r.value.is_null());
  // Under the cap, the aliases expand as usual.
  yaml::LoadResult ok = load("a: &a \"" + std::string(1000, 'x') + "\"\nb: [*a, *a, *a]\n");
  EXPECT_TRUE(ok.diagnostics.empty());
  EXPECT_EQ(ok.value.get("b")->list_value()->size(), 3u);
}

TEST(YamlLoad, AliasBudgetFollowsLimits) {
  yaml::Options options;
  options.limits.max_values = 20;
  options.limits.max_values_per_byte = 0;
  std::string text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8]\nb: [*a, *a]\n";  // 43 bytes: the cap
  yaml::LoadResult r = yaml::load(kFile, text, options);
  EXPECT_TRUE(r.diagnostics.empty());
  text += "c: [*a, *a]\n";
  r = yaml::load(kFile, text, options);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "YAML alias expansion exceeds 55 values");
  EXPECT_EQ(where(r.diagnostics[0].span), "3:9-3:9");
}

TEST(YamlLoad, DeepFlowNestingIsRefused) {
  std::string text = std::string(100'000, '[') + std::string(100'000, ']');
  yaml::LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "YAML nesting depth exceeds 256");
  EXPECT_EQ(where(r.diagnostics[0].span), "1:257-1:258");
  EXPECT_TRUE(r.value.is_null());
}

TEST(YamlLoad, DeepBlockNestingIsRefused) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  yaml::LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "YAML nesting depth exceeds 256");
  std::string dashes;
  for (int i = 0; i < 100'000; ++i) dashes += "- ";
  r = load(dashes + "x\n");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "YAML nesting depth exceeds 256");
}

TEST(YamlLoad, DepthLimitAboveYamlCppsOwnGuardIsStillADiagnostic) {
  yaml::Options options;
  options.limits.max_depth = 100'000;
  yaml::LoadResult r = yaml::load(kFile, std::string(5000, '[') + std::string(5000, ']'), options);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "YAML nesting depth exceeds 100000");
}

TEST(YamlLoad, CfnRefAndCondition) {
  std::string text = "A: !Ref MyBucket\nB: !Condition IsProd\nC: !Ref 'Quoted'\n";
  yaml::LoadResult r = load(text, true);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& a = at_key(r.value, "A");
  ASSERT_TRUE(a.is_map());
  EXPECT_EQ(*at_key(a, "Ref").string_value(), "MyBucket");
  EXPECT_EQ(text_at(text, a.span()), "!Ref MyBucket");
  EXPECT_EQ(text_at(text, a.member("Ref")->key_span), "!Ref");
  EXPECT_EQ(text_at(text, at_key(a, "Ref").span()), "MyBucket");
  EXPECT_EQ(*at_key(at_key(r.value, "B"), "Condition").string_value(), "IsProd");
  EXPECT_EQ(text_at(text, at_key(at_key(r.value, "C"), "Ref").span()), "'Quoted'");
}

TEST(YamlLoad, CfnGetAttBothForms) {
  std::string text = "A: !GetAtt Db.Endpoint.Address\nB: !GetAtt [Db, Arn]\nC: !GetAtt \"Db.Arn\"\n";
  yaml::LoadResult r = load(text, true);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& a = at_key(at_key(r.value, "A"), "Fn::GetAtt");
  EXPECT_EQ(a.describe(), "[Db, Endpoint.Address]");
  EXPECT_EQ(text_at(text, item(a, 0).span()), "Db");
  EXPECT_EQ(text_at(text, item(a, 1).span()), "Endpoint.Address");
  EXPECT_EQ(text_at(text, a.span()), "Db.Endpoint.Address");
  const Value& b = at_key(at_key(r.value, "B"), "Fn::GetAtt");
  EXPECT_EQ(b.describe(), "[Db, Arn]");
  EXPECT_EQ(text_at(text, b.span()), "[Db, Arn]");
  EXPECT_EQ(text_at(text, at_key(r.value, "B").span()), "!GetAtt [Db, Arn]");
  const Value& c = at_key(at_key(r.value, "C"), "Fn::GetAtt");
  EXPECT_EQ(text_at(text, item(c, 1).span()), "Arn");
}

struct CfnCase {
  const char* yaml;
  const char* key;
  const char* operand;  // describe() of the operand
};

class CfnTags : public ::testing::TestWithParam<CfnCase> {};

TEST_P(CfnTags, ShortFormBecomesLongForm) {
  const CfnCase& c = GetParam();
  std::string text = std::string("V: ") + c.yaml + "\n";
  yaml::LoadResult r = load(text, true);
  ASSERT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
  const Value& v = at_key(r.value, "V");
  ASSERT_TRUE(v.is_map()) << c.yaml;
  ASSERT_EQ(v.map_value()->size(), 1u);
  EXPECT_EQ(v.map_value()->front().key, c.key);
  EXPECT_EQ(v.map_value()->front().value.describe(), c.operand);
  EXPECT_EQ(text_at(text, v.span()), c.yaml);
}

INSTANTIATE_TEST_SUITE_P(
    Intrinsics, CfnTags,
    ::testing::Values(CfnCase{"!Sub '${AWS::StackName}-logs'", "Fn::Sub", "${AWS::StackName}-logs"},
                      CfnCase{"!Sub [ '${A}', { A: x } ]", "Fn::Sub", "[${A}, {A: x}]"},
                      CfnCase{"!Join ['-', [a, b]]", "Fn::Join", "[-, [a, b]]"},
                      CfnCase{"!If [IsProd, 1, !Ref AWS::NoValue]", "Fn::If", "[IsProd, 1, {Ref: AWS::NoValue}]"},
                      CfnCase{"!Select [0, !GetAZs '']", "Fn::Select", "[0, {Fn::GetAZs: }]"},
                      CfnCase{"!Split [',', !Ref List]", "Fn::Split", "[,, {Ref: List}]"},
                      CfnCase{"!FindInMap [M, !Ref AWS::Region, Ami]", "Fn::FindInMap", "[M, {Ref: AWS::Region}, Ami]"},
                      CfnCase{"!ImportValue SharedVpc", "Fn::ImportValue", "SharedVpc"},
                      CfnCase{"!Base64 hello", "Fn::Base64", "hello"},
                      CfnCase{"!Cidr [10.0.0.0/16, 4, 8]", "Fn::Cidr", "[10.0.0.0/16, 4, 8]"},
                      CfnCase{"!GetAZs us-east-1", "Fn::GetAZs", "us-east-1"}, CfnCase{"!GetAZs", "Fn::GetAZs", ""},
                      CfnCase{"!Equals [!Ref Env, prod]", "Fn::Equals", "[{Ref: Env}, prod]"},
                      CfnCase{"!And [!Condition A, !Condition B]", "Fn::And", "[{Condition: A}, {Condition: B}]"},
                      CfnCase{"!Or [!Condition A, !Not [!Condition B]]", "Fn::Or",
                              "[{Condition: A}, {Fn::Not: [{Condition: B}]}]"},
                      CfnCase{"!Not [!Equals [a, b]]", "Fn::Not", "[{Fn::Equals: [a, b]}]"},
                      CfnCase{"!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}", "Fn::Transform",
                              "{Name: AWS::Include, Parameters: {Location: s3://b/k}}"},
                      CfnCase{"!Ref 5432", "Ref", "5432"}));

TEST(YamlLoad, CfnTagOnBlockCollectionSpansFromTheTag) {
  std::string text =
      "Value: !If\n"
      "  - IsProd\n"
      "  - !Sub\n"
      "    - '${A}-x'\n"
      "    - A: !Ref B\n";
  yaml::LoadResult r = load(text, true);
  ASSERT_TRUE(r.diagnostics.empty());
  const Value& v = at_key(r.value, "Value");
  EXPECT_EQ(where(v.span()), "1:8-5:16");
  EXPECT_EQ(where(at_key(v, "Fn::If").span()), "2:3-5:16");
  const Value& sub = item(at_key(v, "Fn::If"), 1);
  EXPECT_EQ(where(sub.span()), "3:5-5:16");
  EXPECT_EQ(text_at(text, sub.member("Fn::Sub")->key_span), "!Sub");
}

TEST(YamlLoad, TaggedPlainScalarContinuedOnLaterLines) {
  // yaml-cpp 0.7 alone rejects these; the loader re-parses with the tags applied by itself.
  std::string text =
      "Description:\n"
      "  !Sub AD Credentials for ${Name}\n"
      "  domain join\n"
      "List:\n"
      "  - !Sub arn:${AWS::Partition}:s3:::${Bucket}\n"
      "    /*\n"
      "  - !Ref Other\n";
  yaml::LoadResult r = load(text, true);
  ASSERT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
  const Value& d = at_key(r.value, "Description");
  EXPECT_EQ(*at_key(d, "Fn::Sub").string_value(), "AD Credentials for ${Name} domain join");
  EXPECT_EQ(where(d.span()), "2:3-3:14");
  EXPECT_EQ(text_at(text, d.member("Fn::Sub")->key_span), "!Sub");
  const Value& list = at_key(r.value, "List");
  EXPECT_EQ(*at_key(item(list, 0), "Fn::Sub").string_value(), "arn:${AWS::Partition}:s3:::${Bucket} /*");
  EXPECT_EQ(*at_key(item(list, 1), "Ref").string_value(), "Other");
}

TEST(YamlLoad, UnknownTagIsReportedOnlyWithCfnTags) {
  std::string text = "a: !Foo bar\nb: !!str ok\nc: !Ref x\n";
  yaml::LoadResult r = load(text, true);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "unknown tag \"!Foo\"");
  EXPECT_EQ(where(r.diagnostics[0].span), "1:4-1:8");
  EXPECT_EQ(*at_key(r.value, "a").string_value(), "bar");

  r = load(text, false);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(*at_key(r.value, "a").string_value(), "bar");
  EXPECT_EQ(*at_key(r.value, "c").string_value(), "x");  // tags ignored: the value as written
}

struct YamlError {
  const char* text;
  const char* message;
  const char* span;
};

class YamlErrors : public ::testing::TestWithParam<YamlError> {};

TEST_P(YamlErrors, ReportedWithPosition) {
  const YamlError& e = GetParam();
  yaml::LoadResult r = load(e.text);
  ASSERT_EQ(r.diagnostics.size(), 1u) << e.text;
  EXPECT_EQ(r.diagnostics[0].message, e.message);
  EXPECT_EQ(where(r.diagnostics[0].span), e.span);
  EXPECT_EQ(r.diagnostics[0].span.file, kFile);
  EXPECT_TRUE(r.value.is_null());
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, YamlErrors,
    ::testing::Values(YamlError{"a:\n  b: 1\n c: 2\n", "invalid YAML: end of map not found", "3:2-3:3"},
                      YamlError{"a: [1, 2\nb: 3\n", "invalid YAML: end of sequence flow not found", "2:2-2:3"},
                      YamlError{"a: {x: 1\n", "invalid YAML: end of map flow not found", "2:1-2:1"},
                      YamlError{"a: \"abc\nb: 2\n", "invalid YAML: quoted scalar is not closed", "1:4-1:5"},
                      YamlError{"a: *nope\n", "invalid YAML: the referenced anchor is not defined", "1:4-1:5"},
                      YamlError{"a: b: c\n", "invalid YAML: illegal map value", "1:5-1:6"},
                      YamlError{"k: - a\n", "invalid YAML: illegal block entry", "1:4-1:5"},
                      YamlError{"a: &x [1, *x]\n", "invalid YAML: alias *x refers to a node that contains it",
                                "1:11-1:13"},
                      YamlError{"a: 1\n\xff: 2\n", "invalid YAML: bytes are not valid UTF-8 (0xFF)", "2:1-2:2"}));

TEST(YamlLoad, EmptyDocumentsAreNullWithoutDiagnostic) {
  for (std::string text : {"", "\n\n", "# only a comment\n", "---\n", "\xEF\xBB\xBF", "---\n...\n"}) {
    yaml::LoadResult r = load(text);
    EXPECT_TRUE(r.value.is_null()) << text;
    EXPECT_TRUE(r.diagnostics.empty()) << text;
  }
}

TEST(YamlLoad, ByteOrderMarkIsNotCounted) {
  std::string text =
      "\xEF\xBB\xBF"
      "a: b\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(where(r.value.member("a")->key_span), "1:1-1:2");
  EXPECT_EQ(where(at_key(r.value, "a").span()), "1:4-1:5");
}

TEST(YamlLoad, CrLfLineEnds) {
  std::string text = "a: x  \r\nb: |\r\n  one\r\n  two\r\nc:\r\n  - 1\r\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(where(at_key(r.value, "a").span()), "1:4-1:5");
  EXPECT_EQ(*at_key(r.value, "b").string_value(), "one\ntwo\n");
  EXPECT_EQ(where(at_key(r.value, "b").span()), "2:4-4:6");
  EXPECT_EQ(where(at_key(r.value, "c").span()), "6:3-6:6");
}

TEST(YamlLoad, FirstDocumentOnlyAndLoadAll) {
  std::string text = "a: 1\n---\nb: [2\n";  // the second document is broken
  yaml::LoadResult r = load(text);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(at_key(r.value, "a").as_number(), 1);

  yaml::StreamResult all = yaml::load_all(kFile, "a: 1\n---\nb: 2\n---\n- c\n");
  EXPECT_TRUE(all.diagnostics.empty());
  ASSERT_EQ(all.documents.size(), 3u);
  EXPECT_EQ(where(all.documents[1].member("b")->key_span), "3:1-3:2");
  EXPECT_EQ(all.documents[2].describe(), "[c]");

  all = yaml::load_all(kFile, text);
  ASSERT_EQ(all.documents.size(), 1u);
  ASSERT_EQ(all.diagnostics.size(), 1u);
}

TEST(YamlLoad, NulByteIsRefused) {
  yaml::LoadResult r = load(std::string("a: b\0c\n", 7));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message, "invalid YAML: NUL byte in the text");
  EXPECT_EQ(where(r.diagnostics[0].span), "1:5-1:6");
}

TEST(YamlLoad, UnicodeColumnsCountCodePoints) {
  std::string text = "名前: 値段 # コメント\nb: c\n";
  yaml::LoadResult r = load(text);
  ASSERT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(where(r.value.member("名前")->key_span), "1:1-1:3");
  EXPECT_EQ(where(at_key(r.value, "名前").span()), "1:5-1:7");
}

}  // namespace
}  // namespace kclint
