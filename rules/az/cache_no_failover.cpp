// AZ004: a Redis primary without automatic failover, or a single-node Redis,
// loses the cache (and any sessions or queues in it) with its node or AZ.
#include "analyzer/ir/rule.h"
#include "rules/cost/environment.h"

namespace kclint {

namespace {
bool is_redis(const Value* engine, bool default_redis) {
  if (!engine || engine->is_null()) return default_redis;
  const std::string* e = engine->string_value();
  return e && (e->starts_with("redis") || e->starts_with("valkey"));
}

void replication_groups(const Project& project, Findings& out) {
  for (const Resource* g : project.of_kind(Kind::CacheReplicationGroup)) {
    if (!is_redis(g->attr("engine"), true)) continue;
    Level level = env::prod_level(*g, Level::Warning);
    for (std::string_view key : {"automatic_failover_enabled", "multi_az_enabled"}) {
      const Value* v = g->attr(key);
      bool missing = !v || v->is_null();
      if (!missing && v->as_bool() != false) continue;  // true or Unknown
      out.report_at(level, missing ? g->span : v->span(), "Redis replication group '{}' has {} {}{}", g->name, key,
                    missing ? "unset (disabled)" : "false", env::prod_suffix(*g));
      break;  // multi-AZ needs failover: one finding per group
    }
  }
}

void single_node_clusters(const Project& project, Findings& out) {
  for (const Resource* c : project.of_kind(Kind::CacheCluster)) {
    if (!is_redis(c->attr("engine"), false)) continue;
    const Value* nodes = c->attr("num_cache_nodes");
    std::optional<double> n = nodes && !nodes->is_null() ? nodes->as_number() : std::optional<double>(1);
    if (!n || *n >= 2) continue;
    out.report_at(env::prod_level(*c, Level::Warning), nodes ? nodes->span() : c->span,
                  "Redis cluster '{}' is a single node with no replica to fail over to; use a replication group with "
                  "automatic failover{}",
                  c->name, env::prod_suffix(*c));
  }
}

void check(const Project& project, Findings& out) {
  replication_groups(project, out);
  single_node_clusters(project, out);
}
}  // namespace

extern const Rule kCacheNoFailover{
    .id = "AZ004",
    .name = "cache-no-failover",
    .summary = "Redis should run with automatic failover across AZs",
    .level = Level::Warning,
    .family = Family::Az,
    .tags = {"reliability", "cache"},
    .check = check};

}  // namespace kclint
