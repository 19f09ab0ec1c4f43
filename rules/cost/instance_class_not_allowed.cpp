// COST005: the cost policy in `.kclint.yaml` says which sizes an environment
// may run; a bigger database, cache or task than allowed is a budget
// decision that should be made on purpose, not by a copied block.
#include <fmt/ranges.h>

#include "analyzer/ir/glob.h"
#include "analyzer/ir/rule.h"
#include "rules/cost/environment.h"
#include "rules/cost/estimate.h"

namespace kclint {

namespace {

std::string environment_label(const std::string& env) {
  return env.empty() ? std::string("the default policy") : fmt::format("environment '{}'", env);
}

bool allowed(const std::vector<std::string>& globs, std::string_view value) {
  for (const std::string& g : globs)
    if (name_match(g, value)) return true;
  return false;
}

std::string where(const Project& project, const ConfigLocation& at) {
  return fmt::format("{}:{}", project.settings.config_file, at.line);
}

// An instance class / node type checked against a list of globs.
void check_size(const Project& project, Findings& out, const Resource& r, std::string_view what, const Value* value,
                const std::vector<std::string>& globs, const ConfigLocation& at) {
  const std::string* v = value ? value->string_value() : nullptr;
  if (globs.empty() || !v || *v == "db.serverless" || allowed(globs, *v)) return;
  out.report(value->span(), "{} '{}' uses {}, which {} does not allow (allowed: {}; {})", what, r.name, *v,
             environment_label(r.environment), fmt::join(globs, ", "), where(project, at));
}

bool is_fargate(const Resource& td) {
  const Value* compat = td.attr("requires_compatibilities");
  if (const Value::List* list = compat ? compat->list_value() : nullptr)
    for (const Value& c : *list)
      if (c.string_value() && *c.string_value() == "FARGATE") return true;
  return false;
}

void check(const Project& project, Findings& out) {
  const Settings& settings = project.settings;
  if (settings.cost.empty()) return;  // silent without a policy
  for (const Kind kind : {Kind::RdsInstance, Kind::RdsClusterInstance})
    for (const Resource* db : project.of_kind(kind))
      if (const CostPolicy* p = settings.cost_policy(db->environment))
        check_size(project, out, *db, kind == Kind::RdsInstance ? "RDS instance" : "Aurora instance", db->attr("instance_class"),
                   p->instance_classes, p->instance_classes_at);
  for (const Kind kind : {Kind::CacheCluster, Kind::CacheReplicationGroup})
    for (const Resource* c : project.of_kind(kind))
      if (const CostPolicy* p = settings.cost_policy(c->environment))
        check_size(project, out, *c, kind == Kind::CacheCluster ? "ElastiCache cluster" : "ElastiCache replication group",
                   c->attr("node_type"), p->node_types, p->node_types_at);
  for (const Resource* cluster : project.of_kind(Kind::RdsCluster)) {
    const CostPolicy* p = settings.cost_policy(cluster->environment);
    const Value* max = cluster->attr("serverlessv2_max_capacity");
    std::optional<double> acu = max ? max->as_number() : std::nullopt;
    if (!p || !p->aurora_max_acu || !acu || *acu <= *p->aurora_max_acu) continue;
    out.report(max->span(), "Aurora cluster '{}' may scale to {:g} ACU, more than the {:g} ACU {} allows ({})",
               cluster->name, *acu, *p->aurora_max_acu, environment_label(cluster->environment), where(project, p->aurora_max_acu_at));
  }
  for (const Resource* td : project.of_kind(Kind::EcsTaskDefinition)) {
    const CostPolicy* p = settings.cost_policy(td->environment);
    if (!p || p->fargate_sizes.empty() || !is_fargate(*td)) continue;
    const Value* cpu_v = td->attr("cpu");
    const Value* mem_v = td->attr("memory");
    std::optional<double> cpu = cost::task_size(cpu_v, "vcpu"), mem = cost::task_size(mem_v, "gb");
    if (!cpu || !mem) continue;  // Unknown, or not set at task level
    std::string size = fmt::format("{:g}/{:g}", *cpu, *mem);
    if (allowed(p->fargate_sizes, size)) continue;
    out.report(cpu_v->span(), "Fargate task definition '{}' is sized {} (CPU/memory), which {} does not allow (allowed: {}; {})",
               td->name, size, environment_label(td->environment), fmt::join(p->fargate_sizes, ", "),
               where(project, p->fargate_sizes_at));
  }
}

}  // namespace

extern const Rule kInstanceClassNotAllowed{
    .id = "COST005",
    .name = "instance-class-not-allowed",
    .summary = "Instance classes, node types, Fargate sizes and Aurora ACUs stay within the environment's cost policy",
    .level = Level::Error,
    .family = Family::Cost,
    .tags = {"cost", "policy"},
    .check = check};

}  // namespace kclint
