// SG006: a datastore or service whose own groups do not admit its port
// cannot be reached at all: the deploy succeeds and every connection times out.
#include <algorithm>

#include "analyzer/ir/rule.h"
#include "rules/sg/network.h"

namespace kclint {

namespace {
constexpr Kind kDatastores[] = {Kind::RdsInstance, Kind::RdsCluster, Kind::CacheCluster, Kind::CacheReplicationGroup,
                                Kind::DocDbCluster};

enum class Admit { Yes, No, Unknown };

// Whether some ingress rule of `groups` admits `port` from `peers` (any
// source when `peers` is null). A CIDR source may contain the peers: yes.
Admit admits(const Project& project, const std::vector<const Resource*>& groups, int port,
             const std::vector<const Resource*>* peers) {
  Admit result = Admit::No;
  for (const Resource* g : groups)
    for (const SecurityGroupRule* rule : sg::ingress_rules(project, *g)) {
      std::optional<sg::PortRange> range = sg::port_range(*rule);
      if (!range) result = Admit::Unknown;
      if (!range || !range->covers(port)) continue;
      if (!peers || !rule->cidr_v4.empty() || !rule->cidr_v6.empty()) return Admit::Yes;
      const Resource* peer = rule->self ? g : sg::resolve_group(project, rule->peer_group);
      if (!peer && !rule->peer_group.is_null()) result = Admit::Unknown;
      if (peer && std::find(peers->begin(), peers->end(), peer) != peers->end()) return Admit::Yes;
    }
  return result;
}

Finding& with_groups(Finding& f, const std::vector<const Resource*>& groups, std::string_view what) {
  for (const Resource* g : groups) relate(f, g->span, fmt::format("{} '{}'", what, g->name));
  return f;
}

void check_datastores(const Project& project, Findings& out) {
  for (Kind k : kDatastores)
    for (const Resource* db : project.of_kind(k)) {
      std::optional<int> port = sg::listening_port(*db);
      std::optional<std::vector<const Resource*>> groups = sg::attached_groups(project, *db);
      if (!port || !groups || groups->empty() || admits(project, *groups, *port, nullptr) != Admit::No) continue;
      Finding& f = out.report(sg::attached_groups_attr(*db)->span(),
                              "'{}' listens on port {} but its security groups {} admit no ingress on port {}",
                              db->name, *port, sg::names(*groups), *port);
      with_groups(f, *groups, "security group");
    }
}

// The load balancers whose listeners forward to `target_group`.
std::vector<const Resource*> balancers_of(const Project& project, const Resource& target_group) {
  std::vector<const Resource*> out;
  for (const Resource* l : project.of_kind(Kind::Listener)) {
    const Value* tg = l->attr("default_target_group");
    const Value* lb = l->attr("load_balancer");
    if (!tg || !tg->reference_value() || project.find(tg->reference_value()->target) != &target_group) continue;
    if (const Resource* r = lb && lb->reference_value() ? project.find(lb->reference_value()->target) : nullptr)
      if (r->kind == Kind::LoadBalancer) out.push_back(r);
  }
  return out;
}

void check_services(const Project& project, Findings& out) {
  for (const Resource* svc : project.of_kind(Kind::EcsService)) {
    const Value* lbs = svc->attr("load_balancers");
    std::optional<std::vector<const Resource*>> groups = sg::attached_groups(project, *svc);
    if (!lbs || !lbs->list_value() || !groups || groups->empty()) continue;
    for (const Value& entry : *lbs->list_value()) {
      const Value* tg_ref = entry.get("target_group");
      const Value* port_v = entry.get("container_port");
      std::optional<double> port = port_v ? port_v->as_number() : std::nullopt;
      const Resource* tg = tg_ref && tg_ref->reference_value() ? project.find(tg_ref->reference_value()->target) : nullptr;
      if (!port || !tg) continue;
      for (const Resource* lb : balancers_of(project, *tg)) {
        std::optional<std::vector<const Resource*>> lb_groups = sg::attached_groups(project, *lb);
        if (!lb_groups || lb_groups->empty()) continue;
        int p = static_cast<int>(*port);
        if (admits(project, *groups, p, &*lb_groups) != Admit::No) continue;
        Finding& f = out.report(port_v->span(),
                                "ECS service '{}' is unreachable from load balancer '{}': its security groups {} admit "
                                "nothing from the load balancer's groups {} on container port {}",
                                svc->name, lb->name, sg::names(*groups), sg::names(*lb_groups), p);
        relate(f, lb->span, fmt::format("load balancer '{}'", lb->name));
        with_groups(f, *groups, "service security group");
        with_groups(f, *lb_groups, "load balancer security group");
      }
    }
  }
}

void check(const Project& project, Findings& out) {
  if (sg::has_unattributed_ingress(project)) return;  // a rule of unknown group may admit anything
  check_datastores(project, out);
  check_services(project, out);
}
}  // namespace

extern const Rule kSgPortUnreachable{
    .id = "SG006",
    .name = "sg-port-unreachable",
    .summary = "A listener's port must be admitted through its own security groups",
    .level = Level::Error,
    .family = Family::Sg,
    .tags = {"correctness", "network"},
    .check = check};

}  // namespace kclint
