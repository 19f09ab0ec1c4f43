// Nested stacks at their limits: a template used twice, remote and missing
// templates, cycles, paths out of the project, and nesting depth.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/cfn/helpers.h"

namespace kclint::cfn {
namespace {

using namespace testing;

class Stacks : public ::testing::Test {
 protected:
  void SetUp() override { project = load("stacks"); }
  std::unique_ptr<Project> project;
  const Diagnostics& diags(std::string_view rel) { return project->file_by_rel_path(rel)->diagnostics; }
};

TEST_F(Stacks, TemplateUsedTwiceGivesTwoSetsOfResources) {
  const Resource* first = project->find("nested/child.yaml#Bucket");
  const Resource* second = project->find("nested/child.yaml#Bucket@Second");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*attr(first, "bucket")->string_value(), "bucket-one");
  EXPECT_EQ(*attr(second, "bucket")->string_value(), "bucket-two");
  // Outputs read through the second instance name its own resource.
  const Value* topic = attr(project->find("twice.yaml#Topic"), "properties");
  ASSERT_NE(topic, nullptr);
  const Value* name = topic->get("TopicName");
  ASSERT_TRUE(name && name->is_reference());
  EXPECT_EQ(name->reference_value()->target, "nested/child.yaml#Bucket@Second");
}

TEST_F(Stacks, RemoteAndMissingTemplatesStayUnknown) {
  EXPECT_TRUE(diags("twice.yaml").empty());
  const Value* display = attr(project->find("twice.yaml#Topic"), "properties")->get("DisplayName");
  ASSERT_TRUE(display && display->is_unknown());
  EXPECT_EQ(*display->unknown_source(), "!GetAtt Remote.Outputs.Name");
  EXPECT_NE(project->find("twice.yaml#Remote"), nullptr);
  EXPECT_NE(project->find("twice.yaml#Missing"), nullptr);
}

TEST_F(Stacks, CycleIsADiagnosticOnTheStackResource) {
  const Diagnostics& d = diags("nested/cycle-b.yaml");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].span, span_of(*project, "nested/cycle-b.yaml", "./cycle-a.yaml"));
  EXPECT_NE(d[0].message.find("cycle"), std::string::npos) << d[0].message;
  EXPECT_TRUE(diags("nested/cycle-a.yaml").empty());
  EXPECT_NE(project->find("nested/cycle-a.yaml#B"), nullptr);
  EXPECT_NE(project->find("nested/cycle-b.yaml#A"), nullptr);
}

TEST_F(Stacks, PathOutsideTheProjectIsRefused) {
  const Diagnostics& d = diags("escape.yaml");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].span, span_of(*project, "escape.yaml", "../../../../outside.yaml"));
  EXPECT_NE(d[0].message.find("outside the project root"), std::string::npos) << d[0].message;
}

TEST_F(Stacks, DepthIsCapped) {
  // d0 → d1 → … → d9: the eighth level (d7) may not load d8.
  const Diagnostics& d = diags("deep/d7.yaml");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("deeper than 8"), std::string::npos) << d[0].message;
  for (int i = 0; i < 7; ++i) EXPECT_TRUE(diags("deep/d" + std::to_string(i) + ".yaml").empty()) << i;
  // What was cut off is still lowered, on its own.
  EXPECT_NE(project->find("deep/d9.yaml#Leaf"), nullptr);
  EXPECT_EQ(project->of_kind(Kind::Other).size(), 2u);  // the SNS topic and the leaf queue
}

}  // namespace
}  // namespace kclint::cfn
