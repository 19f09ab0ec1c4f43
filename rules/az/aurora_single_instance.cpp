// AZ002: an Aurora cluster with one instance has no reader to fail over to;
// an AZ outage or instance failure means minutes of downtime while it is replaced.
#include <map>

#include "analyzer/ir/rule.h"
#include "rules/cost/environment.h"

namespace kclint {

namespace {
bool is_aurora(const Resource& cluster) {
  const Value* engine = cluster.attr("engine");
  const Value* mode = cluster.attr("engine_mode");
  const std::string* e = engine ? engine->string_value() : nullptr;
  const std::string* m = mode ? mode->string_value() : nullptr;
  return e && e->starts_with("aurora") && !(m && *m == "serverless");  // v1 serverless has no instances
}

void check(const Project& project, Findings& out) {
  std::map<const Resource*, int> members;
  for (Kind k : {Kind::RdsInstance, Kind::RdsClusterInstance})
    for (const Resource* db : project.of_kind(k)) {
      const Value* cluster = db->attr("cluster");
      if (!cluster || cluster->is_null()) continue;
      const Value::Ref* ref = cluster->reference_value();
      if (!ref) return;  // a member of an unknown cluster: counts are not exact
      if (const Value* n = db->attr("instances"); n && n->is_unknown()) return;  // an Unknown count / for_each
      if (const Resource* c = project.find(ref->target)) ++members[c];
    }
  for (const Resource* c : project.of_kind(Kind::RdsCluster)) {
    if (!is_aurora(*c) || members[c] >= 2) continue;
    out.report_at(env::prod_level(*c, Level::Warning), c->span,
                  "Aurora cluster '{}' has {} instance(s); add a second instance (a reader in another AZ) for failover{}",
                  c->name, members[c], env::prod_suffix(*c));
  }
}
}  // namespace

extern const Rule kAuroraSingleInstance{
    .id = "AZ002",
    .name = "aurora-single-instance",
    .summary = "Aurora clusters should have at least two instances",
    .level = Level::Warning,
    .family = Family::Az,
    .tags = {"reliability", "database"},
    .check = check};

}  // namespace kclint
