// The CloudFormation type table and the lowering of one evaluated resource.
// Keep the table in step with docs/formats.md (a test checks every type is there).
#include "analyzer/lower/cfn/types.h"

#include <cctype>

#include <fmt/format.h>

#include "analyzer/lower/cfn/models.h"
#include "analyzer/lower/cfn/policy.h"
#include "analyzer/lower/cfn/template.h"
#include "analyzer/lower/policy_json.h"

namespace kclint::cfn {

namespace {

using C = Conv;

std::vector<TypeMapping> build_table() {
  return {
      // IAM
      {"AWS::IAM::Role", Kind::IamRole, {{"RoleName", "name"}, {"ManagedPolicyArns", "managed_policy_arns"}}, Model::Role},
      {"AWS::IAM::Policy", Kind::IamPolicy, {{"PolicyName", "name"}}, Model::Policy},
      {"AWS::IAM::ManagedPolicy", Kind::IamPolicy, {{"ManagedPolicyName", "name"}}, Model::Policy},
      {"AWS::IAM::User", Kind::IamUser, {{"UserName", "name"}, {"ManagedPolicyArns", "managed_policy_arns"}}, Model::Principal},
      {"AWS::IAM::Group", Kind::IamGroup, {{"GroupName", "name"}, {"ManagedPolicyArns", "managed_policy_arns"}}, Model::Principal},
      {"AWS::IAM::AccessKey", Kind::IamAccessKey, {{"UserName", "user"}}},
      // Storage, secrets, keys
      {"AWS::S3::Bucket", Kind::S3Bucket, {{"BucketName", "bucket"}}},
      {"AWS::S3::BucketPolicy", Kind::S3BucketPolicy, {{"Bucket", "bucket"}}, Model::BucketPolicy},
      {"AWS::KMS::Key", Kind::KmsKey, {}, Model::KmsKey},
      {"AWS::SecretsManager::Secret", Kind::SecretsManagerSecret, {{"Name", "name"}}},
      {"AWS::ECR::Repository", Kind::EcrRepository,
       {{"RepositoryName", "name"},
        {"ImageTagMutability", "image_tag_mutability"},
        {"LifecyclePolicy", "lifecycle_policy", C::Copy, true}},
       Model::EcrRepository},
      // Network
      {"AWS::EC2::VPC", Kind::Vpc, {{"CidrBlock", "cidr_block"}}},
      {"AWS::EC2::Subnet", Kind::Subnet,
       {{"VpcId", "vpc_id"},
        {"CidrBlock", "cidr_block"},
        {"AvailabilityZone", "availability_zone"},
        {"MapPublicIpOnLaunch", "map_public_ip_on_launch"}}},
      {"AWS::EC2::NatGateway", Kind::NatGateway,
       {{"SubnetId", "subnet_id"}, {"AllocationId", "allocation_id"}, {"ConnectivityType", "connectivity_type"}}},
      {"AWS::EC2::RouteTable", Kind::RouteTable, {{"VpcId", "vpc_id"}}},
      {"AWS::EC2::Route", Kind::Route,
       {{"RouteTableId", "route_table_id"},
        {"DestinationCidrBlock", "destination_cidr_block"},
        {"NatGatewayId", "nat_gateway_id"},
        {"GatewayId", "gateway_id"}}},
      {"AWS::EC2::SubnetRouteTableAssociation", Kind::RouteTableAssociation,
       {{"SubnetId", "subnet_id"}, {"RouteTableId", "route_table_id"}}},
      {"AWS::EC2::EIP", Kind::ElasticIp, {{"Domain", "domain"}}},
      {"AWS::EC2::SecurityGroup", Kind::SecurityGroup, {{"GroupName", "name"}, {"VpcId", "vpc_id"}}, Model::SecurityGroup},
      {"AWS::EC2::SecurityGroupIngress", Kind::SecurityGroupRule, {}, Model::IngressRule},
      {"AWS::EC2::SecurityGroupEgress", Kind::SecurityGroupRule, {}, Model::EgressRule},
      {"AWS::EC2::Instance", Kind::Ec2Instance, {{"InstanceType", "instance_type"}}},
      {"AWS::EC2::Volume", Kind::EbsVolume, {{"VolumeType", "type"}, {"Size", "size"}}},
      // Databases and caches
      {"AWS::RDS::DBInstance", Kind::RdsInstance,
       {{"Engine", "engine"},
        {"EngineVersion", "engine_version"},
        {"DBInstanceClass", "instance_class"},
        {"MultiAZ", "multi_az"},
        {"Port", "port"},
        {"StorageType", "storage_type"},
        {"AllocatedStorage", "allocated_storage"},
        {"VPCSecurityGroups", "vpc_security_group_ids"},
        {"DBSubnetGroupName", "db_subnet_group_name"},
        {"PubliclyAccessible", "publicly_accessible"},
        {"MasterUserPassword", "password", C::LiteralOnly},
        {"DBClusterIdentifier", "cluster"}}},
      {"AWS::RDS::DBCluster", Kind::RdsCluster,
       {{"Engine", "engine"},
        {"EngineMode", "engine_mode"},
        {"Port", "port"},
        {"VpcSecurityGroupIds", "vpc_security_group_ids"},
        {"DBSubnetGroupName", "db_subnet_group_name"},
        {"ServerlessV2ScalingConfiguration.MinCapacity", "serverlessv2_min_capacity"},
        {"ServerlessV2ScalingConfiguration.MaxCapacity", "serverlessv2_max_capacity"},
        {"MasterUserPassword", "master_password", C::LiteralOnly},
        {"StorageType", "storage_type"}}},
      {"AWS::RDS::DBSubnetGroup", Kind::DbSubnetGroup, {{"SubnetIds", "subnet_ids"}}},
      {"AWS::ElastiCache::SubnetGroup", Kind::CacheSubnetGroup, {{"SubnetIds", "subnet_ids"}}},
      {"AWS::ElastiCache::CacheCluster", Kind::CacheCluster,
       {{"Engine", "engine"},
        {"CacheNodeType", "node_type"},
        {"NumCacheNodes", "num_cache_nodes"},
        {"Port", "port"},
        {"VpcSecurityGroupIds", "security_group_ids"},
        {"CacheSubnetGroupName", "subnet_group_name"},
        {"AZMode", "az_mode"}}},
      {"AWS::ElastiCache::ReplicationGroup", Kind::CacheReplicationGroup,
       {{"Engine", "engine"},
        {"CacheNodeType", "node_type"},
        {"NumCacheClusters", "num_cache_clusters"},
        {"AutomaticFailoverEnabled", "automatic_failover_enabled"},
        {"MultiAZEnabled", "multi_az_enabled"},
        {"Port", "port"},
        {"SecurityGroupIds", "security_group_ids"},
        {"CacheSubnetGroupName", "subnet_group_name"}}},
      {"AWS::DocDB::DBCluster", Kind::DocDbCluster,
       {{"Port", "port"}, {"VpcSecurityGroupIds", "vpc_security_group_ids"}, {"DBSubnetGroupName", "db_subnet_group_name"}}},
      // Load balancing
      {"AWS::ElasticLoadBalancingV2::LoadBalancer", Kind::LoadBalancer,
       {{"Type", "load_balancer_type"},
        {"Scheme", "internal", C::SchemeInternal},
        {"Subnets", "subnets"},
        {"SubnetMappings", "subnets", C::SubnetMappings},
        {"SecurityGroups", "security_groups"}}},
      {"AWS::ElasticLoadBalancingV2::TargetGroup", Kind::TargetGroup,
       {{"Port", "port"}, {"Protocol", "protocol"}, {"TargetType", "target_type"}}},
      {"AWS::ElasticLoadBalancingV2::Listener", Kind::Listener,
       {{"LoadBalancerArn", "load_balancer"},
        {"Port", "port"},
        {"Protocol", "protocol"},
        {"DefaultActions", "default_target_group", C::DefaultTargetGroup}}},
      // Containers
      {"AWS::ECS::Cluster", Kind::EcsCluster, {{"ClusterName", "name"}, {"CapacityProviders", "capacity_providers"}}},
      {"AWS::ECS::Service", Kind::EcsService,
       {{"Cluster", "cluster"},
        {"TaskDefinition", "task_definition"},
        {"DesiredCount", "desired_count"},
        {"LaunchType", "launch_type"},
        {"CapacityProviderStrategy", "capacity_provider_strategy", C::CapacityProviderStrategy},
        {"NetworkConfiguration.AwsvpcConfiguration.Subnets", "subnets"},
        {"NetworkConfiguration.AwsvpcConfiguration.SecurityGroups", "security_groups"},
        {"NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp", "assign_public_ip", C::EnabledFlag},
        {"LoadBalancers", "load_balancers", C::EcsLoadBalancers}}},
      {"AWS::ECS::TaskDefinition", Kind::EcsTaskDefinition,
       {{"Family", "family"},
        {"Cpu", "cpu"},
        {"Memory", "memory"},
        {"NetworkMode", "network_mode"},
        {"RequiresCompatibilities", "requires_compatibilities"},
        {"RuntimePlatform.CpuArchitecture", "cpu_architecture", C::Copy, true},
        {"TaskRoleArn", "task_role"},
        {"ExecutionRoleArn", "execution_role"}},
       Model::TaskDefinition},
      {"AWS::ApplicationAutoScaling::ScalableTarget", Kind::AutoScalingTarget,
       {{"MinCapacity", "min_capacity"}, {"MaxCapacity", "max_capacity"}}},
      // Logs, functions, stacks
      {"AWS::Logs::LogGroup", Kind::LogGroup, {{"LogGroupName", "name"}, {"RetentionInDays", "retention_in_days"}}},
      {"AWS::Lambda::Function", Kind::LambdaFunction,
       {{"Runtime", "runtime"}, {"Architectures", "architectures"}, {"MemorySize", "memory_size"}}},
      {"AWS::Serverless::Function", Kind::LambdaFunction,
       {{"Runtime", "runtime"}, {"Architectures", "architectures"}, {"MemorySize", "memory_size"}}},
      {"AWS::CloudFormation::Stack", Kind::CfnStack, {{"TemplateURL", "template_url"}, {"Parameters", "parameters"}}},
  };
}

const Value* at_path(const Value& root, std::string_view path) {
  const Value* v = &root;
  while (v) {
    std::size_t dot = path.find('.');
    v = v->get(path.substr(0, dot));
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return v;
}

// Renames the members of each map in a list: [{From: x}] → [{to: x}].
Value rename_list(const Value& v, std::initializer_list<std::pair<std::string_view, std::string_view>> names) {
  const Value::List* list = v.list_value();
  if (!list) return v;
  Value::List out;
  for (const Value& e : *list) {
    if (!e.is_map()) {
      out.push_back(e);
      continue;
    }
    Value m = Value::map({}, e.span());
    for (const auto& [from, to] : names)
      if (const Value::Member* member = e.member(from)) m.set(std::string(to), member->value, member->key_span);
    out.push_back(std::move(m));
  }
  return Value::list(std::move(out), v.span());
}

std::optional<Value> flag(const Value& v, std::string_view yes, std::string_view no) {
  const std::string* s = v.string_value();
  if (!s) return v.is_unknown() || v.is_reference() ? std::optional<Value>(v) : std::nullopt;
  std::string lower;
  for (char c : *s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == yes) return Value::boolean(true, v.span());
  if (lower == no) return Value::boolean(false, v.span());
  return v;
}

std::optional<Value> default_target_group(const Value& actions) {
  const Value::List* list = actions.list_value();
  if (!list) return std::nullopt;
  for (const Value& a : *list) {
    if (const Value* tg = a.get("TargetGroupArn")) return *tg;
    if (const Value* groups = a.path({"ForwardConfig", "TargetGroups"}); groups && groups->is_list())
      for (const Value& g : *groups->list_value())
        if (const Value* tg = g.get("TargetGroupArn")) return *tg;
  }
  return std::nullopt;
}

std::optional<Value> convert(const PropertyMapping& p, const Value& v, const ResourceInput& in) {
  switch (p.conv) {
    case Conv::Copy: return v;
    case Conv::LiteralOnly: {
      const Value* raw = in.raw_properties ? at_path(*in.raw_properties, p.property) : nullptr;
      if (!raw || raw->is_map() || raw->is_list() || v.is_unknown()) {
        std::string text = raw ? source_text(*in.file, raw->span()) : std::string();
        return Value::unknown(text.empty() ? v.describe() : text, v.span());
      }
      return v;
    }
    case Conv::EnabledFlag: return flag(v, "enabled", "disabled");
    case Conv::SchemeInternal: return flag(v, "internal", "internet-facing");
    case Conv::CapacityProviderStrategy:
      return rename_list(v, {{"CapacityProvider", "capacity_provider"}, {"Weight", "weight"}, {"Base", "base"}});
    case Conv::EcsLoadBalancers:
      return rename_list(v, {{"TargetGroupArn", "target_group"},
                             {"ContainerName", "container_name"},
                             {"ContainerPort", "container_port"},
                             {"LoadBalancerName", "load_balancer_name"}});
    case Conv::SubnetMappings: {
      const Value::List* list = v.list_value();
      if (!list) return v;
      Value::List ids;
      for (const Value& m : *list)
        if (const Value* id = m.get("SubnetId")) ids.push_back(*id);
      return Value::list(std::move(ids), v.span());
    }
    case Conv::DefaultTargetGroup: return default_target_group(v);
  }
  return v;
}

void sub_models(const TypeMapping& t, const ResourceInput& in, Resource& r, std::vector<Resource>& extra) {
  const Value& props = in.properties;
  switch (t.model) {
    case Model::SecurityGroup: {
      Value self = Value::reference(in.address, "GroupId", in.span);
      for (auto [key, direction] : {std::pair{"SecurityGroupIngress", Direction::Ingress},
                                    std::pair{"SecurityGroupEgress", Direction::Egress}})
        if (const Value* rules = props.get(key)) {
          if (rules->is_map()) r.sg_rules.push_back(security_group_rule(*rules, direction, self));  // one rule, not in a list
          if (rules->is_list())
            for (const Value& rule : *rules->list_value())
              if (rule.is_map()) r.sg_rules.push_back(security_group_rule(rule, direction, self));
        }
      break;
    }
    case Model::IngressRule:
    case Model::EgressRule: {
      const Value* group = props.get("GroupId");
      if (!group) group = props.get("GroupName");
      Direction d = t.model == Model::IngressRule ? Direction::Ingress : Direction::Egress;
      r.sg_rules.push_back(security_group_rule(props, d, group ? *group : Value::null()));
      r.sg_rules.back().span = in.span;
      r.attrs.set("group", group ? *group : Value::null());
      break;
    }
    case Model::TaskDefinition:
      if (const Value* defs = props.get("ContainerDefinitions"); defs && defs->is_list())
        for (const Value& d : *defs->list_value())
          if (d.is_map()) r.containers.push_back(container_spec(d));
      break;
    case Model::EcrRepository:
      if (const Value* text = props.get("RepositoryPolicyText")) {
        Resource p;
        p.kind = Kind::EcrRepositoryPolicy;
        p.native_type = "AWS::ECR::Repository.RepositoryPolicyText";
        p.address = in.address + ".RepositoryPolicyText";
        p.name = in.logical_id;
        p.file = in.file->id;
        p.span = text->span();
        p.attrs.set("repository", Value::reference(in.address, "", text->span()));
        p.policies.push_back(policy_from_json(*text, PolicyRole::Resource, "RepositoryPolicyText"));
        extra.push_back(std::move(p));
      }
      break;
    default:
      lower_policies(t.model, props, r);
      break;
  }
}

}  // namespace

const std::vector<TypeMapping>& type_table() {
  static const std::vector<TypeMapping> table = build_table();
  return table;
}

const TypeMapping* find_type(std::string_view type) {
  for (const TypeMapping& t : type_table())
    if (t.type == type) return &t;
  return nullptr;
}

std::vector<Resource> lower_resource(const ResourceInput& in) {
  Resource r;
  r.native_type = in.type;
  r.address = in.address;
  r.name = in.logical_id;
  r.file = in.file->id;
  r.span = in.span;
  std::vector<Resource> extra;
  if (const TypeMapping* t = find_type(in.type)) {
    r.kind = t->kind;
    for (const PropertyMapping& p : t->properties) {
      if (r.attrs.get(p.attribute)) continue;  // an earlier property already gave it (Subnets before SubnetMappings)
      const Value* v = at_path(in.properties, p.property);
      if (!v) {
        if (p.null_when_unset) r.attrs.set(std::string(p.attribute), Value::null(in.span));
        continue;
      }
      if (std::optional<Value> c = convert(p, *v, in)) r.attrs.set(std::string(p.attribute), std::move(*c));
    }
    sub_models(*t, in, r, extra);
  }
  r.attrs.set("properties", in.properties);
  if (in.metadata) r.attrs.set("metadata", *in.metadata);
  if (!in.condition.empty()) r.attrs.set("condition", Value::string(in.condition, in.span));
  std::vector<Resource> out;
  out.push_back(std::move(r));
  for (Resource& e : extra) out.push_back(std::move(e));
  return out;
}

}  // namespace kclint::cfn
