// CTR002: an ECS container running as root gives whoever breaks into it root
// in the container, and a much shorter path to the host and the task role.
#include "analyzer/ir/rule.h"
#include "rules/ctr/containers.h"

namespace kclint {

namespace {
// The stage a container's image is built from (a RunsImage edge at its image), if any.
const Resource* built_from(const Project& project, const Resource& td, const ContainerSpec& c) {
  for (const Edge* e : project.edges_from(project.id_of(td), EdgeKind::RunsImage)) {
    const Resource& target = project.resource(e->to);
    if (target.kind == Kind::ContainerImage && e->span == c.image.span()) return &target;
  }
  return nullptr;
}

void check(const Project& project, Findings& out) {
  for (const Resource* td : project.of_kind(Kind::EcsTaskDefinition)) {
    for (const ContainerSpec& c : td->containers) {
      if (const std::string* user = c.user.string_value()) {
        if (ctr::is_root_user(*user))
          out.report(c.user.span(), "container '{}' runs as root (user '{}'); set a non-root user", c.name, *user).key =
              td->address + "/" + c.name;
        continue;
      }
      if (!c.user.is_null()) continue;  // Unknown: can't tell
      const Resource* stage = built_from(project, *td, c);
      if (!stage) continue;
      const Value* user = stage->attr("user");
      bool root = user && (user->is_null() || (user->string_value() && ctr::is_root_user(*user->string_value())));
      if (!root) continue;
      Finding& f = out.report_at(Level::Warning, c.image.span(),
                                 "container '{}' sets no user and its image is built from stage '{}', which runs as root; "
                                 "set 'user' to a non-root user or add USER to the Dockerfile",
                                 c.name, stage->name);
      relate(f, user->is_null() ? stage->attr("from")->span() : user->span(), "the image's Dockerfile stage runs as root");
      f.key = td->address + "/" + c.name;
    }
  }
}
}  // namespace

extern const Rule kEcsContainerRunsAsRoot{
    .id = "CTR002",
    .name = "ecs-container-runs-as-root",
    .summary = "ECS containers must not run as root",
    .level = Level::Error,
    .family = Family::Ctr,
    .tags = {"security", "containers", "ecs"},
    .security_severity = 7.0,
    .check = check};

}  // namespace kclint
