// The table of CloudFormation short-form tags: the intrinsic functions, the
// rule functions of a template's `Rules` section, and the AWS::LanguageExtensions ones.
#include "parsers/yaml/cfn_tags.h"

#include <array>
#include <utility>

namespace kclint::yaml {

std::string_view cfn_long_form(std::string_view tag) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kTags{{
      {"!And", "Fn::And"},
      {"!Base64", "Fn::Base64"},
      {"!Cidr", "Fn::Cidr"},
      {"!Condition", "Condition"},
      {"!Contains", "Fn::Contains"},
      {"!EachMemberEquals", "Fn::EachMemberEquals"},
      {"!EachMemberIn", "Fn::EachMemberIn"},
      {"!Equals", "Fn::Equals"},
      {"!FindInMap", "Fn::FindInMap"},
      {"!GetAZs", "Fn::GetAZs"},
      {"!GetAtt", "Fn::GetAtt"},
      {"!If", "Fn::If"},
      {"!ImportValue", "Fn::ImportValue"},
      {"!Join", "Fn::Join"},
      {"!Length", "Fn::Length"},
      {"!Not", "Fn::Not"},
      {"!Or", "Fn::Or"},
      {"!Ref", "Ref"},
      {"!RefAll", "Fn::RefAll"},
      {"!Select", "Fn::Select"},
      {"!Split", "Fn::Split"},
      {"!Sub", "Fn::Sub"},
      {"!ToJsonString", "Fn::ToJsonString"},
      {"!Transform", "Fn::Transform"},
      {"!ValueOf", "Fn::ValueOf"},
      {"!ValueOfAll", "Fn::ValueOfAll"},
  }};
  for (const auto& [short_form, long_form] : kTags)
    if (short_form == tag) return long_form;
  return {};
}

}  // namespace kclint::yaml
