// COST008: gp3 is about 20% cheaper than gp2 per GB and gives a 3000 IOPS
// baseline regardless of size; there is rarely a reason to stay on gp2.
#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (auto [kind, attribute] : {std::pair{Kind::EbsVolume, "type"}, std::pair{Kind::RdsInstance, "storage_type"},
                                 std::pair{Kind::RdsCluster, "storage_type"}, std::pair{Kind::Ec2Instance, "root_volume_type"}})
    for (const Resource* r : project.of_kind(kind)) {
      const Value* type = r->attr(attribute);
      const std::string* t = type ? type->string_value() : nullptr;
      if (t && *t == "gp2") out.report(type->span(), "'{}' uses gp2 storage; gp3 is cheaper for the same baseline", r->name);
    }
}
}  // namespace

extern const Rule kGp2Volume{
    .id = "COST008",
    .name = "gp2-volume",
    .summary = "Use gp3 instead of gp2 storage",
    .level = Level::Note,
    .family = Family::Cost,
    .tags = {"cost", "storage"},
    .check = check};

}  // namespace kclint
