// IAM005: AWS-managed administrator and *FullAccess policies grant far more
// than any workload needs, and AWS widens them as services grow.
#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
void judge(Findings& out, const Resource& r, const Value& arn) {
  const std::string* t = iam::text(arn);  // Unknown / Reference: a customer policy or not known
  std::optional<Level> level = t ? iam::managed_policy_level(*t) : std::nullopt;
  if (!level) return;
  std::string_view name = std::string_view(*t).substr(t->rfind('/') + 1);
  out.report_at(*level, arn.span(), "'{}' attaches the AWS-managed policy {}; attach a policy scoped to what it needs",
                r.name, name).key = r.address + "/" + std::string(name);
}

void check(const Project& project, Findings& out) {
  for (Kind kind : {Kind::IamRole, Kind::IamUser, Kind::IamGroup})
    for (const Resource* r : project.of_kind(kind))
      if (const Value* arns = r->attr("managed_policy_arns")) {
        if (const Value::List* list = arns->list_value())
          for (const Value& arn : *list) judge(out, *r, arn);
        else
          judge(out, *r, *arns);
      }
  for (const Resource* r : project.of_kind(Kind::IamPolicyAttachment))
    if (const Value* arn = r->attr("policy_arn")) judge(out, *r, *arn);
}
}  // namespace

extern const Rule kIamAdminManagedPolicy{
    .id = "IAM005",
    .name = "iam-admin-managed-policy",
    .summary = "Roles, users and groups must not attach AWS-managed administrator or FullAccess policies",
    .level = Level::Error,
    .family = Family::Iam,
    .tags = {"security", "iam", "least-privilege"},
    .security_severity = 8.0,
    .check = check};

}  // namespace kclint
