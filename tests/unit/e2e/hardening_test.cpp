// Pathological input, end to end: each test writes one bad input next to a
// good Dockerfile with a known finding, runs the kclint binary and checks that
// the run ends normally, that the bad input is reported where it is, and that
// the good file's finding is still there. Limits: docs/limits.md. The time
// each case takes is measured by bench/pathological.sh, not here.
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/unit/e2e/e2e.h"

namespace {

using namespace e2e;

// The good file: CTR001 at line 1 and nothing else.
const char* kGoodPath = "good/Dockerfile";
const char* kGoodDockerfile = "FROM alpine:3.20\nRUN apk add curl\nHEALTHCHECK NONE\nCMD [\"sh\"]\n";

struct Finding {
  std::string rule, path, message;
  int line = 0;
};

struct Lint {
  Outcome outcome;
  std::vector<Finding> findings;

  // The first finding of `rule` in `path` (any file when empty) whose message contains `text`.
  const Finding* find(std::string_view rule, std::string_view path, std::string_view text = "") const {
    for (const Finding& f : findings)
      if (f.rule == rule && (path.empty() || f.path == path) && f.message.find(text) != std::string::npos) return &f;
    return nullptr;
  }
  std::string dump() const { return outcome.out + outcome.err; }
};

// A project with the good file; the test adds the bad input.
struct Project : TempDir {
  Project() { write(kGoodPath, kGoodDockerfile); }

  Lint lint() const {
    Lint r;
    r.outcome = run_kclint({".", "--format", "json"}, path());
    auto report = nlohmann::json::parse(r.outcome.out, nullptr, /*allow_exceptions=*/false);
    if (report.is_object())
      for (const auto& f : report["findings"])
        r.findings.push_back({f["rule"].get<std::string>(), f["location"]["path"].get<std::string>(),
                              f["message"].get<std::string>(), f["location"].value("line", 0)});
    return r;
  }
};

// The run ended normally (0 or 1: never a crash, a signal or a usage error),
// the good file's CTR001 is there, and `rule` is reported in `path` (any
// file when empty) at `line` (any line when 0) with a message containing `text`.
void expect_reported(const Lint& r, std::string_view rule, std::string_view path, int line, std::string_view text) {
  EXPECT_TRUE(r.outcome.code == 0 || r.outcome.code == 1) << "exit code " << r.outcome.code << "\n" << r.dump();
  const Finding* good = r.find("CTR001", kGoodPath);
  ASSERT_NE(good, nullptr) << "the good file's finding is lost\n" << r.dump();
  EXPECT_EQ(good->line, 1);
  const Finding* bad = r.find(rule, path, text);
  ASSERT_NE(bad, nullptr) << "no " << rule << " \"" << text << "\" in " << path << "\n" << r.dump();
  EXPECT_GE(bad->line, 1) << r.dump();
  if (line != 0) {
    EXPECT_EQ(bad->line, line) << bad->message;
  }
}

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A Terraform security group open to SSH: SG001 at the cidr_blocks line (6).
const char* kOpenSecurityGroup = R"(resource "aws_security_group" "ssh" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
)";

// --- File size ----------------------------------------------------------------

TEST(Limits, FileOverTheSizeCapIsRefused) {
  Project p;
  p.write("big/Dockerfile", "FROM alpine:3.20\n" + repeat("RUN echo 0123456789abcdef0123456789abcdef\n", 450'000));
  expect_reported(p.lint(), "KC000", "big/Dockerfile", 1, "over the 16 MiB limit; not analysed");
}

TEST(Limits, FiftyMegabyteTemplateIsRefusedWithoutBeingRead) {
  Project p;
  std::string text = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";
  const std::string bucket = "  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: logs\n";
  text.reserve(50u << 20);
  for (int i = 0; text.size() < (50u << 20); ++i) text += "  Bucket" + std::to_string(i) + bucket.substr(8);
  p.write("infra/template.yaml", text);
  text.clear();
  text.shrink_to_fit();
  expect_reported(p.lint(), "KC000", "infra/template.yaml", 1, "over the 16 MiB limit; not analysed");
}

// --- Nesting depth ------------------------------------------------------------

TEST(Limits, DeeplyNestedHclIsRefused) {
  Project p;
  p.write("main.tf", "locals {\n  x = " + repeat("[", 100'000) + repeat("]", 100'000) + "\n}\n");
  expect_reported(p.lint(), "KC000", "main.tf", 2, "nesting too deep: more than 256 levels");
}

TEST(Limits, LongHclOperatorChainIsRefused) {
  Project p;
  p.write("main.tf", "locals {\n  x = 1" + repeat(" + 1", 200'000) + "\n}\n");
  expect_reported(p.lint(), "KC000", "main.tf", 2, "expression nested too deep");
}

TEST(Limits, DeeplyNestedYamlTemplateIsRefused) {
  Project p;
  p.write("template.yaml",
          "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
          "      X: " + repeat("[", 100'000) + repeat("]", 100'000) + "\n");
  expect_reported(p.lint(), "KC000", "template.yaml", 6, "YAML nesting depth exceeds 256");
}

TEST(Limits, DeeplyIndentedWorkflowIsRefused) {
  Project p;
  std::string text = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        with:\n";
  for (int i = 0; i < 400; ++i) text += std::string(10 + 2 * i, ' ') + "k:\n";
  p.write(".github/workflows/deep.yml", text + std::string(900, ' ') + "v\n");
  expect_reported(p.lint(), "KC000", ".github/workflows/deep.yml", 0, "YAML nesting depth exceeds 256");
}

TEST(Limits, DeeplyNestedJsonTaskDefinitionIsRefused) {
  Project p;
  p.write("task.json", "{\"family\": \"api\", \"containerDefinitions\": [" + repeat("[", 50'000) +
                           repeat("]", 50'000) + "]}\n");
  expect_reported(p.lint(), "KC000", "task.json", 1, "JSON nesting depth exceeds 256");
}

// --- YAML aliases ("billion laughs") ----------------------------------------------

// Ten levels of nine aliases each: 9^10 values if expanded.
std::string laughs(std::string_view indent, std::string_view first) {
  std::string out = std::string(indent) + "l0: &l0 " + std::string(first) + "\n";
  for (int i = 1; i < 10; ++i) {
    out += std::string(indent) + "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) out += (j ? ",*l" : "*l") + std::to_string(i - 1);
    out += "]\n";
  }
  return out;
}

TEST(Limits, BillionLaughsInATemplateIsCapped) {
  Project p;
  p.write("template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nMappings:\n  M:\n" +
                               laughs("    ", "[lol, lol, lol, lol, lol, lol, lol, lol, lol]") +
                               "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  expect_reported(p.lint(), "KC000", "template.yaml", 0, "YAML alias expansion exceeds");
}

// Few values, but each alias copies a 1 MB string: capped by bytes.
TEST(Limits, AliasesOfALongStringAreCappedByBytes) {
  Project p;
  p.write(".github/workflows/ci.yml", "on: push\nenv:\n" + laughs("  ", "\"" + std::string(1u << 20, 'x') + "\"") +
                                          "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
  expect_reported(p.lint(), "KC000", ".github/workflows/ci.yml", 0, "YAML alias expansion exceeds 16777216 bytes");
}

// --- Template and heredoc sizes -------------------------------------------------

TEST(Limits, HeredocTemplateOverTheSizeCapIsUnknown) {
  Project p;
  p.write("main.tf", "locals {\n  mb = \"" + std::string(1u << 20, 'x') + "\"\n}\n" +
                         "resource \"aws_iam_policy\" \"p\" {\n  policy = <<EOT\n" + repeat("${local.mb}\n", 20) +
                         "EOT\n}\n");
  expect_reported(p.lint(), "KC000", "main.tf", 5, "template result larger than 16 MiB; kept as Unknown");
}

TEST(Limits, TemplatefileOverTheReadCapIsNotRead) {
  Project p;
  p.write("main.tf", "resource \"aws_iam_policy\" \"p\" {\n  policy = templatefile(\"${path.module}/big.tpl\", {})\n}\n");
  p.write("big.tpl", repeat("${x} ", 1'000'000));
  expect_reported(p.lint(), "KC000", "main.tf", 2, "\"big.tpl\" is larger than 4 MiB: not read");
}

TEST(Limits, OverlongDockerfileInstructionIsSkipped) {
  Project p;
  p.write("app/Dockerfile", "FROM alpine:3.20\nRUN echo " + std::string(3u << 20, 'a') + "\nUSER app\n");
  expect_reported(p.lint(), "KC000", "app/Dockerfile", 2, "instruction is longer than 1 MiB; skipped");
}

// --- Module and nested-stack recursion ----------------------------------------------

TEST(Recursion, TerraformModuleThatCallsItself) {
  Project p;
  p.write("main.tf", std::string("module \"me\" {\n  source = \"./\"\n}\n") + kOpenSecurityGroup);
  Lint r = p.lint();
  expect_reported(r, "KC000", "main.tf", 1, "module source \"./\" calls itself");
  EXPECT_NE(r.find("SG001", "main.tf"), nullptr) << r.dump();
}

// No root module: a calls b, b calls a. Both are still evaluated.
TEST(Recursion, TerraformModulesThatCallEachOther) {
  Project p;
  p.write("a/main.tf", std::string("module \"b\" {\n  source = \"../b\"\n}\n") + kOpenSecurityGroup);
  p.write("b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  Lint r = p.lint();
  expect_reported(r, "KC000", "b/main.tf", 1, "module source \"../a\" calls itself (a cycle of module calls)");
  EXPECT_NE(r.find("SG001", "a/main.tf"), nullptr) << r.dump();
}

TEST(Recursion, TerraformModulesNestedDeeperThanTheCap) {
  Project p;
  p.write("main.tf", "module \"m\" {\n  source = \"./m0\"\n}\n");
  for (int i = 0; i < 20; ++i)
    p.write("m" + std::to_string(i) + "/main.tf", "module \"m\" {\n  source = \"../m" + std::to_string(i + 1) + "\"\n}\n");
  expect_reported(p.lint(), "KC000", "m15/main.tf", 1, "modules nested deeper than 16 are not evaluated");
}

const char* kTemplateHead = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";

std::string stack(std::string_view id, std::string_view url) {
  return "  " + std::string(id) + ":\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: " +
         std::string(url) + "\n";
}

TEST(Recursion, CfnStackThatLoadsItself) {
  Project p;
  p.write("template.yaml", kTemplateHead + stack("Self", "./template.yaml"));
  expect_reported(p.lint(), "KC000", "template.yaml", 6, "nested stack cycle: template.yaml → template.yaml");
}

TEST(Recursion, CfnChildThatLoadsItsParent) {
  Project p;
  p.write("parent.yaml", kTemplateHead + stack("Child", "./nested/child.yaml"));
  p.write("nested/child.yaml", kTemplateHead + stack("Parent", "../parent.yaml"));
  expect_reported(p.lint(), "KC000", "parent.yaml", 6, "nested stack cycle");
}

TEST(Recursion, CfnStacksNestedDeeperThanTheCap) {
  Project p;
  for (int i = 0; i < 12; ++i)
    p.write("t" + std::to_string(i) + ".yaml", kTemplateHead + stack("Next", "./t" + std::to_string(i + 1) + ".yaml"));
  expect_reported(p.lint(), "KC000", "t7.yaml", 6, "nested stacks deeper than 8 levels; \"t8.yaml\" not loaded");
}

// --- Paths out of the project root ----------------------------------------------------

TEST(Escapes, TerraformModuleSourceAboveTheRoot) {
  Project p;
  p.write("infra/main.tf", "module \"up\" {\n  source = \"../../..\"\n}\n");
  expect_reported(p.lint(), "KC000", "infra/main.tf", 2, "module source \"../../..\" is outside the project root");
}

TEST(Escapes, CfnTemplateUrlAboveTheRoot) {
  Project p;
  p.write("stacks/template.yaml", kTemplateHead + stack("Up", "../../../../etc/template.yaml"));
  expect_reported(p.lint(), "KC000", "stacks/template.yaml", 6, "points outside the project root; not loaded");
}

TEST(Escapes, SymlinksOutOfTheRootAreReportedNotFollowed) {
  Project p;
  TempDir outside;
  outside.write("Dockerfile", "FROM alpine\nENV DB_PASSWORD=hunter2\n");
  fs::create_symlink(outside.path() / "Dockerfile", p.path() / "Dockerfile.linked");
  fs::create_directory_symlink(outside.path(), p.path() / "linked-dir");
  Lint r = p.lint();
  expect_reported(r, "KC000", "Dockerfile.linked", 1, "symbolic link to a file outside the project root; not followed");
  for (const Finding& f : r.findings) EXPECT_TRUE(f.rule == "KC000" || f.path == kGoodPath) << r.dump();
}

TEST(Escapes, SymlinkLoopsAreReportedAndDirectoryLoopsNotWalked) {
  Project p;
  fs::create_directory_symlink(".", p.path() / "loop");
  fs::create_directory_symlink("..", p.path() / "good" / "up");
  fs::create_symlink("b.tf", p.path() / "a.tf");
  fs::create_symlink("a.tf", p.path() / "b.tf");
  Lint r = p.lint();
  expect_reported(r, "KC000", "a.tf", 1, "symbolic link cannot be resolved");
  expect_reported(r, "KC000", "b.tf", 1, "symbolic link cannot be resolved");
  EXPECT_EQ(r.findings.size(), 3u) << "the good file is read once\n" << r.dump();
}

// --- Evaluation budget --------------------------------------------------------------

// Each local doubles the last: 2^40 values if copied out.
TEST(Budget, TerraformLocalsThatDoubleAList) {
  Project p;
  std::string text = "locals {\n  l0 = [\"a\", \"b\"]\n";
  for (int i = 1; i <= 40; ++i)
    text += "  l" + std::to_string(i) + " = [local.l" + std::to_string(i - 1) + ", local.l" + std::to_string(i - 1) + "]\n";
  p.write("main.tf", text + "}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = jsonencode(local.l40)\n}\n" +
                         kOpenSecurityGroup);
  Lint r = p.lint();
  expect_reported(r, "KC000", "main.tf", 0, "Terraform evaluation stopped: more than 1000000 evaluation steps");
  // Resources are still lowered, their values Unknown from there on.
  EXPECT_NE(r.find("SG007", "main.tf", "'ssh'"), nullptr) << r.dump();
}

// 4096 instances of 4096 instances of 4096 resources.
TEST(Budget, TerraformNestedCountExplosion) {
  Project p;
  p.write("main.tf", "module \"m\" {\n  source = \"./m1\"\n  count  = 4096\n}\n");
  p.write("m1/main.tf", "module \"m\" {\n  source = \"../m2\"\n  count  = 4096\n}\n");
  p.write("m2/main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  count  = 4096\n  bucket = \"b${count.index}\"\n}\n");
  expect_reported(p.lint(), "KC000", "", 0, "Terraform evaluation stopped");
}

TEST(Budget, TerraformForEachOverAForExpressionExplosion) {
  Project p;
  p.write("main.tf", R"(locals {
  keys = [for i in range(1000) : [for j in range(1000) : [for k in range(1000) : "${i}-${j}-${k}"]]]
}
resource "aws_s3_bucket" "b" {
  for_each = toset(flatten(local.keys))
  bucket   = each.key
}
)");
  expect_reported(p.lint(), "KC000", "main.tf", 0, "Terraform evaluation stopped");
}

// A 200,000-item list parameter referenced 20,000 times.
TEST(Budget, CfnListParameterReferencedManyTimes) {
  Project p;
  std::string items = "sg-1";
  for (int i = 1; i < 200'000; ++i) items += ",sg-1";
  p.write("template.yaml", "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  L:\n    Type: CommaDelimitedList\n"
                           "    Default: \"" + items + "\"\nResources:\n  B:\n    Type: AWS::EC2::Instance\n"
                           "    Properties:\n      X:\n" + repeat("        - !Ref L\n", 20'000));
  expect_reported(p.lint(), "KC000", "template.yaml", 0, "CloudFormation evaluation stopped");
}

// Every template loads the next one 20 times: 20^5 stacks.
TEST(Budget, CfnNestedStackFanOut) {
  Project p;
  for (int level = 0; level < 6; ++level) {
    std::string text = kTemplateHead;
    for (int k = 0; k < 20 && level < 5; ++k)
      text += stack("S" + std::to_string(k), "./t" + std::to_string(level + 1) + ".yaml");
    p.write("t" + std::to_string(level) + ".yaml", text + "  B:\n    Type: AWS::S3::Bucket\n");
  }
  expect_reported(p.lint(), "KC000", "", 0, "CloudFormation evaluation stopped");
}

// Each condition uses the previous one twice: 2^100 evaluations unless each
// condition is evaluated once. They are, and decide which group exists.
TEST(Budget, CfnConditionsThatDoubleAreEvaluatedOnce) {
  Project p;
  std::string text = "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Env:\n    Type: String\n"
                     "    Default: prod\nConditions:\n  On0: !Equals [!Ref Env, prod]\n  Off0: !Equals [!Ref Env, dev]\n";
  for (const char* c : {"On", "Off"})
    for (int i = 1; i <= 100; ++i) {
      std::string prev = std::string(c) + std::to_string(i - 1);
      text += "  " + std::string(c) + std::to_string(i) + ": !And [!Condition " + prev + ", !Or [!Condition " + prev +
              ", !Condition " + prev + "]]\n";
    }
  auto group = [](std::string_view id, std::string_view condition) {
    return "  " + std::string(id) + ":\n    Type: AWS::EC2::SecurityGroup\n    Condition: " + std::string(condition) +
           "\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n"
           "          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n";
  };
  p.write("template.yaml", text + "Resources:\n" + group("SgOn", "On100") + group("SgOff", "Off100"));
  Lint r = p.lint();
  expect_reported(r, "SG001", "template.yaml", 0, "security group 'SgOn' admits port 22");
  EXPECT_EQ(r.find("SG001", "template.yaml", "'SgOff'"), nullptr) << r.dump();
}

// --- Encoding and binary files ------------------------------------------------------

TEST(Encoding, InvalidUtf8IsReportedAtTheFirstBadByte) {
  Project p;
  p.write("main.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"caf\xe9\"\n}\n");
  p.write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: \"\xff\xfe\"\n");
  p.write("template.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n \"Resources\": {\"B\": {\"Type\": "
                           "\"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": \"\xc3\x28\"}}}}\n");
  Lint r = p.lint();
  expect_reported(r, "KC000", "main.tf", 2, "invalid UTF-8; file not analysed");
  expect_reported(r, "KC000", ".github/workflows/ci.yml", 4, "invalid UTF-8");
  expect_reported(r, "KC000", "template.json", 2, "invalid UTF-8");
}

TEST(Encoding, BinaryFilesAreRefused) {
  Project p;
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919) % 256);
  p.write("main.tf", noise);
  p.write("task.json", std::string("{\"family\": \"x\", \"containerDefinitions\": [") + '\0' + "\x01]}");
  Lint r = p.lint();
  expect_reported(r, "KC000", "main.tf", 1, "binary file (contains NUL bytes); not analysed");
  expect_reported(r, "KC000", "task.json", 1, "binary file (contains NUL bytes); not analysed");
}

}  // namespace
