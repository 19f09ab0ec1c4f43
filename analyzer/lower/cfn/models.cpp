// CloudFormation security-group rules and container definitions, field by field.
#include "analyzer/lower/cfn/models.h"

namespace kclint::cfn {

namespace {

Value field(const Value& map, std::string_view key) {
  const Value* v = map.get(key);
  return v ? *v : Value::null();
}

// [{Name, <value key>}, …] → entries; entries without a Name string are skipped.
std::vector<EnvEntry> entries(const Value& def, std::string_view list_key, std::string_view value_key) {
  std::vector<EnvEntry> out;
  const Value* list = def.get(list_key);
  if (!list || !list->is_list()) return out;
  for (const Value& e : *list->list_value()) {
    const Value* name = e.get("Name");
    std::optional<std::string> text = name ? name->as_text() : std::nullopt;
    if (!text) continue;
    out.push_back(EnvEntry{*text, name->span(), field(e, value_key)});
  }
  return out;
}

bool same_target(const Value& a, const Value& b) {
  const Value::Ref* x = a.reference_value();
  const Value::Ref* y = b.reference_value();
  return x && y && x->target == y->target;
}

}  // namespace

SecurityGroupRule security_group_rule(const Value& rule, Direction direction, Value group) {
  SecurityGroupRule r;
  r.span = rule.span();
  r.direction = direction;
  r.group = std::move(group);
  r.protocol = field(rule, "IpProtocol");
  r.from_port = field(rule, "FromPort");
  r.to_port = field(rule, "ToPort");
  if (const Value* v = rule.get("CidrIp")) r.cidr_v4.push_back(*v);
  if (const Value* v = rule.get("CidrIpv6")) r.cidr_v6.push_back(*v);
  std::string_view peer_id = direction == Direction::Ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId";
  if (const Value* v = rule.get(peer_id))
    r.peer_group = *v;
  else if (const Value* name = rule.get("SourceSecurityGroupName"); name && direction == Direction::Ingress)
    r.peer_group = *name;
  r.self = same_target(r.peer_group, r.group);
  r.description = field(rule, "Description");
  return r;
}

ContainerSpec container_spec(const Value& def) {
  ContainerSpec c;
  if (const Value* name = def.get("Name"))
    if (std::optional<std::string> text = name->as_text()) c.name = *text;
  c.image = field(def, "Image");
  c.user = field(def, "User");
  c.privileged = field(def, "Privileged");
  if (const Value* mappings = def.get("PortMappings"); mappings && mappings->is_list())
    for (const Value& m : *mappings->list_value())
      if (const Value* port = m.get("ContainerPort")) c.ports.push_back(*port);
  c.environment = entries(def, "Environment", "Value");
  c.secrets = entries(def, "Secrets", "ValueFrom");
  c.health_check = field(def, "HealthCheck");
  c.log_configuration = field(def, "LogConfiguration");
  c.command = field(def, "Command");
  c.entry_point = field(def, "EntryPoint");
  c.essential = field(def, "Essential");
  return c;
}

}  // namespace kclint::cfn
