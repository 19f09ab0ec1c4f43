// COST003: Fargate Spot costs about 70% less than Fargate; outside
// production, an interrupted task is an acceptable price for that.
#include "analyzer/ir/rule.h"
#include "rules/cost/environment.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (const Resource* svc : project.of_kind(Kind::EcsService)) {
    if (env::environment_of(*svc) != env::Env::NonProduction) continue;
    const Value* launch = svc->attr("launch_type");
    const Value* strategy = svc->attr("capacity_provider_strategy");
    bool fargate = launch && launch->string_value() && *launch->string_value() == "FARGATE";
    bool spot = false, unknown = false;
    if (const Value::List* list = strategy ? strategy->list_value() : nullptr)
      for (const Value& s : *list) {
        const Value* p = s.get("capacity_provider");
        const std::string* name = p ? p->string_value() : nullptr;
        if (!name) unknown = true;
        else if (*name == "FARGATE_SPOT") spot = true;
        else if (*name == "FARGATE") fargate = true;
      }
    else if (strategy && !strategy->is_null()) unknown = true;
    if (!fargate || spot || unknown) continue;
    const Value* at = strategy && !strategy->is_null() ? strategy : launch;
    out.report(at->span(), "ECS service '{}' ({}) runs on Fargate without FARGATE_SPOT in its capacity provider strategy",
               svc->name, env::environment_name(*svc));
  }
}
}  // namespace

extern const Rule kFargateNoSpotNonprod{
    .id = "COST003",
    .name = "fargate-no-spot-nonprod",
    .summary = "Non-production Fargate services should use Fargate Spot",
    .level = Level::Note,
    .family = Family::Cost,
    .tags = {"cost", "ecs"},
    .check = check};

}  // namespace kclint
