// CloudFormation security-group rules and ECS container definitions → the
// shared SecurityGroupRule and ContainerSpec sub-models.
#pragma once

#include "analyzer/ir/models.h"

namespace kclint::cfn {

// One rule map as CloudFormation writes it, inline in SecurityGroupIngress /
// SecurityGroupEgress or as the properties of a standalone rule resource.
// `group` is the group the rule belongs to.
SecurityGroupRule security_group_rule(const Value& rule, Direction direction, Value group);

// One entry of AWS::ECS::TaskDefinition ContainerDefinitions.
ContainerSpec container_spec(const Value& definition);

}  // namespace kclint::cfn
