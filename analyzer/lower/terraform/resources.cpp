// The Terraform type table and the lowering of one evaluated resource instance
// into IR resources, with the same canonical attributes as the CloudFormation
// lowering. Keep the table in step with docs/formats.md.
#include "analyzer/lower/terraform/resources.h"

#include <fmt/format.h>

#include "analyzer/lower/policy_json.h"
#include "parsers/json/json.h"

namespace kclint::tf {

namespace {

using C = Conv;

std::vector<TypeMapping> build_table() {
  const std::vector<AttrMapping> rds_instance = {
      {"engine", "engine"},
      {"engine_version", "engine_version"},
      {"instance_class", "instance_class"},
      {"multi_az", "multi_az"},
      {"port", "port"},
      {"storage_type", "storage_type"},
      {"allocated_storage", "allocated_storage"},
      {"vpc_security_group_ids", "vpc_security_group_ids"},
      {"db_subnet_group_name", "db_subnet_group_name"},
      {"publicly_accessible", "publicly_accessible"},
      {"password", "password", C::LiteralOnly}};
  const std::vector<AttrMapping> lb = {{"load_balancer_type", "load_balancer_type"},
                                       {"internal", "internal"},
                                       {"subnets", "subnets"},
                                       {"subnets", "subnet_mapping", C::SubnetMappings},
                                       {"security_groups", "security_groups"}};
  const std::vector<AttrMapping> tg = {{"port", "port"}, {"protocol", "protocol"}, {"target_type", "target_type"}};
  const std::vector<AttrMapping> listener = {{"load_balancer", "load_balancer_arn"},
                                             {"port", "port"},
                                             {"protocol", "protocol"},
                                             {"default_target_group", "default_action", C::DefaultTargetGroup}};
  const std::vector<AttrMapping> attachment = {{"policy_arn", "policy_arn"}};
  return {
      // IAM
      {"aws_iam_role", Kind::IamRole, {{"name", "name"}, {"managed_policy_arns", "managed_policy_arns"}}, Model::Role},
      {"aws_iam_policy", Kind::IamPolicy, {{"name", "name"}}, Model::Policy},
      {"aws_iam_role_policy", Kind::IamPolicy, {{"name", "name"}}, Model::Policy},
      {"aws_iam_user_policy", Kind::IamPolicy, {{"name", "name"}}, Model::Policy},
      {"aws_iam_group_policy", Kind::IamPolicy, {{"name", "name"}}, Model::Policy},
      {"aws_iam_role_policy_attachment", Kind::IamPolicyAttachment, attachment, Model::Attachment},
      {"aws_iam_user_policy_attachment", Kind::IamPolicyAttachment, attachment, Model::Attachment},
      {"aws_iam_group_policy_attachment", Kind::IamPolicyAttachment, attachment, Model::Attachment},
      {"aws_iam_policy_attachment", Kind::IamPolicyAttachment, attachment, Model::Attachment},
      {"aws_iam_user", Kind::IamUser, {{"name", "name"}, {"managed_policy_arns", "managed_policy_arns"}}},
      {"aws_iam_group", Kind::IamGroup, {{"name", "name"}, {"managed_policy_arns", "managed_policy_arns"}}},
      {"aws_iam_access_key", Kind::IamAccessKey, {{"user", "user"}}},
      // Storage, secrets, keys
      {"aws_s3_bucket", Kind::S3Bucket, {{"bucket", "bucket"}}},
      {"aws_s3_bucket_policy", Kind::S3BucketPolicy, {{"bucket", "bucket"}}, Model::ResourcePolicy},
      {"aws_kms_key", Kind::KmsKey, {}, Model::ResourcePolicy},
      {"aws_secretsmanager_secret", Kind::SecretsManagerSecret, {{"name", "name"}}},
      {"aws_ecr_repository", Kind::EcrRepository,
       {{"name", "name"}, {"image_tag_mutability", "image_tag_mutability"}, {"lifecycle_policy", "\x01", C::Copy, true}}},
      {"aws_ecr_lifecycle_policy", Kind::EcrLifecyclePolicy, {{"repository", "repository"}, {"policy", "policy"}}},
      {"aws_ecr_repository_policy", Kind::EcrRepositoryPolicy, {{"repository", "repository"}}, Model::ResourcePolicy},
      // Network
      {"aws_vpc", Kind::Vpc, {{"cidr_block", "cidr_block"}}},
      {"aws_subnet", Kind::Subnet,
       {{"vpc_id", "vpc_id"},
        {"cidr_block", "cidr_block"},
        {"availability_zone", "availability_zone"},
        {"map_public_ip_on_launch", "map_public_ip_on_launch"}}},
      {"aws_nat_gateway", Kind::NatGateway,
       {{"subnet_id", "subnet_id"}, {"allocation_id", "allocation_id"}, {"connectivity_type", "connectivity_type"}}},
      {"aws_route_table", Kind::RouteTable, {{"vpc_id", "vpc_id"}, {"routes", "route", C::RouteBlocks}}},
      {"aws_route", Kind::Route,
       {{"route_table_id", "route_table_id"},
        {"destination_cidr_block", "destination_cidr_block"},
        {"nat_gateway_id", "nat_gateway_id"},
        {"gateway_id", "gateway_id"}}},
      {"aws_route_table_association", Kind::RouteTableAssociation, {{"subnet_id", "subnet_id"}, {"route_table_id", "route_table_id"}}},
      {"aws_eip", Kind::ElasticIp, {{"domain", "domain"}}},
      {"aws_security_group", Kind::SecurityGroup, {{"name", "name"}, {"vpc_id", "vpc_id"}}, Model::SecurityGroup},
      {"aws_security_group_rule", Kind::SecurityGroupRule, {}, Model::SgRule},
      {"aws_vpc_security_group_ingress_rule", Kind::SecurityGroupRule, {}, Model::VpcSgIngress},
      {"aws_vpc_security_group_egress_rule", Kind::SecurityGroupRule, {}, Model::VpcSgEgress},
      {"aws_instance", Kind::Ec2Instance, {{"instance_type", "instance_type"}, {"root_volume_type", "root_block_device.volume_type"}}},
      {"aws_ebs_volume", Kind::EbsVolume, {{"type", "type"}, {"size", "size"}}},
      // Databases and caches
      {"aws_db_instance", Kind::RdsInstance, rds_instance},
      {"aws_rds_cluster", Kind::RdsCluster,
       {{"engine", "engine"},
        {"engine_mode", "engine_mode"},
        {"port", "port"},
        {"vpc_security_group_ids", "vpc_security_group_ids"},
        {"db_subnet_group_name", "db_subnet_group_name"},
        {"serverlessv2_min_capacity", "serverlessv2_scaling_configuration.min_capacity"},
        {"serverlessv2_max_capacity", "serverlessv2_scaling_configuration.max_capacity"},
        {"master_password", "master_password", C::LiteralOnly},
        {"storage_type", "storage_type"}}},
      {"aws_rds_cluster_instance", Kind::RdsClusterInstance,
       {{"cluster", "cluster_identifier"}, {"instance_class", "instance_class"}, {"engine", "engine"}}},
      {"aws_db_subnet_group", Kind::DbSubnetGroup, {{"subnet_ids", "subnet_ids"}}},
      {"aws_elasticache_subnet_group", Kind::CacheSubnetGroup, {{"subnet_ids", "subnet_ids"}}},
      {"aws_elasticache_cluster", Kind::CacheCluster,
       {{"engine", "engine"},
        {"node_type", "node_type"},
        {"num_cache_nodes", "num_cache_nodes"},
        {"port", "port"},
        {"security_group_ids", "security_group_ids"},
        {"subnet_group_name", "subnet_group_name"},
        {"az_mode", "az_mode"}}},
      {"aws_elasticache_replication_group", Kind::CacheReplicationGroup,
       {{"engine", "engine"},
        {"node_type", "node_type"},
        {"num_cache_clusters", "num_cache_clusters"},
        {"num_cache_clusters", "number_cache_clusters"},
        {"automatic_failover_enabled", "automatic_failover_enabled"},
        {"multi_az_enabled", "multi_az_enabled"},
        {"port", "port"},
        {"security_group_ids", "security_group_ids"},
        {"subnet_group_name", "subnet_group_name"}}},
      {"aws_docdb_cluster", Kind::DocDbCluster,
       {{"port", "port"}, {"vpc_security_group_ids", "vpc_security_group_ids"}, {"db_subnet_group_name", "db_subnet_group_name"}}},
      // Load balancing
      {"aws_lb", Kind::LoadBalancer, lb},
      {"aws_alb", Kind::LoadBalancer, lb},
      {"aws_lb_target_group", Kind::TargetGroup, tg},
      {"aws_alb_target_group", Kind::TargetGroup, tg},
      {"aws_lb_listener", Kind::Listener, listener},
      {"aws_alb_listener", Kind::Listener, listener},
      // Containers
      {"aws_ecs_cluster", Kind::EcsCluster, {{"name", "name"}, {"capacity_providers", "capacity_providers"}}},
      {"aws_ecs_service", Kind::EcsService,
       {{"cluster", "cluster"},
        {"task_definition", "task_definition"},
        {"desired_count", "desired_count"},
        {"launch_type", "launch_type"},
        {"capacity_provider_strategy", "capacity_provider_strategy"},
        {"subnets", "network_configuration.subnets"},
        {"security_groups", "network_configuration.security_groups"},
        {"assign_public_ip", "network_configuration.assign_public_ip"},
        {"load_balancers", "load_balancer", C::EcsLoadBalancers}}},
      {"aws_ecs_task_definition", Kind::EcsTaskDefinition,
       {{"family", "family"},
        {"cpu", "cpu"},
        {"memory", "memory"},
        {"network_mode", "network_mode"},
        {"requires_compatibilities", "requires_compatibilities"},
        {"cpu_architecture", "runtime_platform.cpu_architecture", C::Copy, true},
        {"task_role", "task_role_arn"},
        {"execution_role", "execution_role_arn"}},
       Model::TaskDefinition},
      {"aws_appautoscaling_target", Kind::AutoScalingTarget,
       {{"min_capacity", "min_capacity"}, {"max_capacity", "max_capacity"}}, Model::ScalableTarget},
      // Logs, functions
      {"aws_cloudwatch_log_group", Kind::LogGroup, {{"name", "name"}, {"retention_in_days", "retention_in_days"}}},
      {"aws_lambda_function", Kind::LambdaFunction,
       {{"runtime", "runtime"}, {"architectures", "architectures"}, {"memory_size", "memory_size"}}},
  };
}

// A path through the evaluated body; a nested block list takes its first block.
const Value* at_path(const Value& root, std::string_view path) {
  const Value* v = &root;
  while (v) {
    if (const Value::List* l = v->list_value(); l && v != &root) v = l->empty() ? nullptr : &(*l)[0];
    if (!v) return nullptr;
    std::size_t dot = path.find('.');
    v = v->get(path.substr(0, dot));
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  if (v && v->is_null()) return nullptr;
  return v;
}

bool literal_expr(const hcl::Expr* e) {
  if (!e) return false;
  if (e->as<hcl::Literal>()) return true;
  if (const hcl::Template* t = e->as<hcl::Template>()) {
    for (const hcl::Expr* p : t->parts)
      if (!p->as<hcl::Literal>()) return false;
    return true;
  }
  return false;
}

Value rename_list(const Value& v, std::initializer_list<std::pair<std::string_view, std::string_view>> names) {
  const Value::List* list = v.list_value();
  if (!list) return v;
  Value::List out;
  for (const Value& e : *list) {
    Value m = Value::map({}, e.span());
    for (const auto& [from, to] : names)
      if (const Value::Member* member = e.member(from)) m.set(std::string(to), member->value, member->key_span);
    out.push_back(std::move(m));
  }
  return Value::list(std::move(out), v.span());
}

std::optional<Value> default_target_group(const Value& actions) {
  const Value::List* list = actions.list_value();
  if (!list) return std::nullopt;
  for (const Value& a : *list) {
    if (const Value* tg = a.get("target_group_arn"); tg && !tg->is_null()) return *tg;
    if (const Value* fwd = a.get("forward"); fwd && fwd->is_list() && !fwd->list_value()->empty())
      if (const Value* groups = (*fwd->list_value())[0].get("target_group"); groups && groups->is_list())
        for (const Value& g : *groups->list_value())
          if (const Value* arn = g.get("arn")) return *arn;
  }
  return std::nullopt;
}

void list_elements(const Value* v, std::vector<Value>& out) {
  if (!v || v->is_null()) return;
  if (const Value::List* l = v->list_value())
    out.insert(out.end(), l->begin(), l->end());
  else
    out.push_back(*v);
}

Value field(const Value& m, std::string_view key) {
  const Value* v = m.get(key);
  return v ? *v : Value::null();
}

// One inline ingress/egress block (or attribute element) of aws_security_group.
void inline_rules(const Value& rule, Direction d, const Value& group, std::vector<SecurityGroupRule>& out) {
  SecurityGroupRule r;
  r.span = rule.span();
  r.direction = d;
  r.group = group;
  r.protocol = field(rule, "protocol");
  r.from_port = field(rule, "from_port");
  r.to_port = field(rule, "to_port");
  list_elements(rule.get("cidr_blocks"), r.cidr_v4);
  list_elements(rule.get("ipv6_cidr_blocks"), r.cidr_v6);
  r.description = field(rule, "description");
  const bool self = rule.get("self") && rule.get("self")->as_bool().value_or(false);
  std::vector<Value> peers;
  list_elements(rule.get("security_groups"), peers);
  if (self) {
    SecurityGroupRule s = r;
    s.cidr_v4.clear();
    s.cidr_v6.clear();
    s.peer_group = group;
    s.self = true;
    if (peers.empty() && r.cidr_v4.empty() && r.cidr_v6.empty()) {
      out.push_back(std::move(s));
      return;
    }
    out.push_back(std::move(s));
  }
  if (!r.cidr_v4.empty() || !r.cidr_v6.empty() || (peers.empty() && !self)) out.push_back(r);
  for (Value& p : peers) {
    SecurityGroupRule s = r;
    s.cidr_v4.clear();
    s.cidr_v6.clear();
    s.peer_group = std::move(p);
    out.push_back(std::move(s));
  }
}

void sanitize_policy(Engine& e, PolicyDocument& doc) {
  for (PolicyStatement& s : doc.statements) {
    s.sid = e.sanitize(s.sid);
    s.effect = e.sanitize(s.effect);
    for (auto* list : {&s.actions, &s.not_actions, &s.resources, &s.not_resources})
      for (Value& v : *list) v = e.sanitize(v);
    for (auto* list : {&s.principals, &s.not_principals})
      for (Principal& p : *list) p.id = e.sanitize(p.id);
    s.conditions = e.sanitize(s.conditions);
  }
}

ContainerSpec sanitize_container(Engine& e, ContainerSpec c) {
  for (Value* v : {&c.image, &c.user, &c.privileged, &c.health_check, &c.log_configuration, &c.command, &c.entry_point,
                   &c.essential})
    *v = e.sanitize(*v);
  for (Value& p : c.ports) p = e.sanitize(p);
  for (auto* list : {&c.environment, &c.secrets})
    for (EnvEntry& en : *list) en.value = e.sanitize(en.value);
  return c;
}

}  // namespace

PolicyDocument policy(Engine& engine, const Value& raw, PolicyRole role, std::string attribute, const Span& fallback) {
  Value doc = raw;
  if (doc.is_unknown() || doc.is_reference()) doc = engine.sanitize(doc);
  PolicyDocument p = policy_from_json(doc, role, std::move(attribute));
  sanitize_policy(engine, p);
  if (!p.span.valid()) p.span = raw.span().valid() ? raw.span() : fallback;
  return p;
}

const std::vector<TypeMapping>& type_table() {
  static const std::vector<TypeMapping> table = build_table();
  return table;
}

const TypeMapping* find_type(std::string_view type) {
  for (const TypeMapping& t : type_table())
    if (t.type == type) return &t;
  return nullptr;
}

std::vector<Resource> lower_resource(Engine& engine, const ResourceInput& in) {
  Resource r;
  r.native_type = in.type;
  r.address = in.address;
  r.name = in.name;
  r.span = in.block->span;
  r.file = in.block->span.file;
  const Value& body = in.body;
  r.attrs = engine.sanitize(body);
  r.attrs.set_span(in.block->span);
  const TypeMapping* t = find_type(in.type);
  if (!t) return {std::move(r)};
  r.kind = t->kind;
  Value attrs = r.attrs;
  for (const AttrMapping& m : t->attrs) {
    const Value* v = at_path(attrs, m.path);
    if (!v) {
      if (m.null_when_unset && !at_path(attrs, m.attribute)) r.attrs.set(std::string(m.attribute), Value::null(in.block->span));
      continue;
    }
    // A native attribute of the canonical name wins over a legacy spelling.
    if (m.conv == C::Copy && m.attribute != m.path && at_path(attrs, m.attribute)) continue;
    switch (m.conv) {
      case C::Copy: r.attrs.set(std::string(m.attribute), *v); break;
      case C::LiteralOnly: {
        const hcl::Attribute* a = in.block->body.attribute(m.path);
        if (a && !literal_expr(a->expr))
          r.attrs.set(std::string(m.attribute), Value::unknown(engine.source_text(*a->expr), a->expr->span));
        else
          r.attrs.set(std::string(m.attribute), *v);
        break;
      }
      case C::EcsLoadBalancers:
        r.attrs.set(std::string(m.attribute),
                    rename_list(*v, {{"target_group_arn", "target_group"},
                                     {"container_name", "container_name"},
                                     {"container_port", "container_port"},
                                     {"elb_name", "load_balancer_name"}}));
        break;
      case C::SubnetMappings: {
        if (const Value* existing = r.attrs.get(m.attribute); existing && !existing->is_null()) break;
        Value::List ids;
        if (const Value::List* l = v->list_value())
          for (const Value& e : *l)
            if (const Value* id = e.get("subnet_id")) ids.push_back(*id);
        r.attrs.set(std::string(m.attribute), Value::list(std::move(ids), v->span()));
        break;
      }
      case C::DefaultTargetGroup:
        if (std::optional<Value> tg = default_target_group(*v)) r.attrs.set(std::string(m.attribute), std::move(*tg));
        break;
      case C::RouteBlocks:
        r.attrs.set(std::string(m.attribute),
                    rename_list(*v, {{"cidr_block", "cidr_block"}, {"nat_gateway_id", "nat_gateway_id"}, {"gateway_id", "gateway_id"}}));
        break;
    }
  }
  // A count / for_each that is Unknown leaves one resource with no instance
  // key: say so, so that rules counting instances (AZ002) stay silent.
  if (in.address.empty() || in.address.back() != ']')
    for (std::string_view meta : {"count", "for_each"})
      if (const hcl::Attribute* a = in.block->body.attribute(meta)) {
        r.attrs.set("instances", Value::unknown(engine.source_text(*a->expr), a->expr->span));
        break;
      }
  if (in.type == "aws_eip" && !r.attrs.get("domain"))
    if (const Value* vpc = r.attrs.get("vpc"); vpc && vpc->as_bool().value_or(false))
      r.attrs.set("domain", Value::string("vpc", vpc->span()));

  const Span& span = in.block->span;
  switch (t->model) {
    case Model::Role: {
      if (const Value* trust = body.get("assume_role_policy"))
        r.policies.push_back(policy(engine, *trust, PolicyRole::Trust, "assume_role_policy", span));
      if (const Value* inl = body.get("inline_policy"); inl && inl->is_list()) {
        const Value::List& l = *inl->list_value();
        for (std::size_t i = 0; i < l.size(); ++i)
          if (const Value* p = l[i].get("policy"); p && !p->is_null())
            r.policies.push_back(policy(engine, *p, PolicyRole::Identity, fmt::format("inline_policy[{}]", i), l[i].span()));
      }
      break;
    }
    case Model::Policy: {
      if (const Value* p = body.get("policy")) r.policies.push_back(policy(engine, *p, PolicyRole::Identity, "policy", span));
      Value::List principals;
      for (std::string_view key : {"role", "user", "group"})
        if (const Value* v = r.attrs.get(key)) principals.push_back(*v);
      r.attrs.set("principals", Value::list(std::move(principals), span));
      break;
    }
    case Model::Attachment: {
      for (auto [key, kind] : {std::pair{"role", "role"}, std::pair{"user", "user"}, std::pair{"group", "group"},
                               std::pair{"roles", "role"}, std::pair{"users", "user"}, std::pair{"groups", "group"}}) {
        const Value* found = r.attrs.get(key);
        if (!found || found->is_null()) continue;
        // A copy: set() below may reallocate the attribute map `found` points into.
        const Value v = *found;
        Value principal = v;
        if (const Value::List* l = v.list_value()) {
          if (l->empty()) continue;
          principal = (*l)[0];
          r.attrs.set("principals", v);
        }
        r.attrs.set("principal", principal);
        r.attrs.set("principal_kind", Value::string(kind, v.span()));
        break;
      }
      break;
    }
    case Model::ResourcePolicy:
      if (const Value* p = body.get("policy"); p && !p->is_null())
        r.policies.push_back(policy(engine, *p, PolicyRole::Resource, "policy", span));
      break;
    case Model::SecurityGroup: {
      Value self = Value::reference(in.address, "id", span);
      for (auto [key, d] : {std::pair{"ingress", Direction::Ingress}, std::pair{"egress", Direction::Egress}})
        if (const Value* rules = r.attrs.get(key); rules && rules->is_list())
          for (const Value& rule : *rules->list_value())
            if (rule.is_map()) inline_rules(rule, d, self, r.sg_rules);
      break;
    }
    case Model::SgRule: {
      const Value& a = r.attrs;
      Value group = field(a, "security_group_id");
      SecurityGroupRule rule;
      rule.span = span;
      std::optional<std::string> type = a.get("type") ? a.get("type")->as_text() : std::nullopt;
      rule.direction = type && *type == "egress" ? Direction::Egress : Direction::Ingress;
      rule.group = group;
      rule.protocol = field(a, "protocol");
      rule.from_port = field(a, "from_port");
      rule.to_port = field(a, "to_port");
      list_elements(a.get("cidr_blocks"), rule.cidr_v4);
      list_elements(a.get("ipv6_cidr_blocks"), rule.cidr_v6);
      rule.peer_group = field(a, "source_security_group_id");
      if (a.get("self") && a.get("self")->as_bool().value_or(false)) {
        rule.self = true;
        rule.peer_group = group;
      }
      rule.description = field(a, "description");
      r.sg_rules.push_back(std::move(rule));
      r.attrs.set("group", group);
      break;
    }
    case Model::VpcSgIngress:
    case Model::VpcSgEgress: {
      const Value& a = r.attrs;
      Value group = field(a, "security_group_id");
      SecurityGroupRule rule;
      rule.span = span;
      rule.direction = t->model == Model::VpcSgIngress ? Direction::Ingress : Direction::Egress;
      rule.group = group;
      rule.protocol = field(a, "ip_protocol");
      rule.from_port = field(a, "from_port");
      rule.to_port = field(a, "to_port");
      if (const Value* v = a.get("cidr_ipv4"); v && !v->is_null()) rule.cidr_v4.push_back(*v);
      if (const Value* v = a.get("cidr_ipv6"); v && !v->is_null()) rule.cidr_v6.push_back(*v);
      rule.peer_group = field(a, "referenced_security_group_id");
      rule.description = field(a, "description");
      r.sg_rules.push_back(std::move(rule));
      r.attrs.set("group", group);
      break;
    }
    case Model::TaskDefinition: {
      const Value* defs = body.get("container_definitions");
      if (!defs) break;
      Value list = *defs;
      if (const std::string* s = defs->string_value()) {
        LoadResult j = json::load(kNoFile, *s);
        if (!j.diagnostics.empty()) break;
        list = std::move(j.value);
        respan(list, defs->span());
      }
      if (const Value::List* l = list.list_value())
        for (const Value& c : *l)
          if (c.is_map()) r.containers.push_back(sanitize_container(engine, container_spec_from_json(c)));
      break;
    }
    case Model::ScalableTarget: {
      const Value* id = body.get("resource_id");
      if (!id) break;
      Value service = engine.sanitize(*id);
      if (const std::string* s = id->string_value())
        for (const Value& p : engine.placeholder_values(*s))
          if (const Value::Ref* ref = p.reference_value(); ref && ref->target.find("aws_ecs_service.") != std::string::npos)
            service = Value::reference(ref->target, "", p.span());
      r.attrs.set("service", std::move(service));
      break;
    }
    case Model::None: break;
  }
  return {std::move(r)};
}

}  // namespace kclint::tf
