// `.kclint.yaml`: rule selection and levels, path excludes, suppressions,
// environments, cost policy and deploy/migration patterns. Unknown keys and
// wrong types are errors with file:line (exit 2).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzer/engine.h"
#include "analyzer/ir/settings.h"

namespace kclint {

struct Config {
  std::string path;  // where it was read from; empty for defaults
  Selection selection;
  std::vector<std::string> excludes;
  SuppressionPolicy suppressions;
  Settings settings;  // environments, cost policy, deploy/migration patterns
};

struct ConfigResult {
  Config config;
  std::string error;  // "path:line:col: message" when the file is invalid
};

// Reads the config file at `path`. A missing file is an error only when
// `required` (an explicit --config).
ConfigResult load_config(const std::string& path, bool required);

}  // namespace kclint
