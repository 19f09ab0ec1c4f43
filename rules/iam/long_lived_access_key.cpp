// IAM010: an IAM access key is a long-lived credential that ends up in
// config files, CI secrets and state; roles and OIDC issue short-lived ones.
#include "analyzer/ir/rule.h"

namespace kclint {

namespace {
void check(const Project& project, Findings& out) {
  for (const Resource* key : project.of_kind(Kind::IamAccessKey)) {
    const Value* user = key->attr("user");
    std::string who = user && user->string_value() ? fmt::format(" for user '{}'", *user->string_value()) : "";
    out.report(key->span, "'{}' creates a long-lived IAM access key{}; prefer a role (or GitHub OIDC in CI)", key->name,
               who).key = key->address;
  }
}
}  // namespace

extern const Rule kIamLongLivedAccessKey{
    .id = "IAM010",
    .name = "iam-long-lived-access-key",
    .summary = "Prefer roles and OIDC to IAM access keys",
    .level = Level::Warning,
    .family = Family::Iam,
    .tags = {"security", "iam", "credentials"},
    .security_severity = 5.0,
    .check = check};

}  // namespace kclint
