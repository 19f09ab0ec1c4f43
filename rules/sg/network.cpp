// Security-group reading shared by the SG rules (see network.h).
#include "rules/sg/network.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include <fmt/format.h>

namespace kclint::sg {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool names_sg(std::string_view key) {
  std::string k = lower(key);
  return k.find("securitygroup") != std::string::npos || k.find("security_group") != std::string::npos;
}

std::optional<int> whole(const Value& v) {
  std::optional<double> d = v.as_number();
  if (!d || *d != static_cast<int>(*d)) return std::nullopt;
  return static_cast<int>(*d);
}

void walk(const Value& v, bool sg_key, const std::function<void(const Value&, bool)>& fn) {
  if (v.is_reference()) fn(v, sg_key);
  if (const Value::List* list = v.list_value())
    for (const Value& e : *list) walk(e, sg_key, fn);
  if (const Value::Map* map = v.map_value())
    for (const Value::Member& m : *map) walk(m.value, sg_key || names_sg(m.key), fn);
}

}  // namespace

bool is_anywhere(const Value& cidr) {
  const std::string* s = cidr.string_value();
  return s && (*s == "0.0.0.0/0" || *s == "::/0");
}

const Value* anywhere_cidr(const SecurityGroupRule& rule) {
  for (const auto* list : {&rule.cidr_v4, &rule.cidr_v6})
    for (const Value& c : *list)
      if (is_anywhere(c)) return &c;
  return nullptr;
}

std::optional<PortRange> port_range(const SecurityGroupRule& rule) {
  std::optional<std::string> text = rule.protocol.as_text();
  if (!text) return std::nullopt;
  std::string proto = lower(*text);
  if (std::optional<int> n = whole(rule.protocol)) proto = std::to_string(*n);
  if (proto == "-1" || proto == "all") return PortRange{0, 65535, true, false};
  if (proto != "tcp" && proto != "udp" && proto != "6" && proto != "17") return PortRange{0, 0, false, true};
  std::optional<int> from = whole(rule.from_port), to = whole(rule.to_port);
  if (!from || !to) return std::nullopt;
  bool all = (*from == -1 && *to == -1) || (*from <= 0 && (*to >= 65535 || *to == -1));
  return PortRange{*from, *to, all, false};
}

std::string describe(const PortRange& range) {
  if (range.all) return "all ports";
  if (range.none) return "no ports";
  return range.from == range.to ? fmt::format("port {}", range.from) : fmt::format("ports {}-{}", range.from, range.to);
}

const Resource* resolve_group(const Project& project, const Value& v) {
  const Value::Ref* ref = v.reference_value();
  if (!ref) return nullptr;
  const Resource* r = project.find(ref->target);
  return r && r->kind == Kind::SecurityGroup ? r : nullptr;
}

const Value* attached_groups_attr(const Resource& r) {
  for (std::string_view key : {"vpc_security_group_ids", "security_group_ids", "security_groups"})
    if (const Value* v = r.attr(key)) return v;
  return nullptr;
}

std::optional<std::vector<const Resource*>> attached_groups(const Project& project, const Resource& r) {
  const Value* attr = attached_groups_attr(r);
  const Value::List* list = attr ? attr->list_value() : nullptr;
  if (!list) return std::nullopt;
  std::vector<const Resource*> out;
  for (const Value& v : *list) {
    const Resource* g = resolve_group(project, v);
    if (!g) return std::nullopt;
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  }
  return out;
}

bool has_unattributed_ingress(const Project& project) {
  for (const Resource* r : project.of_kind(Kind::SecurityGroupRule))
    for (const SecurityGroupRule& rule : r->sg_rules)
      if (rule.direction == Direction::Ingress && !rule.group.is_string() && !resolve_group(project, rule.group))
        return true;
  return false;
}

std::string names(const std::vector<const Resource*>& groups) {
  std::string out;
  for (const Resource* g : groups) out += (out.empty() ? "'" : ", '") + g->name + "'";
  return out;
}

std::vector<const SecurityGroupRule*> ingress_rules(const Project& project, const Resource& group) {
  std::vector<const SecurityGroupRule*> out;
  for (const SecurityGroupRule& rule : group.sg_rules)
    if (rule.direction == Direction::Ingress) out.push_back(&rule);
  for (const Resource* r : project.of_kind(Kind::SecurityGroupRule))
    for (const SecurityGroupRule& rule : r->sg_rules)
      if (rule.direction == Direction::Ingress && resolve_group(project, rule.group) == &group) out.push_back(&rule);
  return out;
}

std::optional<int> default_port(std::string_view engine_name) {
  std::string e = lower(engine_name);
  auto starts = [&](std::string_view p) { return e.starts_with(p); };
  if (starts("postgres") || starts("aurora-postgresql")) return 5432;
  if (starts("mysql") || starts("mariadb") || starts("aurora-mysql") || e == "aurora") return 3306;
  if (starts("sqlserver")) return 1433;
  if (starts("oracle") || starts("custom-oracle")) return 1521;
  if (starts("redis") || starts("valkey")) return 6379;
  if (starts("memcached")) return 11211;
  if (starts("docdb")) return 27017;
  return std::nullopt;
}

std::optional<int> listening_port(const Resource& r) {
  if (const Value* port = r.attr("port"); port && !port->is_null()) return whole(*port);
  if (r.kind == Kind::DocDbCluster) return 27017;
  const Value* engine = r.attr("engine");
  const std::string* e = engine ? engine->string_value() : nullptr;
  if (!e && r.kind == Kind::CacheReplicationGroup && !engine) return 6379;  // ElastiCache's default engine
  return e ? default_port(*e) : std::nullopt;
}

void for_each_reference(const Value& v, const std::function<void(const Value&, bool)>& fn) { walk(v, false, fn); }

void for_each_reference(const Resource& r, const std::function<void(const Value&, bool)>& fn) {
  std::set<Span> seen;
  auto once = [&](const Value& ref, bool sg_key) {
    if (ref.span().valid() && !seen.insert(ref.span()).second) return;
    fn(ref, sg_key);
  };
  for (const SecurityGroupRule& rule : r.sg_rules) {
    walk(rule.group, true, once);
    walk(rule.peer_group, true, once);
  }
  walk(r.attrs, false, once);
}

void for_each_open_ingress(const Project& project, const std::function<void(const OpenIngress&)>& fn) {
  for (Kind k : {Kind::SecurityGroup, Kind::SecurityGroupRule})
    for (const Resource* r : project.of_kind(k))
      for (const SecurityGroupRule& rule : r->sg_rules) {
        const Value* cidr = rule.direction == Direction::Ingress ? anywhere_cidr(rule) : nullptr;
        std::optional<PortRange> range = cidr ? port_range(rule) : std::nullopt;
        if (!range) continue;
        const Resource* group = k == Kind::SecurityGroup ? r : resolve_group(project, rule.group);
        fn(OpenIngress{*r, rule, *cidr, *range, group ? group->name : r->name});
      }
}

bool is_sg_address(std::string_view target) {
  return target.starts_with("aws_security_group.") || target.find(".aws_security_group.") != std::string_view::npos ||
         target.find(":aws_security_group.") != std::string_view::npos;  // in a root module in a subdirectory
}

}  // namespace kclint::sg
