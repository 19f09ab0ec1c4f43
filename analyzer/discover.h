// Discovery: walk the given paths, skip what must be skipped, and classify
// each file by its path and, for YAML/JSON, by a look at its content.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/glob.h"
#include "analyzer/ir/kind.h"
#include "parsers/common/limits.h"

namespace kclint {

inline constexpr std::uint64_t kMaxFileBytes = 16u << 20;  // larger files get KC000

// A file worth reading: its name says it may be one of our formats.
bool is_candidate(std::string_view rel_path);

// The format of a candidate, from its path (relative, '/'-separated) and
// content. Format::Unknown for YAML/JSON that is none of ours. When the
// content had to be loaded to decide (YAML/JSON by their top-level shape) and
// `document` is given, the loaded document is moved there (spans in file 0),
// so the lowering need not parse the file again.
Format classify(std::string_view rel_path, std::string_view content, LoadResult* document = nullptr);

// JSON or YAML: a document whose first non-space byte is '{' or '[' is read
// as JSON, anything else as YAML (with CloudFormation tags).
LoadResult load_structured(FileId file, std::string_view content);


struct DiscoverOptions {
  std::vector<std::string> excludes;
};

struct Discovered {
  std::vector<std::filesystem::path> files;  // absolute, lexically normal, sorted
  std::vector<std::string> errors;           // paths that do not exist
};

// Candidates under `paths` (files or directories), relative excludes
// evaluated against `root`. Skips .git, .terraform, node_modules; never
// follows a directory symlink (so link loops cannot recur). A file symlink is
// a candidate unless it points at something other than a file: load_project
// reads it only when its target lies inside the project root, and reports it
// otherwise, as it does a link that cannot be resolved (a loop, a missing target).
Discovered discover(const std::filesystem::path& root, const std::vector<std::filesystem::path>& paths,
                    const DiscoverOptions& options);

}  // namespace kclint
