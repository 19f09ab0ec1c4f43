// Shared sub-models that several formats lower into, so a rule sees one shape:
// IAM policy documents, security-group rules and container specifications.
#pragma once

#include <string>
#include <vector>

#include "analyzer/ir/value.h"

namespace kclint {

// --- IAM -------------------------------------------------------------------

struct Principal {
  std::string type;  // "AWS", "Service", "Federated", "CanonicalUser", or "*" for a bare "*"
  Value id;          // the principal value (string, Unknown or Reference)
};

struct PolicyStatement {
  Span span;
  Value sid;
  Value effect;  // "Allow" / "Deny" (or Unknown)
  // Each list element is one action / resource (String, Unknown or Reference).
  std::vector<Value> actions, not_actions;
  std::vector<Value> resources, not_resources;
  std::vector<Principal> principals, not_principals;
  bool has_principal = false;
  // Condition block as written: {operator: {key: value-or-list}}.
  Value conditions;

  bool is_allow() const { return effect.string_value() && *effect.string_value() == "Allow"; }
};

enum class PolicyRole : std::uint8_t {
  Identity,  // attached to a role/user/group or a managed policy
  Trust,     // a role's assume-role policy
  Resource,  // bucket, repository, key policy
};

struct PolicyDocument {
  Span span;
  PolicyRole role = PolicyRole::Identity;
  std::string attribute;  // where it came from: "policy", "assume_role_policy", "inline_policy[0]", ...
  std::vector<PolicyStatement> statements;
  // When the whole document could not be evaluated (a data source, an
  // unresolved variable), rules stay silent on it.
  bool unknown = false;
};

// --- Security groups --------------------------------------------------------

enum class Direction : std::uint8_t { Ingress, Egress };

struct SecurityGroupRule {
  Span span;
  Direction direction = Direction::Ingress;
  Value group;      // the group the rule belongs to (Reference to it, or Unknown/literal id)
  Value protocol;   // "-1", "tcp", "6", ...
  Value from_port;  // Number (or Unknown); -1/0 with protocol -1 means all
  Value to_port;
  std::vector<Value> cidr_v4;
  std::vector<Value> cidr_v6;
  Value peer_group;  // source/destination security group (Reference, literal sg-…, Unknown) or Null
  bool self = false;
  Value description;
};

// --- Containers --------------------------------------------------------------

struct EnvEntry {
  std::string name;
  Span name_span;
  Value value;  // the literal value; for secrets the valueFrom reference
};

// A container as it will run: an ECS container definition, or the image a
// Dockerfile stage produces (then `image` is the base image).
struct ContainerSpec {
  std::string name;
  Value image;
  Value user;         // Null when unset
  Value privileged;   // Null when unset
  std::vector<Value> ports;
  std::vector<EnvEntry> environment;
  std::vector<EnvEntry> secrets;
  Value health_check;  // Null when unset
  Value log_configuration;
  Value command;
  Value entry_point;
  Value essential;
};

}  // namespace kclint
