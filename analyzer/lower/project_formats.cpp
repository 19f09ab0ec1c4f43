// Project-wide lowerings: formats whose meaning spans several files.
#include "analyzer/lower/lower.h"

namespace kclint {

void lower_project_formats(Project& project, const LoadOptions& options) {
  lower_cloudformation(project, options);
  lower_terraform(project, options);
  // Terraform (modules, tfvars) and CloudFormation (nested stacks, parameter
  // files) register here as their front ends land.
}

}  // namespace kclint
