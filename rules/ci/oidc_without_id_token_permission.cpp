// CI002: assuming a role through OIDC needs an ID token, and a job only gets
// one with `permissions: id-token: write`; without it the login step fails.
#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
// nullopt when the permissions cannot be judged.
std::optional<bool> grants_id_token(const Value& permissions) {
  if (const std::string* s = permissions.string_value()) return *s == "write-all";
  if (permissions.is_map()) {
    const Value* v = permissions.get("id-token");
    if (!v) return false;
    if (const std::string* s = v->string_value()) return *s == "write";
  }
  return std::nullopt;
}

bool only_workflow_call(const Resource& workflow) {
  const Value* t = workflow.attr("triggers");
  return t && t->list_value() && t->list_value()->size() == 1 && t->list_value()->front().string_value() &&
         *t->list_value()->front().string_value() == "workflow_call";
}

void check(const Project& project, Findings& out) {
  for (const dep::JobRun& run : dep::job_runs(project)) {
    const Resource* job = run.job;
    const Value* uses = job->attr("uses");
    if (job->parent == kNoResource || (uses && !uses->is_null())) continue;  // called workflows are judged themselves
    const Resource& workflow = project.resource(job->parent);
    const Value* perms = job->attr("permissions");
    if (!perms || perms->is_null()) perms = workflow.attr("permissions");
    std::optional<bool> granted = false;
    if (perms && !perms->is_null()) granted = grants_id_token(*perms);
    else if (only_workflow_call(workflow)) granted = std::nullopt;  // the caller's permissions apply
    if (granted != false) continue;
    for (const Resource* step : run.steps) {
      if (!dep::uses_action(*step, "aws-actions/configure-aws-credentials")) continue;
      const Value* with = step->attr("with");
      const Value* role = with ? with->get("role-to-assume") : nullptr;
      if (!role || role->is_null() || with->get("aws-access-key-id") || with->get("web-identity-token-file")) continue;
      Finding& f = out.report(role->span(), "job '{}' assumes a role through OIDC but is not granted 'permissions: "
                              "id-token: write'; the credentials step will fail", job->name);
      f.key = step->address;
      if (perms && perms->span().valid()) relate(f, perms->span(), "the permissions that apply to the job");
    }
  }
}
}  // namespace

extern const Rule kOidcWithoutIdTokenPermission{
    .id = "CI002",
    .name = "oidc-without-id-token-permission",
    .summary = "A job that assumes a role through OIDC needs 'permissions: id-token: write'",
    .level = Level::Error,
    .family = Family::Ci,
    .tags = {"github-actions", "credentials", "oidc"},
    .check = check};

}  // namespace kclint
