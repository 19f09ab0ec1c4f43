// Cross-file links: edges between resources of different files.
#include "analyzer/lower/lower.h"

namespace kclint {

void link_project(Project& /*project*/, const LoadOptions& /*options*/) {
  // Workflow steps → task definitions and Dockerfile stages, task definition
  // images → stages, references → resources: added as the front ends land.
}

}  // namespace kclint
