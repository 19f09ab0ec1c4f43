// AZ005: a service with one task is down while that task is replaced or its
// AZ fails; two tasks spread across AZs keep it up.
#include "analyzer/ir/rule.h"
#include "rules/cost/environment.h"

namespace kclint {

namespace {
// The scaling targets of a service: `service` resolves to it, or (CFN
// `ResourceId: !Sub service/${Cluster}/${Service.Name}`) a reference edge does.
std::vector<const Resource*> scaling_targets(const Project& project, const Resource& service) {
  std::vector<const Resource*> out;
  ResourceId id = project.id_of(service);
  for (const Resource* t : project.of_kind(Kind::AutoScalingTarget)) {
    const Value* s = t->attr("service");
    bool linked = s && s->reference_value() && project.find(s->reference_value()->target) == &service;
    for (const Edge* e : project.edges_from(project.id_of(*t), EdgeKind::References)) linked = linked || e->to == id;
    if (linked) out.push_back(t);
  }
  return out;
}

void check(const Project& project, Findings& out) {
  for (const Resource* svc : project.of_kind(Kind::EcsService)) {
    const Value* desired = svc->attr("desired_count");
    std::optional<double> n = desired ? desired->as_number() : std::nullopt;
    if (desired && !desired->is_null() && !n) continue;  // Unknown
    if (n && *n >= 2) continue;
    bool scaled_enough = false, unknown = false;
    for (const Resource* t : scaling_targets(project, *svc)) {
      const Value* min = t->attr("min_capacity");
      std::optional<double> m = min ? min->as_number() : std::nullopt;
      if (!m) unknown = true;
      else if (*m >= 2) scaled_enough = true;
    }
    if (scaled_enough || unknown) continue;
    Level level = env::prod_level(*svc, Level::Warning);
    if (n)
      out.report_at(level, desired->span(), "ECS service '{}' runs {} task(s) (desired_count < 2, no autoscaling minimum >= 2){}",
                    svc->name, *n, env::prod_suffix(*svc));
    else
      out.report_at(level, svc->span, "ECS service '{}' sets no desired count, so it runs at most one task{}", svc->name,
                    env::prod_suffix(*svc));
  }
}
}  // namespace

extern const Rule kEcsServiceSingleTask{
    .id = "AZ005",
    .name = "ecs-service-single-task",
    .summary = "ECS services should run at least two tasks",
    .level = Level::Warning,
    .family = Family::Az,
    .tags = {"reliability", "ecs"},
    .check = check};

}  // namespace kclint
