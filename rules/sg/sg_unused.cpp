// SG007: a group nothing attaches is dead configuration: it is reviewed,
// audited and kept in sync for no effect, and invites being attached blindly.
#include <set>

#include "analyzer/ir/rule.h"
#include "rules/sg/network.h"

namespace kclint {

namespace {
// The addresses some other resource references. A group's own rules (inline,
// or a standalone rule's `group`) do not count as a use; peers do.
std::set<std::string> referenced(const Project& project) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < project.resource_count(); ++i) {
    const Resource& r = project.resource(static_cast<ResourceId>(i));
    if (r.kind == Kind::SecurityGroupRule) {
      for (const SecurityGroupRule& rule : r.sg_rules)
        sg::for_each_reference(rule.peer_group, [&](const Value& ref, bool) { out.insert(ref.reference_value()->target); });
      continue;
    }
    sg::for_each_reference(r, [&](const Value& ref, bool) {
      const std::string& target = ref.reference_value()->target;
      if (const Resource* t = project.find(target); t != &r) out.insert(t ? t->address : target);
    });
  }
  return out;
}

void check(const Project& project, Findings& out) {
  const std::vector<const Resource*>& groups = project.of_kind(Kind::SecurityGroup);
  if (groups.empty()) return;
  std::set<std::string> used = referenced(project);
  for (const Resource* g : groups)
    if (!used.count(g->address))
      out.report(g->span, "security group '{}' is not attached to or referenced by anything in the project", g->name);
}
}  // namespace

extern const Rule kSgUnused{
    .id = "SG007",
    .name = "sg-unused",
    .summary = "Security groups should be attached to something",
    .level = Level::Note,
    .family = Family::Sg,
    .tags = {"maintainability", "network"},
    .check = check};

}  // namespace kclint
