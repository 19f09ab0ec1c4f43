// A root template with two local nested stacks and parameter files: values
// flow parent → child through Parameters and child → sibling through Outputs,
// as References with the spans of where they are used.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/unit/cfn/helpers.h"

namespace kclint::cfn {
namespace {

using namespace testing;

constexpr std::string_view kMain = "infrastructure/templates/main.yaml";
constexpr std::string_view kNetwork = "infrastructure/templates/network.yaml";
constexpr std::string_view kApp = "infrastructure/templates/app.yaml";

std::string address(std::string_view file, std::string_view id) { return std::string(file) + "#" + std::string(id); }

bool has_edge(const Project& p, EdgeKind kind, std::string_view from, std::string_view to) {
  const Resource* a = p.find(from);
  const Resource* b = p.find(to);
  if (!a || !b) return false;
  for (const Edge* e : p.edges_from(p.id_of(*a), kind))
    if (e->to == p.id_of(*b)) return true;
  return false;
}

class Nested : public ::testing::Test {
 protected:
  void SetUp() override { project = load("nested", {"infrastructure/parameters/staging-params.json"}); }
  std::unique_ptr<Project> project;
};

TEST_F(Nested, LoadsWithoutDiagnostics) { EXPECT_EQ(diagnostics(*project), std::vector<std::string>{}); }

TEST_F(Nested, SecurityGroupIdFlowsFromChildOutputIntoSiblingIngressAsReference) {
  const Resource* ingress = project->find(address(kApp, "ServiceIngressFromAlb"));
  ASSERT_NE(ingress, nullptr);
  EXPECT_EQ(ingress->kind, Kind::SecurityGroupRule);
  ASSERT_EQ(ingress->sg_rules.size(), 1u);
  const SecurityGroupRule& rule = ingress->sg_rules[0];
  EXPECT_EQ(rule.direction, Direction::Ingress);
  ASSERT_TRUE(rule.peer_group.is_reference()) << rule.peer_group.describe();
  EXPECT_EQ(rule.peer_group.reference_value()->target, address(kNetwork, "AlbSecurityGroup"));
  EXPECT_EQ(rule.peer_group.reference_value()->attribute, "GroupId");
  // The reference resolves, to the security group defined in the sibling's template.
  const Resource* alb = project->find(rule.peer_group.reference_value()->target);
  ASSERT_NE(alb, nullptr);
  EXPECT_EQ(alb->kind, Kind::SecurityGroup);
  EXPECT_EQ(file_of(*project, alb->span), kNetwork);
  // The value points where the app template uses it.
  EXPECT_EQ(rule.peer_group.span(), span_of(*project, kApp, "!Ref AlbSecurityGroupId"));
  ASSERT_TRUE(rule.group.is_reference());
  EXPECT_EQ(rule.group.reference_value()->target, address(kApp, "ServiceSecurityGroup"));
  EXPECT_EQ(rule.from_port.as_number(), 4000);
  EXPECT_TRUE(has_edge(*project, EdgeKind::References, address(kApp, "ServiceIngressFromAlb"), address(kNetwork, "AlbSecurityGroup")));
}

TEST_F(Nested, ListParameterFromJoinKeepsReferences) {
  const Resource* service = project->find(address(kApp, "Service"));
  ASSERT_NE(service, nullptr);
  const Value* subnets = attr(service, "subnets");
  ASSERT_NE(subnets, nullptr);
  ASSERT_TRUE(subnets->is_list()) << subnets->describe();
  ASSERT_EQ(subnets->list_value()->size(), 2u);
  EXPECT_EQ((*subnets->list_value())[0].reference_value()->target, address(kNetwork, "SubnetA"));
  EXPECT_EQ((*subnets->list_value())[1].reference_value()->target, address(kNetwork, "SubnetB"));
  EXPECT_EQ(attr(service, "assign_public_ip")->as_bool(), false);
  const Value* task = attr(service, "task_definition");
  ASSERT_TRUE(task && task->is_reference());
  EXPECT_EQ(task->reference_value()->target, address(kApp, "TaskDefinition"));
  const Value* strategy = attr(service, "capacity_provider_strategy");
  ASSERT_TRUE(strategy && strategy->is_list());
  EXPECT_EQ(*(*strategy->list_value())[0].get("capacity_provider")->string_value(), "FARGATE_SPOT");
}

TEST_F(Nested, SubnetsGetDistinctUnknownAzsAndComputedCidrs) {
  const Resource* a = project->find(address(kNetwork, "SubnetA"));
  const Resource* b = project->find(address(kNetwork, "SubnetB"));
  ASSERT_TRUE(a && b);
  const Value* az_a = attr(a, "availability_zone");
  const Value* az_b = attr(b, "availability_zone");
  ASSERT_TRUE(az_a && az_a->is_unknown() && az_b && az_b->is_unknown());
  EXPECT_NE(*az_a->unknown_source(), *az_b->unknown_source());
  EXPECT_EQ(*attr(a, "cidr_block")->string_value(), "10.0.0.0/24");
  EXPECT_EQ(*attr(b, "cidr_block")->string_value(), "10.0.1.0/24");
}

TEST_F(Nested, ParameterFileSelectsEnvironmentAndCondition) {
  const Resource* db = project->find(address(kMain, "Database"));
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->kind, Kind::RdsInstance);
  EXPECT_EQ(db->environment, "staging");
  const Value* multi_az = attr(db, "multi_az");
  ASSERT_TRUE(multi_az && multi_az->is_bool());
  EXPECT_FALSE(*multi_az->as_bool());
  EXPECT_EQ(multi_az->span(), span_of(*project, kMain, "false"));
  EXPECT_EQ(*attr(db, "instance_class")->string_value(), "db.t4g.medium");
  // A password that comes through a parameter is not a literal, whatever the file gives it.
  const Value* password = attr(db, "password");
  ASSERT_TRUE(password && password->is_unknown());
  EXPECT_EQ(*password->unknown_source(), "!Ref DbPassword");
  // A group id read from the app stack's output.
  const Value* groups = attr(db, "vpc_security_group_ids");
  ASSERT_TRUE(groups && groups->is_list());
  EXPECT_EQ((*groups->list_value())[0].reference_value()->target, address(kApp, "DbSecurityGroup"));
  // Children inherit the environment.
  EXPECT_EQ(project->find(address(kNetwork, "Vpc"))->environment, "staging");
}

TEST_F(Nested, SubWithVariableMapAndContainers) {
  const Resource* logs = project->find(address(kApp, "LogGroup"));
  ASSERT_NE(logs, nullptr);
  EXPECT_EQ(logs->kind, Kind::LogGroup);
  EXPECT_EQ(*attr(logs, "name")->string_value(), "/ecs/isms-staging");
  EXPECT_EQ(attr(logs, "retention_in_days")->as_number(), 30);
  const Resource* task = project->find(address(kApp, "TaskDefinition"));
  ASSERT_NE(task, nullptr);
  EXPECT_EQ(*attr(task, "family")->string_value(), "isms-backend-staging");
  EXPECT_EQ(*attr(task, "cpu_architecture")->string_value(), "ARM64");
  ASSERT_EQ(task->containers.size(), 1u);
  const ContainerSpec& c = task->containers[0];
  EXPECT_EQ(c.name, "backend");
  EXPECT_TRUE(c.image.is_unknown());  // account and region are not known statically
  EXPECT_TRUE(c.user.is_null());
  ASSERT_EQ(c.ports.size(), 1u);
  EXPECT_EQ(c.ports[0].as_number(), 4000);
  ASSERT_EQ(c.environment.size(), 1u);
  EXPECT_EQ(c.environment[0].name, "NODE_ENV");
  EXPECT_EQ(c.environment[0].name_span, span_of(*project, kApp, "NODE_ENV"));
  ASSERT_EQ(c.secrets.size(), 1u);
  EXPECT_EQ(c.secrets[0].name, "DATABASE_URL");
}

TEST_F(Nested, StackResourcesLoadTheirChildrenOnce) {
  const Resource* stack = project->find(address(kMain, "NetworkStack"));
  ASSERT_NE(stack, nullptr);
  EXPECT_EQ(stack->kind, Kind::CfnStack);
  EXPECT_EQ(*attr(stack, "template_url")->string_value(), "./network.yaml");
  EXPECT_TRUE(has_edge(*project, EdgeKind::LoadsStack, address(kMain, "NetworkStack"), address(kNetwork, "AlbSecurityGroup")));
  EXPECT_TRUE(has_edge(*project, EdgeKind::LoadsStack, address(kMain, "AppStack"), address(kApp, "Service")));
  EXPECT_TRUE(has_edge(*project, EdgeKind::References, address(kMain, "AppStack"), address(kMain, "NetworkStack")));
  // The children are not roots of their own: each resource exists once.
  std::size_t vpcs = project->of_kind(Kind::Vpc).size();
  EXPECT_EQ(vpcs, 1u);
}

TEST_F(Nested, MetadataIsKept) {
  const Resource* db = project->find(address(kMain, "Database"));
  ASSERT_NE(db, nullptr);
  const Value* metadata = attr(db, "metadata");
  ASSERT_NE(metadata, nullptr);
  const Value* ignore = metadata->path({"kclint", "ignore"});
  ASSERT_TRUE(ignore && ignore->is_list());
  EXPECT_EQ(*(*ignore->list_value())[0].string_value(), "AZ001");
}

TEST(NestedEnvironments, ConditionSelectsMultiAzByEnvironment) {
  std::unique_ptr<Project> prod = load("nested", {"infrastructure/parameters/production-params.json"});
  const Resource* db = prod->find(address(kMain, "Database"));
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->environment, "prod");
  EXPECT_EQ(attr(db, "multi_az")->as_bool(), true);
  EXPECT_EQ(attr(db, "multi_az")->span(), span_of(*prod, kMain, "true", 1));  // the first "true" is NoEcho's
  EXPECT_EQ(*attr(db, "instance_class")->string_value(), "db.r6g.large");

  // No parameter file: Environment has no default, so the condition is Unknown.
  std::unique_ptr<Project> none = load("nested");
  const Resource* unknown_db = none->find(address(kMain, "Database"));
  ASSERT_NE(unknown_db, nullptr);
  EXPECT_EQ(unknown_db->environment, "");
  const Value* multi_az = attr(unknown_db, "multi_az");
  ASSERT_TRUE(multi_az && multi_az->is_unknown());
  EXPECT_EQ(*multi_az->unknown_source(), "!If [IsProduction, true, false]");
  EXPECT_EQ(multi_az->span(), span_of(*none, kMain, "!If [IsProduction, true, false]"));
  // The Sub in the child that uses Environment is Unknown too, with its own text.
  const Value* name = attr(none->find(address(kApp, "LogGroup")), "name");
  ASSERT_TRUE(name && name->is_unknown());
}

}  // namespace
}  // namespace kclint::cfn
