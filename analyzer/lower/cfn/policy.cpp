// Where CloudFormation writes IAM policy documents, and in which role.
#include "analyzer/lower/cfn/policy.h"

#include <fmt/format.h>

#include "analyzer/lower/policy_json.h"

namespace kclint::cfn {

namespace {

// Policies: [{PolicyName, PolicyDocument}, …] of a role, user or group.
void inline_policies(const Value& properties, Resource& r) {
  const Value* policies = properties.get("Policies");
  const Value::List* list = policies ? policies->list_value() : nullptr;
  if (!list) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const Value* doc = (*list)[i].get("PolicyDocument");
    if (!doc) continue;
    PolicyDocument p = policy_from_json(*doc, PolicyRole::Identity, fmt::format("Policies[{}]", i));
    if (!p.span.valid()) p.span = (*list)[i].span();
    r.policies.push_back(std::move(p));
  }
}

void single(const Value& properties, std::string_view property, PolicyRole role, std::string attribute, Resource& r) {
  if (const Value* doc = properties.get(property)) r.policies.push_back(policy_from_json(*doc, role, std::move(attribute)));
}

}  // namespace

void lower_policies(Model model, const Value& properties, Resource& r) {
  switch (model) {
    case Model::Role:
      single(properties, "AssumeRolePolicyDocument", PolicyRole::Trust, "assume_role_policy", r);
      inline_policies(properties, r);
      break;
    case Model::Principal:
      inline_policies(properties, r);
      break;
    case Model::Policy: {
      single(properties, "PolicyDocument", PolicyRole::Identity, "policy", r);
      Value::List principals;
      for (std::string_view key : {"Roles", "Users", "Groups"})
        if (const Value* v = properties.get(key)) {
          if (const Value::List* list = v->list_value())
            principals.insert(principals.end(), list->begin(), list->end());
          else
            principals.push_back(*v);
        }
      r.attrs.set("principals", Value::list(std::move(principals), r.span));
      break;
    }
    case Model::BucketPolicy:
      single(properties, "PolicyDocument", PolicyRole::Resource, "policy", r);
      break;
    case Model::KmsKey:
      single(properties, "KeyPolicy", PolicyRole::Resource, "policy", r);
      break;
    default:
      break;
  }
}

}  // namespace kclint::cfn
