// `kclint graph`: the project graph kclint built, as Graphviz DOT or Mermaid:
// resources grouped by file, the edges between them (security-group peers
// with their ports, workflow → task definition → image → Dockerfile stage),
// resources with findings marked.
#pragma once

#include <memory>
#include <ostream>
#include <vector>

#include "analyzer/report/report.h"

namespace kclint {

enum class GraphFormat { Dot, Mermaid };

void write_graph(std::ostream& out, const std::vector<std::unique_ptr<Project>>& projects, const Report& report,
                 GraphFormat format);

}  // namespace kclint
