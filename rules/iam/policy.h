// Shared helpers of the IAM rules: action classification (read / write /
// permissions management), IAM wildcard matching, the actions AWS only
// supports on Resource "*", AWS-managed policy names, and a walk over every
// policy statement of the project.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <optional>
#include <set>

#include "analyzer/ir/rule.h"

namespace kclint::iam {

enum class Access : std::uint8_t { Read, Write, Permissions };

// IAM's case-insensitive glob: `*` any run of characters, `?` one character.
bool matches(std::string_view pattern, std::string_view action);
bool has_wildcard(std::string_view pattern);

// What a concrete action (`s3:GetObject`, `iam:PassRole`) does.
Access classify(std::string_view action);
// Whether an action pattern covers a write or permissions-management action:
// `s3:*`, `s3:Put*`, `iam:*Policy`, `*` do; `s3:Get*`, `ec2:Describe*` do not.
bool covers_write(std::string_view pattern);
// Actions (and patterns of them) that AWS authorizes only on Resource "*".
bool star_resource_only(std::string_view action);

// The level of an AWS-managed policy ARN: Error for AdministratorAccess,
// IAMFullAccess and PowerUserAccess, Warning for any other `…FullAccess`
// (service-role paths included), nullopt for the rest.
std::optional<Level> managed_policy_level(std::string_view arn);

// The text of a String value, else nullptr (Unknown and References are not judged).
inline const std::string* text(const Value& v) { return v.string_value(); }
// Resource "*" among concrete resource elements.
const Value* star_resource(const PolicyStatement& s);
// Where a statement's first element is written: the same for every resource
// that carries the same written statement.
Span anchor(const PolicyStatement& s);
// A stable key for findings on a statement.
std::string statement_key(const Resource& r, const PolicyDocument& d, std::size_t index);

// One `{operator: {key: values}}` entry of a statement's Condition.
struct ConditionEntry {
  std::string_view op;   // as written: StringLike, ForAnyValue:StringEquals, ArnLikeIfExists, ...
  std::string_view key;  // as written: aws:SourceAccount, token.actions.githubusercontent.com:sub
  const Value* values;   // a String, a List of them, or Unknown
};
// The entries of a statement's Condition; nullopt when the block (or an
// operator's map) could not be evaluated, so rules stay silent.
std::optional<std::vector<ConditionEntry>> conditions(const PolicyStatement& s);
// A positive operator (not StringNotEquals, NotIpAddress, Null, ...).
bool positive_operator(std::string_view op);
bool equals_ci(std::string_view a, std::string_view b);

// Calls f(resource, document, statement, index) for every Allow statement of
// every policy document kclint could evaluate. A Deny is never a grant. A
// statement met again at the same place (a policy-document data source and the
// aws_iam_policy that uses its `.json`) is visited once, under its first owner.
template <class F>
void for_each_allow(const Project& project, F&& f) {
  std::set<std::pair<Span, std::size_t>> seen;
  for (std::size_t id = 0; id < project.resource_count(); ++id) {
    const Resource& r = project.resource(static_cast<ResourceId>(id));
    for (const PolicyDocument& d : r.policies) {
      if (d.unknown) continue;
      for (std::size_t i = 0; i < d.statements.size(); ++i) {
        const PolicyStatement& s = d.statements[i];
        Span at = anchor(s);
        if (at.valid() && !seen.emplace(at, i).second) continue;
        if (s.is_allow()) f(r, d, s, i);
      }
    }
  }
}

}  // namespace kclint::iam
