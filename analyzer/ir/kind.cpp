// Names of kinds and formats.
#include "analyzer/ir/kind.h"

#include <array>

namespace kclint {

namespace {
constexpr std::array<std::string_view, kKindCount> kKindNames = {
#define KCLINT_KIND_NAME(e, s) s,
    KCLINT_KINDS(KCLINT_KIND_NAME)
#undef KCLINT_KIND_NAME
};
}  // namespace

std::string_view to_string(Kind k) { return kKindNames[static_cast<std::size_t>(k)]; }

std::optional<Kind> kind_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == s) return static_cast<Kind>(i);
  return std::nullopt;
}

std::string_view to_string(Format f) {
  switch (f) {
    case Format::Unknown: return "unknown";
    case Format::Terraform: return "terraform";
    case Format::TerraformVars: return "terraform-vars";
    case Format::TerraformJson: return "terraform-json";
    case Format::CloudFormation: return "cloudformation";
    case Format::CfnParameters: return "cloudformation-parameters";
    case Format::Dockerfile: return "dockerfile";
    case Format::Workflow: return "github-workflow";
    case Format::Action: return "github-action";
    case Format::TaskDefinition: return "ecs-task-definition";
    case Format::IamPolicy: return "iam-policy";
  }
  return "unknown";
}

}  // namespace kclint
