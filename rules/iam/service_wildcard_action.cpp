// IAM002: `s3:*` or `iam:*Policy` grants every matching action, including
// the ones AWS adds later; least privilege lists the actions a workload uses.
#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    for (const Value& a : s.actions) {
      const std::string* t = iam::text(a);
      if (!t || *t == "*" || *t == "*:*" || !iam::has_wildcard(*t) || !iam::covers_write(*t)) continue;  // IAM001: "*"
      bool whole_service = t->ends_with(":*");
      out.report(a.span(), "policy of '{}' allows \"{}\", {}; list the actions it needs", r.name, *t,
                 whole_service ? "every action of the service" : "a wildcard that covers write actions")
          .key = iam::statement_key(r, d, i) + "/" + *t;
    }
  });
}
}  // namespace

extern const Rule kIamServiceWildcardAction{
    .id = "IAM002",
    .name = "iam-service-wildcard-action",
    .summary = "IAM Allow statements should not use service-wide or write-covering action wildcards",
    .level = Level::Warning,
    .family = Family::Iam,
    .tags = {"security", "iam", "least-privilege"},
    .security_severity = 6.0,
    .check = check};

}  // namespace kclint
