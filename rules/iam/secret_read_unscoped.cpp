// IAM009: reading secrets, parameters or decrypting with any key on
// Resource "*" lets a workload read every other workload's secrets.
#include <array>

#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
constexpr std::array<std::string_view, 5> kSecretReads = {"secretsmanager:GetSecretValue", "ssm:GetParameter",
                                                          "ssm:GetParameters", "ssm:GetParametersByPath", "kms:Decrypt"};

void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    if (!iam::star_resource(s)) return;
    for (const Value& a : s.actions) {
      const std::string* t = iam::text(a);
      if (!t) continue;
      for (std::string_view secret : kSecretReads)
        if (iam::matches(*t, secret)) {
          out.report(a.span(), "policy of '{}' allows {} (via \"{}\") on Resource \"*\"; scope it to the secret, "
                     "parameter or key ARNs it reads", r.name, secret, *t).key = iam::statement_key(r, d, i) + "/" + *t;
          break;
        }
    }
  });
}
}  // namespace

extern const Rule kIamSecretReadUnscoped{
    .id = "IAM009",
    .name = "iam-secret-read-unscoped",
    .summary = "Secret reads and kms:Decrypt should be scoped to specific secret, parameter and key ARNs",
    .level = Level::Warning,
    .family = Family::Iam,
    .tags = {"security", "iam", "secrets"},
    .security_severity = 6.5,
    .check = check};

}  // namespace kclint
