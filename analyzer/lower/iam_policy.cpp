// Standalone IAM policy JSON files ({"Version", "Statement"}) → one
// aws.iam.policy_document resource whose policies[0] is the document.
#include <algorithm>
#include <cctype>

#include "analyzer/lower/lower.h"
#include "analyzer/lower/policy_json.h"
#include "parsers/json/json.h"

namespace kclint {

namespace {

// A document with principals is a trust policy when it grants sts:AssumeRole*,
// else a resource policy; without principals it is an identity policy.
PolicyRole role_of(const PolicyDocument& doc) {
  bool principals = false, assume = false;
  for (const PolicyStatement& s : doc.statements) {
    principals = principals || s.has_principal;
    assume = assume || std::any_of(s.actions.begin(), s.actions.end(), [](const Value& a) {
               const std::string* t = a.string_value();
               return t && t->size() >= 14 && std::equal(t->begin(), t->begin() + 14, "sts:AssumeRole",
                                                          [](char x, char y) { return std::tolower(x) == std::tolower(y); });
             });
  }
  if (!principals) return PolicyRole::Identity;
  return assume ? PolicyRole::Trust : PolicyRole::Resource;
}

}  // namespace

FileUnit lower_iam_policy(SourceFile& file) {
  FileUnit unit;
  LoadResult doc = take_document(file);
  for (Diagnostic& d : doc.diagnostics) file.diagnostics.push_back(std::move(d));
  if (!doc.value.is_map()) return unit;

  Resource r;
  r.kind = Kind::IamPolicyDocument;
  r.native_type = "IAM policy (JSON)";
  r.address = file.rel_path;
  r.name = file.rel_path.substr(file.rel_path.rfind('/') + 1);
  r.file = file.id;
  r.span = doc.value.span();
  PolicyDocument p = policy_from_json(doc.value, PolicyRole::Identity, "policy");
  p.role = role_of(p);
  r.policies.push_back(std::move(p));
  unit.resources.push_back(std::move(r));
  return unit;
}

}  // namespace kclint
