// AZ001: a single-AZ RDS instance is down for the whole of an AZ outage and
// for every maintenance window that restarts it.
#include "analyzer/ir/rule.h"
#include "rules/cost/environment.h"

namespace kclint {

namespace {
bool is_aurora_member(const Resource& db) {
  const Value* cluster = db.attr("cluster");
  if (cluster && !cluster->is_null()) return true;
  const Value* engine = db.attr("engine");
  const std::string* e = engine ? engine->string_value() : nullptr;
  return e && e->starts_with("aurora");
}

void check(const Project& project, Findings& out) {
  for (const Resource* db : project.of_kind(Kind::RdsInstance)) {
    if (is_aurora_member(*db)) continue;  // AZ002
    const Value* multi_az = db->attr("multi_az");
    Level level = env::prod_level(*db, Level::Warning);
    if (!multi_az || multi_az->is_null()) {
      out.report_at(level, db->span, "RDS instance '{}' is single-AZ (multi_az is not set){}", db->name,
                    env::prod_suffix(*db));
    } else if (multi_az->as_bool() == false) {
      out.report_at(level, multi_az->span(), "RDS instance '{}' is single-AZ (multi_az is false){}", db->name,
                    env::prod_suffix(*db));
    }
  }
}
}  // namespace

extern const Rule kRdsNotMultiAz{
    .id = "AZ001",
    .name = "rds-not-multi-az",
    .summary = "RDS instances should be Multi-AZ",
    .level = Level::Warning,
    .family = Family::Az,
    .tags = {"reliability", "database"},
    .check = check};

}  // namespace kclint
