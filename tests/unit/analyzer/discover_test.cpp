// Discovery: classification of every corpus file against the manifest's
// format, glob excludes, and name-based candidates.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analyzer/discover.h"

namespace kclint {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(KCLINT_SOURCE_ROOT) / ".." / "shared" / "corpus";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Classify, EveryCorpusFileGetsTheManifestFormat) {
  if (!fs::exists(kCorpus / "manifest.json")) GTEST_SKIP() << "../shared/corpus is absent: corpus classification skipped";
  const std::map<std::string, Format> expected = {
      {"terraform-hcl", Format::Terraform},
      {"terraform-tfvars", Format::TerraformVars},
      {"terraform-json", Format::TerraformJson},
      {"cloudformation-yaml", Format::CloudFormation},
      {"cloudformation-json", Format::CloudFormation},
      {"cloudformation-parameters-json", Format::CfnParameters},
      {"github-workflow", Format::Workflow},
      {"dockerfile", Format::Dockerfile},
      {"ecs-task-definition", Format::TaskDefinition},
      {"iam-policy-json", Format::IamPolicy},
      {"json-other", Format::Unknown},
      {"yaml-other", Format::Unknown},
      // A single container definition is not a task definition.
      {"ecs-container-definition", Format::Unknown},
  };
  auto manifest = nlohmann::json::parse(slurp(kCorpus / "manifest.json"));
  int checked = 0;
  for (const auto& f : manifest["files"]) {
    std::string format = f["format"];
    if (format == "license") continue;
    ASSERT_TRUE(expected.count(format)) << "new corpus format " << format;
    std::string path = f["path"];
    std::string rel = path.substr(path.find('/') + 1);  // drop the source folder
    EXPECT_TRUE(is_candidate(rel)) << path;
    EXPECT_EQ(to_string(classify(rel, slurp(kCorpus / path))), to_string(expected.at(format))) << path;
    ++checked;
  }
  EXPECT_GT(checked, 1500);
}

TEST(Classify, ByName) {
  EXPECT_EQ(classify("infra/main.tf", ""), Format::Terraform);
  EXPECT_EQ(classify("env/prod.tfvars", ""), Format::TerraformVars);
  EXPECT_EQ(classify("main.tf.json", ""), Format::TerraformJson);
  EXPECT_EQ(classify("Dockerfile", ""), Format::Dockerfile);
  EXPECT_EQ(classify("docker/api.Dockerfile", ""), Format::Dockerfile);
  EXPECT_EQ(classify("Dockerfile.prod", ""), Format::Dockerfile);
  EXPECT_EQ(classify("Containerfile", ""), Format::Dockerfile);
  EXPECT_EQ(classify("Dockerfile.dockerignore", ""), Format::Unknown);
  EXPECT_EQ(classify(".github/workflows/deploy.yml", ""), Format::Workflow);
  EXPECT_EQ(classify("sub/.github/workflows/ci.yaml", ""), Format::Workflow);
  EXPECT_EQ(classify(".github/actions/setup/action.yml", ""), Format::Action);
  EXPECT_EQ(classify("docs/workflows/deploy.yml", "name: x\n"), Format::Unknown);
  EXPECT_EQ(classify("appspec.yaml", "version: 0.0\nResources:\n  - Svc: {}\n"), Format::Unknown);
}

TEST(Classify, ByContent) {
  EXPECT_EQ(classify("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n"), Format::CloudFormation);
  EXPECT_EQ(classify("t.yml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"), Format::CloudFormation);
  EXPECT_EQ(classify("k8s.yaml", "kind: Deployment\nspec:\n  template: {}\n"), Format::Unknown);
  EXPECT_EQ(classify("t.template", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}"), Format::CloudFormation);
  EXPECT_EQ(classify("task.json", "{\"family\": \"web\", \"containerDefinitions\": []}"), Format::TaskDefinition);
  EXPECT_EQ(classify("p.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}"), Format::IamPolicy);
  EXPECT_EQ(classify("params.json", "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"}]"), Format::CfnParameters);
  EXPECT_EQ(classify("parameters/staging-params.json", "{\"Environment\": \"staging\"}"), Format::CfnParameters);
  EXPECT_EQ(classify("package.json", "{\"name\": \"app\"}"), Format::Unknown);
}

TEST(Glob, Patterns) {
  EXPECT_TRUE(glob_match("vendor", "vendor/x/main.tf"));
  EXPECT_TRUE(glob_match("vendor", "a/vendor/main.tf"));
  EXPECT_TRUE(glob_match("*.tfvars", "env/prod.tfvars"));
  EXPECT_TRUE(glob_match("examples/**", "examples/a/b/main.tf"));
  EXPECT_TRUE(glob_match("**/test/*.tf", "modules/x/test/main.tf"));
  EXPECT_TRUE(glob_match("**/test/*.tf", "test/main.tf"));
  EXPECT_TRUE(glob_match("modules/*/examples", "modules/rds/examples/main.tf"));
  EXPECT_FALSE(glob_match("modules/*/examples", "modules/rds/sub/examples/main.tf"));
  EXPECT_FALSE(glob_match("*.tf", "main.tf.json"));
  EXPECT_FALSE(glob_match("examples/**", "src/examples.tf"));
  EXPECT_TRUE(glob_match("./examples/", "examples/main.tf"));
}

TEST(Discover, SkipsToolDirectoriesAndExcludes) {
  fs::path dir = fs::temp_directory_path() / ("kclint-discover-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  for (const char* p : {"main.tf", ".git/x.tf", ".terraform/modules/m/main.tf", "node_modules/a/Dockerfile",
                        "vendor/v.tf", "app/Dockerfile", "README.md"}) {
    fs::create_directories((dir / p).parent_path());
    std::ofstream(dir / p) << "x";
  }
  Discovered d = discover(dir, {dir}, DiscoverOptions{{"vendor"}});
  std::vector<std::string> rel;
  for (const fs::path& f : d.files) rel.push_back(f.lexically_relative(dir).generic_string());
  EXPECT_EQ(rel, (std::vector<std::string>{"app/Dockerfile", "main.tf"}));
  fs::remove_all(dir);
}

// A document that does not load is classified by its text, so it gets KC000
// rather than being left out.
TEST(Classify, UnreadableDocumentsByTheirText) {
  EXPECT_EQ(classify("task.json", "{\"family\": \"api\", \"containerDefinitions\": [{\"name\": "), Format::TaskDefinition);
  EXPECT_EQ(classify("policy.json", "{\"Version\": \"2012-10-17\", \"Statement\": [{"), Format::IamPolicy);
  EXPECT_EQ(classify("t.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {"), Format::CloudFormation);
  EXPECT_EQ(classify("package.json", "{\"name\": \"x\", \"scripts\": {"), Format::Unknown);
}

// File links are discovered whatever they point at (the loader decides);
// directory links are never walked, so a loop cannot recur.
TEST(Discover, FileLinksAreCandidatesDirectoryLinksAreNotWalked) {
  fs::path dir = fs::temp_directory_path() / ("kclint-discover-links-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "app");
  std::ofstream(dir / "app" / "Dockerfile") << "FROM alpine\n";
  fs::create_directory_symlink(".", dir / "loop");
  fs::create_directory_symlink("..", dir / "app" / "up");
  fs::create_symlink("b.tf", dir / "a.tf");
  fs::create_symlink("a.tf", dir / "b.tf");
  fs::create_symlink("app/Dockerfile", dir / "Dockerfile.linked");
  fs::create_symlink("app", dir / "dir.tf");  // a link to a directory, named like a file
  Discovered d = discover(dir, {dir}, {});
  std::vector<std::string> rel;
  for (const fs::path& f : d.files) rel.push_back(f.lexically_relative(dir).generic_string());
  EXPECT_EQ(rel, (std::vector<std::string>{"Dockerfile.linked", "a.tf", "app/Dockerfile", "b.tf"}));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace kclint
