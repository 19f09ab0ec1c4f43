// IAM006: iam:PassRole on Resource "*" lets the principal hand any role in
// the account (an admin role included) to a service it controls: escalation.
#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    if (!iam::star_resource(s)) return;
    for (const Value& a : s.actions)
      if (const std::string* t = iam::text(a); t && iam::matches(*t, "iam:PassRole"))
        out.report(a.span(), "policy of '{}' allows iam:PassRole (via \"{}\") on Resource \"*\"; scope it to the role "
                   "ARNs it passes", r.name, *t).key = iam::statement_key(r, d, i);
  });
}
}  // namespace

extern const Rule kIamPassroleUnscoped{
    .id = "IAM006",
    .name = "iam-passrole-unscoped",
    .summary = "iam:PassRole must be scoped to specific role ARNs",
    .level = Level::Error,
    .family = Family::Iam,
    .tags = {"security", "iam", "privilege-escalation"},
    .security_severity = 8.5,
    .check = check};

}  // namespace kclint
