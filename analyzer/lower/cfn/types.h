// The CloudFormation type → IR kind and property → canonical attribute table
// (docs/formats.md shows the same table), and the lowering of one evaluated
// template resource into IR resources.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/project.h"

namespace kclint::cfn {

// How a property's value becomes its canonical attribute.
enum class Conv : std::uint8_t {
  Copy,                      // the evaluated value
  LiteralOnly,               // the value when written literally; Unknown when it comes from an expression
                             // (a password from `!Ref DbPassword` is not a hard-coded password)
  EnabledFlag,               // "ENABLED" / "DISABLED" → true / false
  SchemeInternal,            // "internal" / "internet-facing" → true / false
  CapacityProviderStrategy,  // [{CapacityProvider, Weight, Base}] → [{capacity_provider, weight, base}]
  EcsLoadBalancers,          // [{TargetGroupArn, ContainerName, ContainerPort}] → [{target_group, container_name, container_port}]
  SubnetMappings,            // [{SubnetId, …}] → [SubnetId, …]
  DefaultTargetGroup,        // DefaultActions → the target group of the first forward action
};

struct PropertyMapping {
  std::string_view property;   // path under Properties, '.'-separated: "NetworkConfiguration.AwsvpcConfiguration.Subnets"
  std::string_view attribute;  // canonical attribute name (docs/ir.md)
  Conv conv = Conv::Copy;
  bool null_when_unset = false;  // absent property → Null attribute (instead of no attribute)
};

// Sub-models a type fills beyond its attributes.
enum class Model : std::uint8_t {
  None,
  SecurityGroup,   // inline SecurityGroupIngress / SecurityGroupEgress → sg_rules
  IngressRule,     // AWS::EC2::SecurityGroupIngress → sg_rules[0]
  EgressRule,      // AWS::EC2::SecurityGroupEgress → sg_rules[0]
  Role,            // AssumeRolePolicyDocument (Trust) + Policies[N] (Identity)
  Policy,          // PolicyDocument (Identity) + principals from Roles/Users/Groups
  Principal,       // user / group: Policies[N] (Identity)
  BucketPolicy,    // PolicyDocument (Resource)
  KmsKey,          // KeyPolicy (Resource)
  EcrRepository,   // RepositoryPolicyText → an aws.ecr.repository_policy resource
  TaskDefinition,  // ContainerDefinitions → containers
};

struct TypeMapping {
  std::string_view type;  // AWS::RDS::DBInstance
  Kind kind;
  std::vector<PropertyMapping> properties;
  Model model = Model::None;
};

// Every mapped type, in the order docs/formats.md lists them. A type that is
// not here lowers to Kind::Other with its properties kept.
const std::vector<TypeMapping>& type_table();
const TypeMapping* find_type(std::string_view type);

// One template resource, evaluated.
struct ResourceInput {
  const SourceFile* file = nullptr;
  std::string logical_id;
  std::string type;
  std::string address;
  Span span;                              // the whole resource entry
  const Value* raw_properties = nullptr;  // Properties as written
  Value properties = Value::map({});      // Properties evaluated (AWS::NoValue members removed)
  const Value* metadata = nullptr;        // Metadata as written
  std::string condition;                  // the resource's Condition name, if any
};

// The IR resources for one template resource: the resource itself (attributes
// from the table, `properties` = the evaluated native tree, `metadata` as
// written, `condition`; policies, sg_rules, containers by its Model), then,
// for an ECR repository with RepositoryPolicyText, an aws.ecr.repository_policy
// resource at `<address>.RepositoryPolicyText`.
std::vector<Resource> lower_resource(const ResourceInput& input);

}  // namespace kclint::cfn
