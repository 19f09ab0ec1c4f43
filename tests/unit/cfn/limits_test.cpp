// CloudFormation evaluation under pathological input: the project's step
// budget charges copies of parameter values and nested stack loads; large
// templates are looked up through an index.
#include <gtest/gtest.h>

#include <unistd.h>

#include <map>

#include "helpers.h"

namespace kclint::cfn::testing {
namespace {

std::unique_ptr<Project> load_inline(const std::map<std::string, std::string>& files) {
  static int counter = 0;
  std::filesystem::path root = std::filesystem::temp_directory_path() /
                               ("kclint-cfn-limits-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(root);
  for (const auto& [rel, text] : files) {
    std::filesystem::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  Discovered found = discover(root, {root}, {});
  std::vector<std::string> paths;
  for (const auto& f : found.files) paths.push_back(f.string());
  auto p = load_project(root.string(), paths, {});
  std::filesystem::remove_all(root);
  return p;
}

bool has_diagnostic(const Project& p, std::string_view text) {
  for (const std::string& d : diagnostics(p))
    if (d.find(text) != std::string::npos) return true;
  return false;
}

std::string stack(std::string_view id, std::string_view url) {
  return "  " + std::string(id) + ":\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: " +
         std::string(url) + "\n";
}

TEST(CfnLimits, ListParameterReferencedManyTimesStopsAtTheBudget) {
  std::string items = "a";
  for (int i = 1; i < 100'000; ++i) items += ",a";
  std::string text = "AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  L:\n    Type: CommaDelimitedList\n"
                     "    Default: \"" + items + "\"\nResources:\n  B:\n    Type: AWS::EC2::Instance\n    Properties:\n"
                     "      X:\n";
  for (int i = 0; i < 5'000; ++i) text += "        - !Ref L\n";
  auto p = load_inline({{"template.yaml", text}});
  EXPECT_TRUE(has_diagnostic(*p, "CloudFormation evaluation stopped: more than 4000000 evaluation steps"));
  ASSERT_NE(p->find("template.yaml#B"), nullptr);
}

TEST(CfnLimits, NestedStackFanOutStopsAtTheBudget) {
  std::map<std::string, std::string> files;
  for (int level = 0; level < 5; ++level) {
    std::string text = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";
    for (int k = 0; k < 20 && level < 4; ++k)
      text += stack("S" + std::to_string(k), "./t" + std::to_string(level + 1) + ".yaml");
    files["t" + std::to_string(level) + ".yaml"] = text + "  B:\n    Type: AWS::S3::Bucket\n";
  }
  auto p = load_inline(files);
  EXPECT_TRUE(has_diagnostic(*p, "CloudFormation evaluation stopped"));
  EXPECT_LT(p->resource_count(), 20'000u);  // 400 stack loads at most
}

// Many resources referring to one another: looked up by index, all resolved.
TEST(CfnLimits, ManyResourcesResolveTheirReferences) {
  std::string text = "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n";
  for (int i = 0; i < 20'000; ++i)
    text += "  Sg" + std::to_string(i) + ":\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !Ref Sg" +
            std::to_string(i == 0 ? 0 : i - 1) + "\n";
  auto p = load_inline({{"template.yaml", text}});
  EXPECT_EQ(diagnostics(*p), std::vector<std::string>{});
  const Resource* last = p->find("template.yaml#Sg19999");
  ASSERT_NE(last, nullptr);
}

}  // namespace
}  // namespace kclint::cfn::testing
