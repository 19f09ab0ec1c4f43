// CI001: AWS access keys stored as repository secrets never expire and work
// from anywhere; OIDC (role-to-assume) gives each run short-lived credentials.
#include "analyzer/ir/rule.h"
#include "rules/dep/pipeline.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (const Resource* step : project.of_kind(Kind::Step)) {
    if (!dep::uses_action(*step, "aws-actions/configure-aws-credentials")) continue;
    const Value* with = step->attr("with");
    for (std::string_view key : {"aws-access-key-id", "aws-secret-access-key"}) {
      const Value* v = with ? with->get(key) : nullptr;
      if (!v || v->is_null()) continue;
      out.report(v->span(), "'{}' passes a long-lived AWS access key to configure-aws-credentials; use OIDC with "
                 "'role-to-assume' and 'permissions: id-token: write'", key).key = step->address;
      break;
    }
  }
  for (Kind kind : {Kind::Workflow, Kind::Job, Kind::Step})
    for (const Resource* r : project.of_kind(kind)) {
      const Value* env = r->attr("env");
      const Value::Member* m = env ? env->member("AWS_ACCESS_KEY_ID") : nullptr;
      if (m && !m->value.is_null())
        out.report(m->key_span, "AWS_ACCESS_KEY_ID in env gives the workflow a long-lived access key; use OIDC with "
                   "aws-actions/configure-aws-credentials and 'role-to-assume'").key = r->address;
    }
}
}  // namespace

extern const Rule kLongLivedCloudKeys{
    .id = "CI001",
    .name = "long-lived-cloud-keys",
    .summary = "Workflows should get AWS credentials through OIDC, not stored access keys",
    .level = Level::Warning,
    .family = Family::Ci,
    .tags = {"security", "github-actions", "credentials"},
    .security_severity = 5.0,
    .check = check};

}  // namespace kclint
