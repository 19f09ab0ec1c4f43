// CI005: a deploy job without `environment:` skips the protection rules
// (required reviewers, wait timers, branch limits) that gate production.
#include <algorithm>

#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (const dep::JobRun& run : dep::job_runs(project)) {
    const Resource* job = run.job;
    const Value* env = job->attr("environment");
    const Value* uses = job->attr("uses");
    if ((env && !env->is_null()) || (uses && !uses->is_null())) continue;
    auto deploy = std::find_if(run.actions.begin(), run.actions.end(),
                               [](const dep::Action& a) { return a.role == dep::Role::Deploy; });
    if (deploy == run.actions.end()) continue;
    Finding& f = out.report(job->attr("id")->span(), "job '{}' deploys ({}) without an 'environment:', so no protection "
                            "rules or approvals apply", job->name, deploy->what);
    relate(f, deploy->span, "the deploy step");
    f.key = job->address;
  }
}
}  // namespace

extern const Rule kDeployWithoutEnvironment{
    .id = "CI005",
    .name = "deploy-without-environment",
    .summary = "A job that deploys should name a GitHub environment",
    .level = Level::Note,
    .family = Family::Ci,
    .tags = {"github-actions", "deploy"},
    .check = check};

}  // namespace kclint
