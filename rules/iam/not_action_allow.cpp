// IAM004: Allow + NotAction / NotResource grants everything except a list,
// so every new AWS action or resource is granted by default.
#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    if (!s.not_actions.empty())
      out.report(s.not_actions.front().span(), "policy of '{}' allows NotAction: every action except those listed; "
                 "list the allowed actions in Action instead", r.name).key = iam::statement_key(r, d, i) + "/NotAction";
    if (!s.not_resources.empty())
      out.report(s.not_resources.front().span(), "policy of '{}' allows NotResource: every resource except those "
                 "listed; list the allowed resources in Resource instead", r.name)
          .key = iam::statement_key(r, d, i) + "/NotResource";
  });
}
}  // namespace

extern const Rule kIamNotActionAllow{
    .id = "IAM004",
    .name = "iam-not-action-allow",
    .summary = "IAM Allow statements should not use NotAction or NotResource",
    .level = Level::Warning,
    .family = Family::Iam,
    .tags = {"security", "iam", "least-privilege"},
    .security_severity = 6.0,
    .check = check};

}  // namespace kclint
