// IAM001: `Action: "*"` on an Allow grants every action of every service,
// now and in the future: the principal is an administrator.
#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    for (const Value& a : s.actions)
      if (const std::string* t = iam::text(a); t && (*t == "*" || *t == "*:*"))
        out.report(a.span(), "policy of '{}' allows Action \"*\" (every action of every service); list the actions it needs",
                   r.name).key = iam::statement_key(r, d, i);
  });
}
}  // namespace

extern const Rule kIamWildcardAction{
    .id = "IAM001",
    .name = "iam-wildcard-action",
    .summary = "IAM Allow statements must not grant Action \"*\"",
    .level = Level::Error,
    .family = Family::Iam,
    .tags = {"security", "iam", "least-privilege"},
    .security_severity = 9.0,
    .check = check};

}  // namespace kclint
