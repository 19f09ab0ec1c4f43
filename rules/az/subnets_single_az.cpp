// AZ003: subnets in one AZ make the database, cache, load balancer or service
// fail with that AZ, whatever else is configured for high availability.
#include "analyzer/ir/rule.h"
#include "rules/az/zones.h"

namespace kclint {

namespace {
struct Target {
  Kind kind;
  std::string_view attribute;
  std::string_view what;
};
constexpr Target kTargets[] = {{Kind::DbSubnetGroup, "subnet_ids", "DB subnet group"},
                               {Kind::CacheSubnetGroup, "subnet_ids", "cache subnet group"},
                               {Kind::LoadBalancer, "subnets", "load balancer"},
                               {Kind::EcsService, "subnets", "ECS service"}};

void check(const Project& project, Findings& out) {
  for (const Target& t : kTargets)
    for (const Resource* r : project.of_kind(t.kind)) {
      const Value* list = r->attr(t.attribute);
      std::optional<az::Zones> z = list ? az::zones_of(project, *list) : std::nullopt;
      if (!z || !z->exact || z->count() >= 2) continue;
      Finding& f = out.report(list->span(), "{} '{}' has its subnets in {} availability zone ({}); use at least two",
                              t.what, r->name, z->count(), az::describe(*z));
      for (const Resource* s : z->subnets) relate(f, s->span, "subnet '" + s->name + "'");
    }
}
}  // namespace

extern const Rule kSubnetsSingleAz{
    .id = "AZ003",
    .name = "subnets-single-az",
    .summary = "Subnet groups, load balancers and services need subnets in two AZs",
    .level = Level::Error,
    .family = Family::Az,
    .tags = {"reliability", "network"},
    .check = check};

}  // namespace kclint
