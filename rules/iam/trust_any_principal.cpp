// IAM007: a trust or resource policy that allows Principal "*" lets any AWS
// account (or anonymous caller) in, unless a condition pins who it is.
#include <algorithm>
#include <array>

#include "analyzer/ir/rule.h"
#include "rules/iam/policy.h"

namespace kclint {

namespace {
// Condition keys that restrict who the caller is or where the call comes from.
constexpr std::array<std::string_view, 17> kRestricting = {
    "aws:SourceAccount", "aws:SourceArn",     "aws:SourceOwner",       "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount", "aws:PrincipalArn", "aws:SourceVpc",       "aws:SourceVpce",     "aws:SourceIp",
    "aws:SourceOrgID",   "aws:SourceOrgPaths", "aws:userid",           "aws:PrincipalServiceName",
    "kms:CallerAccount", "kms:ViaService",    "sts:ExternalId"};

bool any_value(const Value& v) {  // "*" only: matches everyone
  if (const std::string* t = v.string_value()) return *t == "*";
  if (const Value::List* list = v.list_value())
    return !list->empty() && std::all_of(list->begin(), list->end(), [](const Value& e) { return any_value(e); });
  return false;  // Unknown: cannot judge, counts as restricting
}

// True when restricted, or when the condition cannot be evaluated (silent).
bool restricted(const PolicyStatement& s) {
  std::optional<std::vector<iam::ConditionEntry>> entries = iam::conditions(s);
  if (!entries) return true;
  for (const iam::ConditionEntry& e : *entries)
    if (iam::positive_operator(e.op) && !any_value(*e.values))
      for (std::string_view key : kRestricting)
        if (iam::equals_ci(e.key, key)) return true;
  return false;
}

void check(const Project& project, Findings& out) {
  iam::for_each_allow(project, [&](const Resource& r, const PolicyDocument& d, const PolicyStatement& s, std::size_t i) {
    for (const Principal& p : s.principals) {
      const std::string* id = iam::text(p.id);
      if (!id || *id != "*" || (p.type != "*" && p.type != "AWS") || restricted(s)) continue;
      out.report(p.id.span(), "policy of '{}' allows any principal (\"*\") with no condition on the caller's account, "
                 "organization, source ARN or network; name the principals or add such a condition", r.name)
          .key = iam::statement_key(r, d, i);
      break;
    }
  });
}
}  // namespace

extern const Rule kIamTrustAnyPrincipal{
    .id = "IAM007",
    .name = "iam-trust-any-principal",
    .summary = "Trust and resource policies must not allow any principal without a restricting condition",
    .level = Level::Error,
    .family = Family::Iam,
    .tags = {"security", "iam", "exposure"},
    .security_severity = 9.0,
    .check = check};

}  // namespace kclint
