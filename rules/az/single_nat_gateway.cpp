// AZ006: private subnets of several AZs sharing one NAT gateway lose all
// egress (image pulls, AWS APIs) when the NAT gateway's AZ fails.
#include <map>

#include "analyzer/ir/rule.h"
#include "rules/az/zones.h"

namespace kclint {

namespace {
const Resource* target(const Project& project, const Value* v, Kind kind) {
  const Value::Ref* ref = v ? v->reference_value() : nullptr;
  const Resource* r = ref ? project.find(ref->target) : nullptr;
  return r && r->kind == kind ? r : nullptr;
}

void check(const Project& project, Findings& out) {
  // route table → NAT gateways its default routes use (inline routes and route resources)
  std::map<const Resource*, std::vector<const Resource*>> nat_of;
  for (const Resource* t : project.of_kind(Kind::RouteTable))
    if (const Value* routes = t->attr("routes"); routes && routes->list_value())
      for (const Value& r : *routes->list_value())
        if (const Resource* nat = target(project, r.get("nat_gateway_id"), Kind::NatGateway)) nat_of[t].push_back(nat);
  for (const Resource* r : project.of_kind(Kind::Route))
    if (const Resource* t = target(project, r->attr("route_table_id"), Kind::RouteTable))
      if (const Resource* nat = target(project, r->attr("nat_gateway_id"), Kind::NatGateway)) nat_of[t].push_back(nat);
  // NAT gateway → the subnets whose route tables use it
  std::map<const Resource*, std::vector<const Resource*>> served;
  for (const Resource* a : project.of_kind(Kind::RouteTableAssociation)) {
    const Resource* t = target(project, a->attr("route_table_id"), Kind::RouteTable);
    const Resource* subnet = target(project, a->attr("subnet_id"), Kind::Subnet);
    if (!t || !subnet) continue;
    for (const Resource* nat : nat_of[t]) served[nat].push_back(subnet);
  }
  for (const auto& [nat, subnets] : served) {
    az::Zones z = az::zones_of(subnets);
    if (z.count() < 2 || !z.exact) continue;
    Finding& f = out.report(nat->span, "NAT gateway '{}' is the only egress for private subnets in {} AZs ({})",
                            nat->name, z.count(), az::describe(z));
    for (const Resource* s : subnets) relate(f, s->span, "private subnet '" + s->name + "'");
  }
}
}  // namespace

extern const Rule kSingleNatGateway{
    .id = "AZ006",
    .name = "single-nat-gateway",
    .summary = "Each AZ's private subnets should have their own NAT gateway",
    .level = Level::Note,
    .family = Family::Az,
    .tags = {"reliability", "network"},
    .check = check};

}  // namespace kclint
