// CloudFormation IAM properties → PolicyDocuments and policy attributes, on
// top of the shared IAM JSON reader (analyzer/lower/policy_json.h).
#pragma once

#include "analyzer/ir/project.h"
#include "analyzer/lower/cfn/types.h"

namespace kclint::cfn {

// Fills r.policies (and, for AWS::IAM::Policy / ManagedPolicy, the
// `principals` attribute) from the evaluated properties of a resource of
// `model` Role, Policy, Principal, BucketPolicy or KmsKey; other models are
// left alone.
void lower_policies(Model model, const Value& properties, Resource& r);

}  // namespace kclint::cfn
