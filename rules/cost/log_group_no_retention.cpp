// COST002: log groups without retention keep every line forever, and
// CloudWatch storage is billed per GB-month.
#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (const Resource* group : project.of_kind(Kind::LogGroup)) {
    const Value* retention = group->attr("retention_in_days");
    if (!retention || retention->is_null()) {
      out.report(group->span, "log group '{}' has no retention; its logs never expire", group->name);
    } else if (retention->as_number() == 0.0) {
      out.report(retention->span(), "log group '{}' has retention 0 (never expire)", group->name);
    }
  }
}
}  // namespace

extern const Rule kLogGroupNoRetention{
    .id = "COST002",
    .name = "log-group-no-retention",
    .summary = "CloudWatch log groups should set a retention",
    .level = Level::Warning,
    .family = Family::Cost,
    .tags = {"cost", "logs"},
    .check = check};

}  // namespace kclint
