// The evaluator on its own: intrinsic functions in short and long form,
// parameters, mappings, conditions, and the bounds on recursion.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "analyzer/lower/cfn/evaluate.h"
#include "analyzer/lower/lower.h"
#include "tests/unit/cfn/helpers.h"

namespace kclint::cfn {
namespace {

// One template in memory; `value(name)` evaluates Outputs.<name>.Value.
class Eval {
 public:
  explicit Eval(std::string text, std::map<std::string, Value> given = {}) {
    std::string name = text.starts_with("{") ? "t.json" : "t.yaml";
    SourceFile& f = project_.add_file(name, Format::CloudFormation, std::move(text));
    f.rel_path = "t.yaml";  // addresses read t.yaml#Id for both
    lower_cloudformation_file(f);
    diagnostics_ = f.diagnostics;
    tmpl_ = Template::of(f);
    if (!tmpl_) {  // not a template: evaluate against an empty one
      f.syntax = Value::map({});
      tmpl_ = Template::of(f);
    }
    evaluator_ = std::make_unique<Evaluator>(*tmpl_, bind_parameters(*tmpl_, given), "");
  }
  std::optional<Value> value(std::string_view output) {
    const Value* v = tmpl_->outputs ? tmpl_->outputs->path({output, "Value"}) : nullptr;
    EXPECT_NE(v, nullptr) << output;
    return v ? evaluator_->eval(*v) : std::nullopt;
  }
  std::string text(std::string_view output) {
    std::optional<Value> v = value(output);
    return v ? v->describe() : "<NoValue>";
  }
  Evaluator& evaluator() { return *evaluator_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }
  const SourceFile& file() const { return project_.file(0); }

 private:
  Project project_;
  Diagnostics diagnostics_;
  std::optional<Template> tmpl_;
  std::unique_ptr<Evaluator> evaluator_;
};

TEST(Evaluate, ShortAndLongFormsGiveTheSameValues) {
  Eval e(R"(Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
Outputs:
  ShortAtt: {Value: !GetAtt Sg.GroupId}
  LongAtt: {Value: {"Fn::GetAtt": [Sg, GroupId]}}
  ShortRef: {Value: !Ref Sg}
  LongRef: {Value: {Ref: Sg}}
  ShortJoin: {Value: !Join ["-", [a, !Select [1, !Split [",", "x,y,z"]]]]}
  LongJoin: {Value: {"Fn::Join": ["-", [a, {"Fn::Select": [1, {"Fn::Split": [",", "x,y,z"]}]}]]}}
)");
  EXPECT_TRUE(e.diagnostics().empty());
  EXPECT_EQ(e.text("ShortAtt"), "t.yaml#Sg.GroupId");
  EXPECT_EQ(e.text("ShortAtt"), e.text("LongAtt"));
  EXPECT_EQ(e.text("ShortRef"), "t.yaml#Sg");
  EXPECT_EQ(e.text("ShortRef"), e.text("LongRef"));
  EXPECT_EQ(e.text("ShortJoin"), "a-y");
  EXPECT_EQ(e.text("ShortJoin"), e.text("LongJoin"));
  e.evaluator().take_references();
  for (std::string_view o : {"ShortAtt", "LongAtt", "ShortRef", "LongRef", "ShortJoin"}) e.value(o);
  EXPECT_EQ(e.evaluator().take_references().size(), 4u);  // one per Ref/GetAtt of a resource
}

TEST(Evaluate, Sub) {
  Eval e(R"(Parameters:
  Env: {Type: String, Default: staging}
  Secret: {Type: String}
Resources:
  Bucket: {Type: AWS::S3::Bucket}
Outputs:
  Plain: {Value: !Sub "app-${Env}"}
  WithMap: {Value: !Sub ["${Name}/${Env}", {Name: !Join ["", [x, y]]}]}
  Escaped: {Value: !Sub "${!Literal}-${Env}"}
  Partition: {Value: !Sub "arn:${AWS::Partition}:s3:::${Env}"}
  OnlyRef: {Value: !Sub "${Bucket}"}
  AttInside: {Value: !Sub "${Bucket.Arn}/*"}
  NoValue: {Value: !Sub "${Secret}"}
  Region: {Value: !Sub "${AWS::Region}-x"}
)");
  EXPECT_EQ(e.text("Plain"), "app-staging");
  EXPECT_EQ(e.text("WithMap"), "xy/staging");
  EXPECT_EQ(e.text("Escaped"), "${Literal}-staging");
  EXPECT_EQ(e.text("Partition"), "arn:aws:s3:::staging");
  std::optional<Value> only = e.value("OnlyRef");
  ASSERT_TRUE(only && only->is_reference());
  EXPECT_EQ(only->reference_value()->target, "t.yaml#Bucket");
  std::optional<Value> att = e.value("AttInside");
  ASSERT_TRUE(att && att->is_unknown());
  EXPECT_EQ(*att->unknown_source(), R"(!Sub "${Bucket.Arn}/*")");
  std::optional<Value> secret = e.value("NoValue");
  ASSERT_TRUE(secret && secret->is_unknown());
  EXPECT_EQ(*secret->unknown_source(), "!Ref Secret");
  EXPECT_TRUE(e.value("Region")->is_unknown());
}

TEST(Evaluate, ParametersMappingsAndTypes) {
  std::map<std::string, Value> given;
  given["Subnets"] = Value::string("subnet-1, subnet-2");
  given["Port"] = Value::string("5432");
  Eval e(R"(Parameters:
  Env: {Type: String, Default: prod}
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
  Port: {Type: Number}
  Ami: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/ami}
Mappings:
  Sizes:
    prod: {Class: db.r6g.large}
    dev: {Class: db.t4g.micro}
Resources: {}
Outputs:
  Class: {Value: !FindInMap [Sizes, !Ref Env, Class]}
  Missing: {Value: !FindInMap [Sizes, qa, Class]}
  Fallback: {Value: !FindInMap [Sizes, qa, Class, {DefaultValue: db.t4g.small}]}
  Second: {Value: !Select [1, !Ref Subnets]}
  Port: {Value: !Ref Port}
  Ami: {Value: !Ref Ami}
)",
         given);
  std::optional<Value> cls = e.value("Class");
  ASSERT_TRUE(cls && cls->is_string());
  EXPECT_EQ(*cls->string_value(), "db.r6g.large");
  // A mapped value takes the span of its use.
  EXPECT_EQ(cls->span().line, 12u);
  EXPECT_TRUE(e.value("Missing")->is_unknown());
  EXPECT_EQ(e.text("Fallback"), "db.t4g.small");
  EXPECT_EQ(e.text("Second"), "subnet-2");
  EXPECT_TRUE(e.value("Port")->is_number());
  std::optional<Value> ami = e.value("Ami");
  ASSERT_TRUE(ami && ami->is_unknown());
}

TEST(Evaluate, Conditions) {
  Eval e(R"(Parameters:
  Env: {Type: String, Default: prod}
  Flag: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  FlagOn: !Equals [!Ref Flag, "true"]
  ProdAndFlag: !And [!Condition IsProd, !Condition FlagOn]
  DevAndFlag: !And [!Condition IsDev, !Condition FlagOn]
  ProdOrFlag: {"Fn::Or": [{Condition: IsProd}, {Condition: FlagOn}]}
  InRegion: !Equals [!Ref "AWS::Region", us-east-1]
  SelfA: !Condition SelfB
  SelfB: !Condition SelfA
Resources:
  Only:
    Type: AWS::S3::Bucket
    Condition: IsDev
Outputs:
  Pick: {Value: !If [IsProd, big, small]}
  Unknown: {Value: !If [FlagOn, a, b]}
  Same: {Value: !If [FlagOn, a, a]}
  Drop: {Value: [x, !If [IsProd, !Ref "AWS::NoValue", y]]}
  RefAbsent: {Value: !Ref Only}
)");
  EXPECT_EQ(e.evaluator().condition("IsProd"), Truth::True);
  EXPECT_EQ(e.evaluator().condition("IsDev"), Truth::False);
  EXPECT_EQ(e.evaluator().condition("FlagOn"), Truth::Unknown);
  EXPECT_EQ(e.evaluator().condition("ProdAndFlag"), Truth::Unknown);
  EXPECT_EQ(e.evaluator().condition("DevAndFlag"), Truth::False);
  EXPECT_EQ(e.evaluator().condition("ProdOrFlag"), Truth::True);
  EXPECT_EQ(e.evaluator().condition("InRegion"), Truth::Unknown);
  EXPECT_EQ(e.evaluator().condition("SelfA"), Truth::Unknown);
  EXPECT_EQ(e.evaluator().condition("Nope"), Truth::Unknown);
  EXPECT_EQ(e.text("Pick"), "big");
  EXPECT_TRUE(e.value("Unknown")->is_unknown());
  EXPECT_EQ(e.text("Same"), "a");
  EXPECT_EQ(e.text("Drop"), "[x]");
  EXPECT_FALSE(e.evaluator().resource_exists("Only"));
  // A Ref to a resource switched off by its condition is Unknown, not dangling.
  EXPECT_TRUE(e.value("RefAbsent")->is_unknown());
}

TEST(Evaluate, AvailabilityZonesAreDistinctUnknowns) {
  Eval e(R"(Resources: {}
Outputs:
  A: {Value: !Select [0, !GetAZs ""]}
  B: {Value: !Select [1, !GetAZs ""]}
  A2: {Value: {"Fn::Select": ["0", {"Fn::GetAZs": {Ref: "AWS::Region"}}]}}
  Import: {Value: !ImportValue shared-vpc}
  Dynamic: {Value: "{{resolve:secretsmanager:db:SecretString:password}}"}
  Cidrs: {Value: !Cidr [10.0.0.0/16, 3, 8]}
  Length: {Value: !Base64 "#!/bin/sh"}
)");
  std::optional<Value> a = e.value("A"), b = e.value("B"), a2 = e.value("A2");
  ASSERT_TRUE(a->is_unknown() && b->is_unknown() && a2->is_unknown());
  EXPECT_NE(*a->unknown_source(), *b->unknown_source());
  EXPECT_EQ(*a->unknown_source(), "!Select [0, !GetAZs '']");
  EXPECT_TRUE(e.value("Import")->is_unknown());
  EXPECT_TRUE(e.value("Dynamic")->is_unknown());
  EXPECT_EQ(e.text("Cidrs"), "[10.0.0.0/24, 10.0.1.0/24, 10.0.2.0/24]");
  EXPECT_EQ(e.text("Length"), "#!/bin/sh");
}

TEST(Evaluate, DeepNestingStaysBounded) {
  // Fn::If nested as deep as the loader allows evaluates normally.
  std::string nested = "\"x\"";
  for (int i = 0; i < 100; ++i) nested = "{\"Fn::If\": [\"C2990\", " + nested + ", \"y\"]}";
  // A chain of 3000 conditions, each naming the next, goes past the
  // evaluator's depth limit: Unknown, not a stack overflow.
  std::string chain;
  for (int i = 0; i < 3000; ++i) chain += "\"C" + std::to_string(i) + "\": {\"Condition\": \"C" + std::to_string(i + 1) + "\"}, ";
  chain += "\"C3000\": {\"Fn::Equals\": [\"a\", \"a\"]}";
  Eval e("{\"Conditions\": {" + chain + "}, \"Resources\": {}, \"Outputs\": {\"Nested\": {\"Value\": " + nested + "}}}");
  ASSERT_TRUE(e.diagnostics().empty());
  EXPECT_EQ(e.evaluator().condition("C2990"), Truth::True);
  EXPECT_EQ(e.evaluator().condition("C0"), Truth::Unknown);
  EXPECT_EQ(e.text("Nested"), "x");
}

TEST(Evaluate, TransformsDoNotBreakParsing) {
  Eval e(R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Code: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
  Fn::ForEach::Buckets:
    - Name
    - [a, b]
    - Bucket${Name}: {Type: AWS::S3::Bucket}
Outputs:
  Code: {Value: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}}
)");
  EXPECT_TRUE(e.diagnostics().empty());
  EXPECT_TRUE(e.value("Code")->is_unknown());
}

}  // namespace
}  // namespace kclint::cfn
