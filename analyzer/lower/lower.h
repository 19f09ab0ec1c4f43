// Lowering: each format's syntax tree becomes resources of the unified IR.
// Per-file lowerings run in parallel and return their resources; the loader
// adds them to the project in file order, so ids never depend on scheduling.
#pragma once

#include <vector>

#include "analyzer/ir/project.h"

namespace kclint {

// An edge between two resources of the same file, by their index in
// FileUnit::resources.
struct LocalEdge {
  EdgeKind kind;
  std::size_t from;
  std::size_t to;
  Span span;
};

struct FileUnit {
  std::vector<Resource> resources;
  std::vector<LocalEdge> edges;
};

// Parses and lowers one file. Problems go to file.diagnostics (KC000).
FileUnit lower_file(SourceFile& file);

FileUnit lower_dockerfile(SourceFile& file);

}  // namespace kclint
