// CloudFormation short-form intrinsic function tags (`!Ref`, `!Sub`, …) and
// the long-form keys they stand for.
#pragma once

#include <string_view>

namespace kclint::yaml {

// The long-form map key for a short-form tag as written ("!Sub" → "Fn::Sub",
// "!Ref" → "Ref", "!Condition" → "Condition"); empty when `tag` is not one.
std::string_view cfn_long_form(std::string_view tag);

}  // namespace kclint::yaml
