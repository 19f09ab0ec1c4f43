// CTR001: the shipped image runs as root. Whoever breaks into the process
// owns the container, and with a kernel or runtime bug, the host.
#include "analyzer/ir/rule.h"
#include "rules/ctr/containers.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (const ctr::ShippedStage& s : ctr::shipped_stages(project)) {
    const Value* user = s.stage->attr("user");
    const Value* from = s.stage->attr("from");
    Finding* f = nullptr;
    if (!user || user->is_null()) {
      f = &out.report(from->span(), "stage '{}' has no USER instruction, so the image runs as root; add 'USER <non-root>'",
                      s.stage->name);
    } else if (const std::string* name = user->string_value(); name && ctr::is_root_user(*name)) {
      f = &out.report(user->span(), "stage '{}' runs as root (USER {}); switch to a non-root user", s.stage->name, *name);
    }
    if (!f) continue;
    f->key = s.stage->address;
    for (const Edge* e : s.built_by) relate(*f, e->span, "the image is built here");
  }
}
}  // namespace

extern const Rule kDockerfileRunsAsRoot{
    .id = "CTR001",
    .name = "dockerfile-runs-as-root",
    .summary = "The Dockerfile stage that is shipped must switch to a non-root USER",
    .level = Level::Error,
    .family = Family::Ctr,
    .tags = {"security", "containers", "dockerfile"},
    .security_severity = 7.0,
    .check = check};

}  // namespace kclint
