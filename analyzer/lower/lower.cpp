// Dispatch from a file's format to its lowering.
#include "analyzer/lower/lower.h"

#include "analyzer/discover.h"

namespace kclint {

LoadResult take_document(SourceFile& file) {
  if (LoadResult* pre = std::any_cast<LoadResult>(&file.syntax)) {
    LoadResult out = std::move(*pre);
    file.syntax.reset();
    return out;
  }
  return load_structured(file.id, file.text);
}

FileUnit lower_file(SourceFile& file) {
  switch (file.format) {
    case Format::Dockerfile: return lower_dockerfile(file);
    case Format::CloudFormation: return lower_cloudformation_file(file);
    case Format::CfnParameters: return lower_cfn_parameters_file(file);
    case Format::Workflow: return lower_workflow(file);
    case Format::Action: return lower_action(file);
    case Format::TaskDefinition: return lower_task_definition(file);
    case Format::Terraform:
    case Format::TerraformVars:
    case Format::TerraformJson: return lower_terraform_file(file);
    case Format::IamPolicy: return lower_iam_policy(file);
    default: return {};  // formats whose front end is not written yet are read but not lowered
  }
}

}  // namespace kclint
