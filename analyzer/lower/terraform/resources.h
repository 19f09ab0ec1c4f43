// The Terraform resource type → IR kind and attribute table (docs/formats.md
// shows the same table), and the lowering of one evaluated resource instance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzer/lower/terraform/eval.h"

namespace kclint::tf {

// Sub-models a type fills beyond its attributes.
enum class Model : std::uint8_t {
  None,
  Role,             // assume_role_policy (Trust) + inline_policy blocks (Identity)
  Policy,           // policy (Identity) + principals from role/user/group
  Attachment,       // policy_arn + principal / principal_kind
  ResourcePolicy,   // policy (Resource): bucket / repository / key policies
  SecurityGroup,    // inline ingress / egress → sg_rules
  SgRule,           // aws_security_group_rule
  VpcSgIngress,     // aws_vpc_security_group_ingress_rule
  VpcSgEgress,      // aws_vpc_security_group_egress_rule
  TaskDefinition,   // container_definitions → containers
  ScalableTarget,   // resource_id → service Reference
};

enum class Conv : std::uint8_t {
  Copy,                // the evaluated value (a path through blocks takes the first block)
  LiteralOnly,         // the value when written as a literal; Unknown otherwise
  EcsLoadBalancers,    // load_balancer blocks → [{target_group, container_name, container_port}]
  SubnetMappings,      // subnet_mapping blocks → [subnet_id, …]
  DefaultTargetGroup,  // default_action → its (forward) target group
  RouteBlocks,         // route blocks/attribute → [{cidr_block, nat_gateway_id, gateway_id}]
};

struct AttrMapping {
  std::string_view attribute;  // canonical name (docs/ir.md)
  std::string_view path;       // '.'-separated path in the evaluated body
  Conv conv = Conv::Copy;
  bool null_when_unset = false;
};

struct TypeMapping {
  std::string_view type;
  Kind kind;
  std::vector<AttrMapping> attrs;  // beyond the native attributes, which are all kept
  Model model = Model::None;
};

const std::vector<TypeMapping>& type_table();
const TypeMapping* find_type(std::string_view type);

struct ResourceInput {
  std::string type;
  std::string name;
  std::string address;  // module prefix + type.name + instance key
  const hcl::Block* block = nullptr;
  Value body;  // evaluated, placeholders not yet resolved
};

std::vector<Resource> lower_resource(Engine& engine, const ResourceInput& in);

// Policy text / structure → PolicyDocument with placeholders resolved.
PolicyDocument policy(Engine& engine, const Value& raw, PolicyRole role, std::string attribute, const Span& fallback);

}  // namespace kclint::tf
