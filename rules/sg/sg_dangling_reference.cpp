// SG004: a group reference that resolves to nothing fails at deploy time, or
// (through a default or a stale variable) attaches a group nobody reviews.
#include <set>

#include "analyzer/ir/rule.h"
#include "rules/sg/network.h"

namespace kclint {

namespace {
struct Dangling {
  const Resource* from;
  const Value* ref;
};

void check(const Project& project, Findings& out) {
  std::vector<Dangling> found;
  std::set<std::string> used_directly;  // targets some non-stack resource uses
  for (std::size_t i = 0; i < project.resource_count(); ++i) {
    const Resource& r = project.resource(static_cast<ResourceId>(i));
    sg::for_each_reference(r, [&](const Value& ref, bool sg_key) {
      const std::string& target = ref.reference_value()->target;
      if (!(sg_key || sg::is_sg_address(target)) || project.find(target)) return;
      found.push_back({&r, &ref});
      if (r.kind != Kind::CfnStack) used_directly.insert(target);
    });
  }
  for (const auto& [r, ref] : found) {
    const std::string& target = ref->reference_value()->target;
    // A nested stack only passes the value on; report it where it is used.
    if (r->kind == Kind::CfnStack && used_directly.count(target)) continue;
    std::string_view shown = target;
    if (std::size_t hash = shown.rfind('#'); hash != std::string_view::npos) shown.remove_prefix(hash + 1);
    out.report(ref->span(), "'{}' references security group '{}', which is not defined anywhere in the project",
               r->name, shown)
        .key = r->address + "->" + target;
  }
}
}  // namespace

extern const Rule kSgDanglingReference{
    .id = "SG004",
    .name = "sg-dangling-reference",
    .summary = "Security group references must resolve to a group in the project",
    .level = Level::Error,
    .family = Family::Sg,
    .tags = {"correctness", "network"},
    .check = check};

}  // namespace kclint
