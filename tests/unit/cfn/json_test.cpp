// A JSON template (CRLF, tabs, non-ASCII text): lowered attributes point to
// the line and column where their values are written.
#include <gtest/gtest.h>

#include "tests/unit/cfn/helpers.h"

namespace kclint::cfn {
namespace {

using namespace testing;

class JsonTemplate : public ::testing::Test {
 protected:
  void SetUp() override { project = load("json"); }
  std::unique_ptr<Project> project;
};

TEST_F(JsonTemplate, LoadsWithoutDiagnostics) {
  EXPECT_EQ(project->file_by_rel_path("template.json")->format, Format::CloudFormation);
  EXPECT_EQ(diagnostics(*project), std::vector<std::string>{});
}

TEST_F(JsonTemplate, MultiAzPointsAtItsValue) {
  const Resource* db = project->find("template.json#Database");
  ASSERT_NE(db, nullptr);
  const Value* multi_az = attr(db, "multi_az");
  ASSERT_TRUE(multi_az && multi_az->is_bool());
  EXPECT_FALSE(*multi_az->as_bool());
  // Line 11: two tabs (columns 1-2), then `"Engine": "postgres", "DBName": "données", "MultiAZ": false,`;
  // columns count characters, so "é" is one.
  EXPECT_EQ(multi_az->span().line, 11u);
  EXPECT_EQ(multi_az->span().column, 57u);
  EXPECT_EQ(multi_az->span().end_column, 62u);
  EXPECT_EQ(multi_az->span(), span_of(*project, "template.json", "false"));
  EXPECT_EQ(file_of(*project, multi_az->span()), "template.json");
  // The resource spans its whole entry, key included.
  EXPECT_EQ(db->span.line, 8u);
  EXPECT_EQ(db->span.column, 5u);
  EXPECT_EQ(db->span.end_line, 15u);
}

TEST_F(JsonTemplate, ParameterValueTakesTheSpanOfItsUse) {
  const Value* cls = attr(project->find("template.json#Database"), "instance_class");
  ASSERT_TRUE(cls && cls->is_string());
  EXPECT_EQ(*cls->string_value(), "db.t4g.micro");
  EXPECT_EQ(cls->span(), span_of(*project, "template.json", R"({"Ref": "DbClass"})"));
}

TEST_F(JsonTemplate, ReferencesResolveOrDangle) {
  const Value* groups = attr(project->find("template.json#Database"), "vpc_security_group_ids");
  ASSERT_TRUE(groups && groups->is_list());
  ASSERT_EQ(groups->list_value()->size(), 2u);
  const Value& sg = (*groups->list_value())[0];
  ASSERT_TRUE(sg.is_reference());
  EXPECT_EQ(sg.reference_value()->target, "template.json#DbSecurityGroup");
  EXPECT_NE(project->find(sg.reference_value()->target), nullptr);
  // A Ref to a logical id the template does not define stays a (dangling) Reference.
  const Value& missing = (*groups->list_value())[1];
  ASSERT_TRUE(missing.is_reference());
  EXPECT_EQ(missing.reference_value()->target, "template.json#MissingGroup");
  EXPECT_EQ(project->find(missing.reference_value()->target), nullptr);
}

TEST_F(JsonTemplate, InlineSecurityGroupRule) {
  const Resource* sg = project->find("template.json#DbSecurityGroup");
  ASSERT_NE(sg, nullptr);
  ASSERT_EQ(sg->sg_rules.size(), 1u);
  const SecurityGroupRule& rule = sg->sg_rules[0];
  EXPECT_EQ(rule.from_port.as_number(), 5432);  // written as a string
  ASSERT_EQ(rule.cidr_v4.size(), 1u);
  EXPECT_EQ(*rule.cidr_v4[0].string_value(), "0.0.0.0/0");
  EXPECT_EQ(rule.cidr_v4[0].span(), span_of(*project, "template.json", R"("0.0.0.0/0")"));
  EXPECT_EQ(rule.group.reference_value()->target, "template.json#DbSecurityGroup");
  EXPECT_TRUE(rule.peer_group.is_null());
}

TEST_F(JsonTemplate, RolePoliciesAndManagedPolicyArns) {
  const Resource* role = project->find("template.json#DeployRole");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->kind, Kind::IamRole);
  ASSERT_EQ(role->policies.size(), 2u);
  const PolicyDocument& trust = role->policies[0];
  EXPECT_EQ(trust.role, PolicyRole::Trust);
  EXPECT_EQ(trust.attribute, "assume_role_policy");
  ASSERT_EQ(trust.statements.size(), 1u);
  ASSERT_EQ(trust.statements[0].principals.size(), 1u);
  EXPECT_EQ(trust.statements[0].principals[0].type, "Service");
  EXPECT_EQ(*trust.statements[0].principals[0].id.string_value(), "ecs-tasks.amazonaws.com");
  const PolicyDocument& inline_policy = role->policies[1];
  EXPECT_EQ(inline_policy.role, PolicyRole::Identity);
  EXPECT_EQ(inline_policy.attribute, "Policies[0]");
  ASSERT_EQ(inline_policy.statements.size(), 1u);  // a single statement map
  EXPECT_TRUE(inline_policy.statements[0].is_allow());
  ASSERT_EQ(inline_policy.statements[0].actions.size(), 1u);
  EXPECT_EQ(*inline_policy.statements[0].actions[0].string_value(), "*");
  EXPECT_EQ(inline_policy.statements[0].actions[0].span(), span_of(*project, "template.json", R"("*")"));
  // ${AWS::Partition} is the standard partition, so the ARN is concrete.
  const Value* arns = attr(role, "managed_policy_arns");
  ASSERT_TRUE(arns && arns->is_list());
  EXPECT_EQ(*(*arns->list_value())[0].string_value(), "arn:aws:iam::aws:policy/AdministratorAccess");
}

}  // namespace
}  // namespace kclint::cfn
