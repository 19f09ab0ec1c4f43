// Terraform lowering: kinds, canonical attributes, References, sub-models
// (policies, security-group rules, containers), count/for_each/dynamic and
// local modules, over tests/data/terraform.
#include <gtest/gtest.h>

#include "analyzer/engine.h"
#include "helpers.h"

namespace kclint::tf::testing {
namespace {

TEST(TfLower, BasicProjectHasNoDiagnostics) {
  auto p = load("basic");
  EXPECT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
}

TEST(TfLower, CountSubnetsWithAvailabilityZonesFromData) {
  auto p = load("basic");
  std::set<std::string> azs;
  for (int i = 0; i < 3; ++i) {
    std::string addr = "aws_subnet.private[" + std::to_string(i) + "]";
    const Resource* r = p->find(addr);
    ASSERT_TRUE(r) << addr;
    EXPECT_EQ(r->kind, Kind::Subnet);
    const Value* az = r->attr("availability_zone");
    ASSERT_TRUE(az && az->is_unknown());
    azs.insert(*az->unknown_source());
    EXPECT_EQ(text(r->attr("cidr_block")), "10.0." + std::to_string(i) + ".0/24");
    const Value::Ref* vpc = r->attr("vpc_id")->reference_value();
    ASSERT_TRUE(vpc);
    EXPECT_EQ(vpc->target, "aws_vpc.main");
  }
  EXPECT_EQ(azs.size(), 3u);
  EXPECT_FALSE(p->find("aws_subnet.private"));
  const Value* ids = attr(*p, "aws_db_subnet_group.db", "subnet_ids");
  ASSERT_TRUE(ids && ids->is_list());
  ASSERT_EQ(ids->list_value()->size(), 3u);
  EXPECT_EQ((*ids->list_value())[2].reference_value()->target, "aws_subnet.private[2]");
}

TEST(TfLower, ForEachRolesAndAttachmentReference) {
  auto p = load("basic");
  const Resource* ci = p->find("aws_iam_role.r[\"ci\"]");
  ASSERT_TRUE(ci);
  EXPECT_EQ(text(ci->attr("name")), "shop-ci");
  ASSERT_EQ(ci->policies.size(), 1u);
  EXPECT_EQ(ci->policies[0].role, PolicyRole::Trust);
  EXPECT_EQ(ci->policies[0].statements.size(), 1u);
  EXPECT_TRUE(p->find("aws_iam_role.r[\"deploy\"]"));
  const Resource* att = p->find("aws_iam_role_policy_attachment.admin");
  ASSERT_TRUE(att);
  EXPECT_EQ(att->kind, Kind::IamPolicyAttachment);
  EXPECT_EQ(att->attr("principal")->reference_value()->target, "aws_iam_role.r[\"ci\"]");
  EXPECT_EQ(text(att->attr("principal_kind")), "role");
}

TEST(TfLower, PoliciesInEveryForm) {
  auto p = load("basic");
  auto actions = [&](std::string_view addr) {
    const Resource* r = p->find(addr);
    EXPECT_TRUE(r) << addr;
    if (!r || r->policies.empty() || r->policies[0].statements.empty()) return std::string("<none>");
    std::string out;
    for (const Value& a : r->policies[0].statements[0].actions) out += a.describe() + ";";
    return out;
  };
  EXPECT_EQ(actions("aws_iam_policy.heredoc"), "s3:*;");
  EXPECT_EQ(actions("aws_iam_policy.from_file"), "iam:PassRole;");
  EXPECT_EQ(actions("aws_iam_policy.from_doc"), "*;");
  EXPECT_EQ(actions("data.aws_iam_policy_document.doc"), "*;");
  // The interpolated bucket ARN in the heredoc is a Reference again.
  const PolicyStatement& s = p->find("aws_iam_policy.heredoc")->policies[0].statements[0];
  ASSERT_EQ(s.resources.size(), 1u);
  ASSERT_TRUE(s.resources[0].is_reference());
  EXPECT_EQ(s.resources[0].reference_value()->target, "aws_s3_bucket.b");
  // Policy document blocks: principals and conditions.
  const Resource* doc = p->find("data.aws_iam_policy_document.doc");
  ASSERT_EQ(doc->policies[0].statements.size(), 2u);
  const PolicyStatement& oidc = doc->policies[0].statements[1];
  ASSERT_EQ(oidc.principals.size(), 1u);
  EXPECT_EQ(oidc.principals[0].type, "Federated");
  EXPECT_TRUE(oidc.conditions.path({"StringLike", "token.actions.githubusercontent.com:sub"}));
  EXPECT_EQ(doc->policies[0].role, PolicyRole::Trust);
}

TEST(TfLower, SecurityGroupRulesInAllThreeStyles) {
  auto p = load("basic");
  const Resource* db = p->find("aws_security_group.db");
  ASSERT_TRUE(db);
  ASSERT_EQ(db->sg_rules.size(), 1u);
  EXPECT_EQ(db->sg_rules[0].from_port.describe(), "5432");
  EXPECT_EQ(db->sg_rules[0].peer_group.reference_value()->target, "aws_security_group.app");
  EXPECT_EQ(db->sg_rules[0].group.reference_value()->target, "aws_security_group.db");
  const Resource* app = p->find("aws_security_group.app");
  ASSERT_EQ(app->sg_rules.size(), 2u);  // dynamic "ingress" over [80, 443]
  EXPECT_EQ(app->sg_rules[1].to_port.describe(), "443");
  EXPECT_EQ(app->sg_rules[1].cidr_v4[0].describe(), "0.0.0.0/0");
  const Resource* rule = p->find("aws_security_group_rule.extra");
  ASSERT_TRUE(rule && rule->sg_rules.size() == 1);
  EXPECT_EQ(rule->sg_rules[0].peer_group.reference_value()->target, "aws_security_group.missing");  // dangling kept
  const Resource* vpc_rule = p->find("aws_vpc_security_group_ingress_rule.https");
  ASSERT_TRUE(vpc_rule && vpc_rule->sg_rules.size() == 1);
  EXPECT_EQ(vpc_rule->sg_rules[0].cidr_v4[0].describe(), "0.0.0.0/0");
  EXPECT_EQ(vpc_rule->sg_rules[0].protocol.describe(), "tcp");
}

TEST(TfLower, RdsAttributesAndReferenceEdges) {
  auto p = load("basic");
  const Resource* db = p->find("aws_db_instance.db");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->kind, Kind::RdsInstance);
  EXPECT_EQ(text(db->attr("port")), "5432");
  EXPECT_EQ(text(db->attr("multi_az")), "true");  // env = "prod" from terraform.tfvars
  EXPECT_EQ(text(db->attr("password")), "hunter2hunter2");
  EXPECT_EQ(text(db->attr("storage_type")), "gp2");
  bool edge = false;
  for (const Edge* e : p->edges_from(p->id_of(*db), EdgeKind::References))
    edge = edge || p->resource(e->to).address == "aws_security_group.db";
  EXPECT_TRUE(edge);
}

TEST(TfLower, EcsServiceAndTaskDefinitions) {
  auto p = load("basic");
  const Resource* svc = p->find("aws_ecs_service.app");
  ASSERT_TRUE(svc);
  EXPECT_EQ(svc->attr("subnets")->list_value()->size(), 3u);
  EXPECT_EQ(text(svc->attr("assign_public_ip")), "false");
  EXPECT_EQ(text(svc->attr("desired_count")), "1");
  EXPECT_EQ(svc->attr("task_definition")->reference_value()->target, "aws_ecs_task_definition.app");
  EXPECT_EQ(text(svc->attr("capacity_provider_strategy")), "[{capacity_provider: FARGATE_SPOT, weight: 1}]");
  EXPECT_EQ(text(svc->attr("load_balancers")), "[{target_group: aws_lb_target_group.app.arn, container_name: web, container_port: 8080}]");
  const Resource* td = p->find("aws_ecs_task_definition.app");
  ASSERT_TRUE(td && td->containers.size() == 1);
  EXPECT_EQ(td->containers[0].name, "web");
  EXPECT_EQ(td->containers[0].user.describe(), "root");
  EXPECT_EQ(td->containers[0].ports[0].describe(), "8080");
  EXPECT_TRUE(td->attr("cpu_architecture")->is_null());
  EXPECT_EQ(td->attr("task_role")->reference_value()->target, "aws_iam_role.r[\"deploy\"]");
  const Resource* h = p->find("aws_ecs_task_definition.heredoc");
  ASSERT_TRUE(h && h->containers.size() == 1);
  EXPECT_EQ(h->containers[0].privileged.describe(), "true");
  EXPECT_EQ(text(h->attr("cpu_architecture")), "ARM64");
}

TEST(TfLower, ModuleTwoLevelsDeepWithPolicyFromTheCaller) {
  auto p = load("modules");
  EXPECT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  const Resource* pol = p->find("module.app.module.inner.aws_iam_policy.p");
  ASSERT_TRUE(pol);
  EXPECT_EQ(text(pol->attr("name")), "shop-task");
  ASSERT_EQ(pol->policies.size(), 1u);
  ASSERT_EQ(pol->policies[0].statements.size(), 1u);
  EXPECT_EQ(pol->policies[0].statements[0].actions[0].describe(), "secretsmanager:GetSecretValue");
  // The statement keeps the span where the caller wrote it.
  EXPECT_EQ(p->file(pol->policies[0].statements[0].span.file).rel_path, "main.tf");
  // Module outputs pass References through; registry modules are Unknown.
  const Value* sgs = attr(*p, "aws_db_instance.db", "vpc_security_group_ids");
  ASSERT_TRUE(sgs && sgs->list_value()->size() == 2);
  EXPECT_EQ((*sgs->list_value())[0].reference_value()->target, "module.app.aws_security_group.x");
  EXPECT_TRUE((*sgs->list_value())[1].is_unknown());
  EXPECT_FALSE(p->find("aws_security_group.x"));  // the module dir is not a root module
}

TEST(TfLower, ModuleCyclesAndEscapesAreDiagnostics) {
  auto p = load("modcycle");
  std::vector<std::string> diags = diagnostics(*p);
  std::string all;
  for (auto& d : diags) all += d + "\n";
  EXPECT_NE(all.find("m/main.tf:1:1: module.again"), std::string::npos) << all;
  EXPECT_NE(all.find("outside the project root"), std::string::npos) << all;
  EXPECT_TRUE(p->find("module.m.aws_s3_bucket.b"));
}

TEST(TfLower, MalformedFilesGiveKC000AndTheOthersLoad) {
  auto p = load("malformed");
  std::vector<std::string> diags = diagnostics(*p);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_NE(diags[0].find("badtemplate.tf:2:14:"), std::string::npos) << diags[0];
  EXPECT_NE(diags[1].find("unclosed.tf:1:32: unclosed block"), std::string::npos) << diags[1];
  EXPECT_TRUE(p->find("aws_s3_bucket.ok"));
  EXPECT_FALSE(p->find("aws_s3_bucket.bad"));
}

TEST(TfLower, UnknownCountAndDynamicStayUnknown) {
  auto p = load_inline({{"main.tf", "variable \"n\" {}\nvariable \"rules\" {}\n"
                                    "resource \"aws_subnet\" \"s\" {\n  count = var.n\n  cidr_block = cidrsubnet(\"10.0.0.0/16\", 8, count.index)\n}\n"
                                    "resource \"aws_security_group\" \"g\" {\n  dynamic \"ingress\" {\n    for_each = var.rules\n"
                                    "    content {\n      from_port = ingress.value.port\n    }\n  }\n}\n"}});
  EXPECT_TRUE(diagnostics(*p).empty());
  const Resource* s = p->find("aws_subnet.s");
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->attr("cidr_block")->is_unknown());
  const Resource* g = p->find("aws_security_group.g");
  ASSERT_TRUE(g && g->sg_rules.size() == 1);
  EXPECT_TRUE(g->sg_rules[0].from_port.is_unknown());
}

// A module repository: the top directory is the module its examples call, and
// each example is a root of its own. Every root's resources are kept, under
// addresses qualified with the root's directory, and each root is linted.
TEST(TfLower, SeveralRootModulesKeepTheirResources) {
  const std::string sg =
      "resource \"aws_security_group\" \"web\" {\n  ingress {\n    from_port   = 22\n"
      "    to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  }\n}\n";
  auto p = load_inline(
      {{"main.tf", "variable \"name\" {}\nresource \"aws_s3_bucket\" \"this\" {\n  bucket = var.name\n}\n"},
       {"examples/a/main.tf", sg + "module \"bucket\" {\n  source = \"../../\"\n  name = \"a\"\n}\n"},
       {"examples/b/main.tf",
        sg + "module \"bucket\" {\n  source = \"../..\"\n  name = \"b\"\n}\n"
             "resource \"aws_instance\" \"i\" {\n  vpc_security_group_ids = [aws_security_group.web.id]\n}\n"}});
  ASSERT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  const Resource* a = p->find("examples/a:aws_security_group.web");
  const Resource* b = p->find("examples/b:aws_security_group.web");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(p->file(a->file).rel_path, "examples/a/main.tf");
  EXPECT_EQ(p->file(b->file).rel_path, "examples/b/main.tf");
  EXPECT_FALSE(p->find("aws_security_group.web"));
  // The top directory is only called: a module, not a root.
  EXPECT_FALSE(p->find("aws_s3_bucket.this"));
  EXPECT_EQ(text(attr(*p, "examples/a:module.bucket.aws_s3_bucket.this", "bucket")), "a");
  EXPECT_EQ(text(attr(*p, "examples/b:module.bucket.aws_s3_bucket.this", "bucket")), "b");
  // References inside a root resolve within it.
  const Value* ids = attr(*p, "examples/b:aws_instance.i", "vpc_security_group_ids");
  ASSERT_TRUE(ids && ids->is_list() && ids->list_value()->size() == 1);
  EXPECT_EQ((*ids->list_value())[0].reference_value()->target, "examples/b:aws_security_group.web");
  EXPECT_FALSE(p->edges_from(p->id_of(*p->find("examples/b:aws_instance.i")), EdgeKind::References).empty());

  Selection only;
  only.select = {"SG001"};
  std::vector<std::string> where;
  for (const Finding& f : run_engine(*p, only, 1)) where.push_back(p->file(f.span.file).rel_path);
  std::sort(where.begin(), where.end());
  EXPECT_EQ(where, (std::vector<std::string>{"examples/a/main.tf", "examples/b/main.tf"}));
}

// aws_ecs_cluster_capacity_providers sets its cluster's capacity providers and
// default strategy: the cluster carries them, found by reference or by name.
TEST(TfLower, ClusterCapacityProvidersMergeIntoTheCluster) {
  auto p = load_inline({{"main.tf", R"(resource "aws_ecs_cluster" "main" {
  name = "app"
}
resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }
  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
  }
}
resource "aws_ecs_cluster" "other" {
  name = "other"
}
resource "aws_ecs_cluster_capacity_providers" "other" {
  cluster_name       = "other"
  capacity_providers = ["FARGATE"]
}
)"}});
  ASSERT_TRUE(diagnostics(*p).empty()) << diagnostics(*p)[0];
  const Resource* main = p->find("aws_ecs_cluster.main");
  ASSERT_TRUE(main);
  EXPECT_EQ(text(main->attr("capacity_providers")), "[FARGATE, FARGATE_SPOT]");
  const Value* strategy = main->attr("default_capacity_provider_strategy");
  ASSERT_TRUE(strategy && strategy->is_list() && strategy->list_value()->size() == 2);
  EXPECT_EQ(text((*strategy->list_value())[0].get("capacity_provider")), "FARGATE_SPOT");
  EXPECT_EQ(text((*strategy->list_value())[0].get("weight")), "3");
  EXPECT_EQ(text((*strategy->list_value())[1].get("base")), "1");
  EXPECT_EQ(strategy->span().line, 7u);  // points at the association's block
  const Resource* other = p->find("aws_ecs_cluster.other");
  ASSERT_TRUE(other);
  EXPECT_EQ(text(other->attr("capacity_providers")), "[FARGATE]");
  EXPECT_FALSE(other->attr("default_capacity_provider_strategy"));
}

}  // namespace
}  // namespace kclint::tf::testing
