// IAM policy JSON → PolicyDocument: shared by every lowering that meets a
// policy written in IAM's JSON shape (CloudFormation PolicyDocument, Terraform
// jsonencode/heredoc strings, standalone policy files).
#pragma once

#include <string>

#include "analyzer/ir/models.h"
#include "analyzer/ir/value.h"

namespace kclint {

// Reads `document` in IAM JSON shape: a Map with Version and Statement (one
// statement Map or a List of them), each statement with Sid, Effect,
// Action/NotAction, Resource/NotResource (string or list), Principal/
// NotPrincipal ("*" or {"AWS"|"Service"|"Federated"|"CanonicalUser": string or
// list}) and Condition. A String holding JSON text is parsed first; its values
// then all carry the string's span, since offsets inside an escaped string do
// not map back to the file. Unknown, Reference or unparsable input gives a
// document with `unknown` set; a statement that is not a map (an unresolved
// condition) is left out. `role` and `attribute` are recorded as given.
PolicyDocument policy_from_json(const Value& document, PolicyRole role, std::string attribute);

}  // namespace kclint
