// CTR003: a privileged container has every capability of the host's root
// user and access to its devices: escaping it is trivial.
#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (const Resource* td : project.of_kind(Kind::EcsTaskDefinition))
    for (const ContainerSpec& c : td->containers)
      if (c.privileged.as_bool() == true)  // Unknown is not true
        out.report(c.privileged.span(), "container '{}' runs privileged; remove 'privileged' and grant only the Linux "
                   "capabilities it needs", c.name).key = td->address + "/" + c.name;
}
}  // namespace

extern const Rule kEcsContainerPrivileged{
    .id = "CTR003",
    .name = "ecs-container-privileged",
    .summary = "ECS containers must not run privileged",
    .level = Level::Error,
    .family = Family::Ctr,
    .tags = {"security", "containers", "ecs"},
    .security_severity = 8.5,
    .check = check};

}  // namespace kclint
