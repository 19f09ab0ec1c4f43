// Helpers shared by the SG rules: CIDR and port-range reading of security
// group rules, group references, which resources attach which groups, and a
// walker over every Reference a resource makes.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/project.h"

namespace kclint::sg {

// 0.0.0.0/0 or ::/0 (a concrete string only).
bool is_anywhere(const Value& cidr);
// The first anywhere CIDR of a rule (v4 then v6), or nullptr.
const Value* anywhere_cidr(const SecurityGroupRule& rule);

// An inclusive port range; `all` when the protocol is -1/all or the range is
// 0–65535 (or -1..-1 for all traffic). `none` for ICMP and other port-less protocols.
struct PortRange {
  int from = 0;
  int to = 0;
  bool all = false;
  bool none = false;
  bool covers(int port) const { return !none && (all || (from <= port && port <= to)); }
};
// nullopt when the protocol or a port is not concrete.
std::optional<PortRange> port_range(const SecurityGroupRule& rule);
std::string describe(const PortRange& range);

// The security group a value references (Reference resolved by Project::find
// to an aws.ec2.security_group), or nullptr.
const Resource* resolve_group(const Project& project, const Value& v);

// The attribute of a resource that lists its security groups
// (vpc_security_group_ids, security_group_ids, security_groups), or nullptr.
const Value* attached_groups_attr(const Resource& r);

// The groups a resource attaches, when every element of its group list is a
// Reference to a group in the project; nullopt when the list is missing,
// Unknown, or holds literal ids / Unknown / unresolved elements.
std::optional<std::vector<const Resource*>> attached_groups(const Project& project, const Resource& r);

// Whether some standalone ingress rule belongs to a group that cannot be told
// (Unknown group): it could add ingress to any group.
bool has_unattributed_ingress(const Project& project);

// Names for messages: 'a', 'b'.
std::string names(const std::vector<const Resource*>& groups);

// The ingress rules of a group: its inline rules and every standalone rule
// resource whose group resolves to it.
std::vector<const SecurityGroupRule*> ingress_rules(const Project& project, const Resource& group);

// The engine's default port (postgres 5432, mysql 3306, redis 6379, ...).
std::optional<int> default_port(std::string_view engine);
// The port a database/cache listens on: `port`, else the engine default
// (docdb: 27017; elasticache: by engine). nullopt when not concrete.
std::optional<int> listening_port(const Resource& r);

// Every Reference inside `v`, with whether a map key on the path to it
// names a security group ("SecurityGroupIds", "vpc_security_group_ids", ...).
void for_each_reference(const Value& v, const std::function<void(const Value& ref, bool sg_key)>& fn);
// The same over a resource: its attributes and its sg_rules' group and peer.
// Each reference is visited once (the CFN `properties` tree repeats the
// canonical attributes; duplicates by span are dropped).
void for_each_reference(const Resource& r, const std::function<void(const Value& ref, bool sg_key)>& fn);

// Each ingress rule (inline or standalone) that admits 0.0.0.0/0 or ::/0 on
// a concrete port range; `group` is the group's name for messages.
struct OpenIngress {
  const Resource& owner;  // the group, or the standalone rule resource
  const SecurityGroupRule& rule;
  const Value& cidr;
  PortRange range;
  std::string group;
};
void for_each_open_ingress(const Project& project, const std::function<void(const OpenIngress&)>& fn);

// Whether a reference target names a security group by its address
// (Terraform `aws_security_group.x`).
bool is_sg_address(std::string_view target);

}  // namespace kclint::sg
