// CTR005: without a health check, the orchestrator only knows the process is
// alive, not that it serves; hung containers keep receiving traffic.
#include "analyzer/ir/rule.h"
#include "rules/ctr/containers.h"

namespace kclint {

namespace {
// An ECS container that runs this stage's image and defines its own check.
bool checked_by_container(const Project& project, const Resource& stage) {
  for (const Edge* e : project.edges_to(project.id_of(stage), EdgeKind::RunsImage)) {
    const Resource& task = project.resource(e->from);
    for (const ContainerSpec& c : task.containers)
      if (!c.health_check.is_null()) return true;
  }
  return false;
}

void check(const Project& project, Findings& out) {
  for (const ctr::ShippedStage& s : ctr::shipped_stages(project)) {
    const Value* hc = s.stage->attr("health_check");
    if (hc && !hc->is_null()) continue;
    if (checked_by_container(project, *s.stage)) continue;
    out.report(s.stage->attr("from")->span(),
               "stage '{}' is shipped without a HEALTHCHECK (and no task definition that runs it has a healthCheck)",
               s.stage->name)
        .key = s.stage->address;
  }
}
}  // namespace

extern const Rule kNoHealthcheck{
    .id = "CTR005",
    .name = "no-healthcheck",
    .summary = "A shipped image should declare a HEALTHCHECK, or its task definition a healthCheck",
    .level = Level::Note,
    .family = Family::Ctr,
    .tags = {"containers", "reliability", "dockerfile"},
    .check = check};

}  // namespace kclint
