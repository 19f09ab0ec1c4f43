// IAM003: a write or permissions-management action on Resource "*" reaches
// every resource of that type in the account, not just the workload's own.
#include <algorithm>
#include <cctype>

#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
// `iam:PassRole` (or a pattern such as `iam:Pass*` that covers nothing else) on
// "*" is IAM006's finding; reporting it here too would say the same thing twice.
bool passrole_only(std::string_view action) {
  std::string a(action);
  std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return std::tolower(c); });
  return a.starts_with("iam:pass") && iam::matches(a, "iam:PassRole");
}

void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    const Value* star = iam::star_resource(s);
    if (!star) return;
    std::string actions;
    for (const Value& a : s.actions) {
      const std::string* t = iam::text(a);
      if (!t || !iam::covers_write(*t) || iam::star_resource_only(*t) || passrole_only(*t)) continue;
      actions += (actions.empty() ? "" : ", ") + *t;
    }
    if (!actions.empty())
      out.report(star->span(), "policy of '{}' allows write actions ({}) on Resource \"*\"; scope them to the ARNs "
                 "they act on", r.name, actions).key = iam::statement_key(r, d, i);
  });
}
}  // namespace

extern const Rule kIamWildcardResourceWrite{
    .id = "IAM003",
    .name = "iam-wildcard-resource-write",
    .summary = "Write and permissions-management actions must be scoped to specific resources",
    .level = Level::Warning,
    .family = Family::Iam,
    .tags = {"security", "iam", "least-privilege"},
    .security_severity = 6.5,
    .check = check};

}  // namespace kclint
