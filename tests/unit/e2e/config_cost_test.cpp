// End-to-end tests of the configuration's environments, cost policy and
// patterns, and of `kclint cost`.
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/unit/e2e/e2e.h"

namespace {

using namespace e2e;

// A small stack: a NAT gateway ($32.85), a Multi-AZ db.t4g.medium ($94.90), a
// Fargate service of 2 × 0.5 vCPU / 1 GB ($36.04), and a cache whose node
// type is a variable without a value.
const char* kStack = R"(variable "cache_type" {
  type = string
}

resource "aws_nat_gateway" "main" {
  subnet_id = "subnet-0123456789abcdef0"
}

resource "aws_db_instance" "app" {
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  multi_az       = true
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "512"
  memory                   = "1024"
  container_definitions    = jsonencode([{ name = "api", image = "nginx:1.27", user = "101" }])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2
  launch_type     = "FARGATE"
}

resource "aws_elasticache_cluster" "cache" {
  cluster_id      = "cache"
  engine          = "redis"
  node_type       = var.cache_type
  num_cache_nodes = 1
}
)";

struct ConfigCase {
  const char* config;
  const char* expected;  // in stderr
};

class ConfigErrors : public ::testing::TestWithParam<ConfigCase> {};

TEST_P(ConfigErrors, StopTheRunWithTheirPosition) {
  TempDir dir;
  dir.write("main.tf", kStack);
  dir.write(".kclint.yaml", GetParam().config);
  Outcome r = run_kclint({"."}, dir.path());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.err.find(GetParam().expected), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Keys, ConfigErrors,
    ::testing::Values(
        ConfigCase{"cost:\n  staging:\n    budgett: 10\n", ".kclint.yaml:3:5: unknown key 'cost.staging.budgett'"},
        ConfigCase{"cost:\n  staging:\n    budget: lots\n", ".kclint.yaml:3:13: 'cost.staging.budget' must be a number"},
        ConfigCase{"cost:\n  dev:\n    spot_share: 2\n", ".kclint.yaml:3:17: 'cost.dev.spot_share' must be between 0 and 1"},
        ConfigCase{"cost:\n  dev:\n    fargate_sizes: [512]\n", ".kclint.yaml:3:20: 'cost.dev.fargate_sizes' entries are CPU/MEMORY"},
        ConfigCase{"environments:\n  paths: [prod]\n", ".kclint.yaml:2:10: 'environments.paths' must be a mapping"},
        ConfigCase{"environments:\n  stages: {}\n", ".kclint.yaml:2:3: unknown key 'environments.stages'"},
        ConfigCase{"patterns:\n  deploy: ['(unclosed']\n", ".kclint.yaml:2:12: invalid regular expression in 'patterns.deploy'"},
        ConfigCase{"patterns:\n  release: []\n", ".kclint.yaml:2:3: unknown key 'patterns.release'"}));

TEST(Cost, PrintsATablePerEnvironmentWithTheTotal) {
  TempDir dir;
  dir.write("main.tf", kStack);
  Outcome r = run_kclint({"cost", "."}, dir.path());
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("us-east-1 on-demand list prices of 20"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("aws_nat_gateway.main"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RDS instance db.t4g.medium, Multi-AZ  main.tf:9"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("$94.90"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Fargate service, 2 × 0.5 vCPU / 1 GB"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unknown: node type var.cache_type is not known"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Total $163.79 + 1 item(s) of unknown size"), std::string::npos) << r.out;
}

TEST(Cost, JsonHasEveryItemAndMarksUnknownSizes) {
  TempDir dir;
  dir.write("main.tf", kStack);
  dir.write(".kclint.yaml", "cost:\n  default:\n    budget: 150\n");
  Outcome r = run_kclint({"cost", "--format", "json", "."}, dir.path());
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["region"], "us-east-1");
  ASSERT_EQ(doc["environments"].size(), 1u);
  const nlohmann::json& env = doc["environments"][0];
  EXPECT_TRUE(env["environment"].is_null());
  EXPECT_EQ(env["budget"], 150.0);
  EXPECT_DOUBLE_EQ(env["total"].get<double>(), 163.79);
  EXPECT_EQ(env["unpriced"], 1);
  ASSERT_EQ(env["items"].size(), 4u);
  const nlohmann::json& cache = env["items"][3];
  EXPECT_EQ(cache["address"], "aws_elasticache_cluster.cache");
  EXPECT_TRUE(cache["monthly"].is_null());
  EXPECT_EQ(cache["line"], 33);  // the node_type value
  EXPECT_DOUBLE_EQ(doc["total"].get<double>(), 163.79);
}

TEST(Cost, ABudgetBelowTheEstimateIsCOST006) {
  TempDir dir;
  dir.write("main.tf", kStack);
  dir.write(".kclint.yaml", "cost:\n  default:\n    budget: 150\n");
  Outcome r = run_kclint({"--select", "COST006", "."}, dir.path());
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("main.tf:9:1: error COST006 estimated monthly cost of the stack (environment unknown) is "
                       "$163.79, plus 1 item(s) of unknown size, over its budget of $150.00 (.kclint.yaml:3)"),
            std::string::npos)
      << r.out;
  dir.write(".kclint.yaml", "cost:\n  default:\n    budget: 200\n");
  EXPECT_EQ(run_kclint({"--select", "COST006", "."}, dir.path()).code, 0);
}

// COST003 speaks only of non-production services: it shows which environment
// kclint decided on.
const char* kSpotless = R"(variable "environment" {
  default = "dev"
}

resource "aws_ecs_service" "api" {
  name        = "api"
  launch_type = "FARGATE"
  tags        = { Stage = "prod" }
}
)";

TEST(Environments, FromAnEnvironmentVariable) {
  TempDir dir;
  dir.write("main.tf", kSpotless);
  Outcome r = run_kclint({"--select", "COST003", "--fail-on", "never", "."}, dir.path());
  EXPECT_NE(r.out.find("ECS service 'api' (dev) runs on Fargate"), std::string::npos) << r.out;
}

TEST(Environments, AConfiguredTagKeyNamingProductionWins) {
  TempDir dir;
  dir.write("main.tf", kSpotless);
  dir.write(".kclint.yaml", "environments:\n  tags: [Stage]\n");
  Outcome r = run_kclint({"--select", "COST003", "--fail-on", "never", "."}, dir.path());
  EXPECT_EQ(r.out.find("COST003"), std::string::npos) << r.out;
}

TEST(Environments, FromTheVarFileNameOrItsMapping) {
  TempDir dir;
  dir.write("main.tf", "variable \"size\" {}\n" + std::string(kSpotless).substr(std::string(kSpotless).find("resource")));
  dir.write("sizes/small.tfvars", "size = \"small\"\n");
  dir.write("sizes/staging.tfvars", "size = \"medium\"\n");
  Outcome by_name = run_kclint({"--select", "COST003", "--var-file", "sizes/staging.tfvars", "."}, dir.path());
  EXPECT_NE(by_name.out.find("(staging) runs on Fargate"), std::string::npos) << by_name.out;
  Outcome unknown = run_kclint({"--select", "COST003", "--var-file", "sizes/small.tfvars", "."}, dir.path());
  EXPECT_EQ(unknown.out.find("COST003"), std::string::npos) << unknown.out;
  dir.write(".kclint.yaml", "environments:\n  files: {\"sizes/small.tfvars\": sandbox}\n");
  Outcome mapped = run_kclint({"--select", "COST003", "--var-file", "sizes/small.tfvars", "."}, dir.path());
  EXPECT_NE(mapped.out.find("(sandbox) runs on Fargate"), std::string::npos) << mapped.out;
}

TEST(Environments, PathGlobsWinAndNameProduction) {
  TempDir dir;
  const char* nat = "resource \"aws_nat_gateway\" \"a\" {\n  subnet_id = \"subnet-a\"\n}\n\n"
                    "resource \"aws_nat_gateway\" \"b\" {\n  subnet_id = \"subnet-b\"\n}\n";
  dir.write("live/main.tf", nat);
  dir.write("qa/main.tf", std::string(nat));
  dir.write(".kclint.yaml", "environments:\n  production: [live]\n  paths: {\"live/**\": live, \"qa/**\": qa}\n");
  Outcome r = run_kclint({"--select", "COST007", "--fail-on", "never", "."}, dir.path());
  EXPECT_NE(r.out.find("qa/main.tf:5:1: note COST007 NAT gateway 'b' is one of 2 in non-production environment 'qa'"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("live/main.tf"), std::string::npos) << r.out;
}

TEST(Environments, CloudFormationIsEvaluatedOncePerConfiguredEnvironment) {
  TempDir dir;
  dir.write("template.yaml", R"(Parameters:
  MultiAz:
    Type: String
    Default: "false"
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      MultiAZ: !Ref MultiAz
)");
  dir.write("params/prod.json", R"({"MultiAz": "true"})");
  dir.write("params/staging.json", R"({"MultiAz": "false"})");
  dir.write(".kclint.yaml", "environments:\n  parameters:\n    prod: params/prod.json\n    staging: params/staging.json\n");
  Outcome r = run_kclint({"--select", "AZ001", "--format", "json", "."}, dir.path());
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["findings"].size(), 1u) << r.out;
  EXPECT_EQ(doc["findings"][0]["level"], "warning");
  EXPECT_EQ(doc["findings"][0]["location"]["line"], 11);

  // Production single-AZ: the same line, at error level.
  dir.write("params/prod.json", R"({"MultiAz": "false"})");
  doc = nlohmann::json::parse(run_kclint({"--select", "AZ001", "--format", "json", "."}, dir.path()).out);
  ASSERT_EQ(doc["findings"].size(), 2u);
  std::set<std::string> levels;
  for (const nlohmann::json& f : doc["findings"]) {
    levels.insert(f["level"].get<std::string>());
    EXPECT_EQ(f["location"]["line"], 11);
    if (f["level"] == "error") {
      EXPECT_NE(f["message"].get<std::string>().find("(production)"), std::string::npos);
    }
  }
  EXPECT_EQ(levels, (std::set<std::string>{"error", "warning"}));

  // What does not depend on the environment is reported once.
  dir.write("template.yaml", slurp(dir.path() / "template.yaml") + "  Logs:\n    Type: AWS::Logs::LogGroup\n");
  doc = nlohmann::json::parse(run_kclint({"--select", "COST002", "--format", "json", "."}, dir.path()).out);
  EXPECT_EQ(doc["findings"].size(), 1u);
}

// seed 003's medium size, priced at $200–400 a month, with the budget from the sample's configuration.
TEST(Samples, PocIdpMediumSizeIsOverItsBudget) {
  Outcome r = run_kclint({"--select", "COST006", "--var-file", "samples/poc-idp/tfvars-sample/example-medium-setup.tfvars",
                          "samples/poc-idp"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.out.find("samples/poc-idp/databases.tf:68:1: error COST006 estimated monthly cost of environment 'staging' "
                       "is $492.95, over its budget of $400.00 (samples/poc-idp/.kclint.yaml:"),
            std::string::npos)
      << r.out;
  Outcome large = run_kclint({"--select", "COST006", "--var-file",
                              "samples/poc-idp/tfvars-sample/example-large-setup.tfvars", "samples/poc-idp"});
  EXPECT_EQ(large.code, 0) << large.out;
}

}  // namespace
