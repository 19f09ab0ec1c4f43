// `kclint cost`: the offline monthly estimate of each project's stack, per
// environment and per resource, as a text table or JSON.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "analyzer/ir/project.h"

namespace kclint {

void write_cost_text(std::ostream& out, const std::vector<std::unique_ptr<Project>>& projects);
void write_cost_json(std::ostream& out, const std::vector<std::unique_ptr<Project>>& projects);

}  // namespace kclint
