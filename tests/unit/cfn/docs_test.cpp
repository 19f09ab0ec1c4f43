// docs/formats.md shows the CloudFormation type table as the code has it.
#include <gtest/gtest.h>

#include <string>

#include "analyzer/lower/cfn/types.h"
#include "tests/unit/cfn/helpers.h"

namespace kclint::cfn {
namespace {

std::string_view model_name(Model m) {
  switch (m) {
    case Model::None: return "";
    case Model::SecurityGroup: return "sg_rules from SecurityGroupIngress/SecurityGroupEgress";
    case Model::IngressRule: return "sg_rules[0] (ingress), group";
    case Model::EgressRule: return "sg_rules[0] (egress), group";
    case Model::Role: return "policies: AssumeRolePolicyDocument (Trust), Policies[N] (Identity)";
    case Model::Policy: return "policies[0]: PolicyDocument (Identity); principals from Roles/Users/Groups";
    case Model::Principal: return "policies: Policies[N] (Identity)";
    case Model::BucketPolicy: return "policies[0]: PolicyDocument (Resource)";
    case Model::KmsKey: return "policies[0]: KeyPolicy (Resource)";
    case Model::EcrRepository: return "RepositoryPolicyText → an aws.ecr.repository_policy resource";
    case Model::TaskDefinition: return "containers from ContainerDefinitions";
  }
  return "";
}

std::string_view conv_note(Conv c) {
  switch (c) {
    case Conv::Copy: return "";
    case Conv::LiteralOnly: return " (literal only)";
    case Conv::EnabledFlag: return " (ENABLED → true)";
    case Conv::SchemeInternal: return " (internal → true)";
    case Conv::CapacityProviderStrategy: return " (list of {capacity_provider, weight, base})";
    case Conv::EcsLoadBalancers: return " (list of {target_group, container_name, container_port})";
    case Conv::SubnetMappings: return " (the SubnetIds)";
    case Conv::DefaultTargetGroup: return " (target group of the first forward action)";
  }
  return "";
}

// The table row docs/formats.md must have for a type.
std::string row(const TypeMapping& t) {
  std::string attrs;
  for (const PropertyMapping& p : t.properties) {
    if (!attrs.empty()) attrs += ", ";
    attrs += "`" + std::string(p.property) + "` → `" + std::string(p.attribute) + "`";
    attrs += conv_note(p.conv);
    if (p.null_when_unset) attrs += " (Null when unset)";
  }
  std::string model(model_name(t.model));
  if (!model.empty()) attrs += (attrs.empty() ? "" : "; ") + model;
  return "| `" + std::string(t.type) + "` | `" + std::string(to_string(t.kind)) + "` | " + attrs + " |";
}

TEST(CfnDocs, FormatsMdHasTheTypeTable) {
  std::string doc = testing::read_text(std::filesystem::path(KCLINT_SOURCE_ROOT) / "docs" / "formats.md");
  ASSERT_FALSE(doc.empty()) << "docs/formats.md is missing";
  for (const TypeMapping& t : type_table()) EXPECT_NE(doc.find(row(t)), std::string::npos) << "docs/formats.md lacks the row\n" << row(t);
}

}  // namespace
}  // namespace kclint::cfn
