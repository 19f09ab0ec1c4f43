// The rule engine: runs the enabled rules over an immutable project in
// parallel, then fingerprints, suppresses and sorts the findings.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/ir/rule.h"

namespace kclint {

// Which rules run and at what level. Ids match a rule id (IAM001) or a family
// (IAM); `ignore` wins over `select`; an empty `select` selects everything.
struct Selection {
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::map<std::string, Level, std::less<>> levels;  // rule id or family → level

  bool enabled(std::string_view id_or_family) const;
  bool enabled(const Rule& rule) const;
  // The level override for `rule`, if any (a rule id beats its family).
  std::optional<Level> level_for(const Rule& rule) const;
};

// How inline `kclint:ignore` comments are treated (`suppressions:` in the config).
enum class InlinePolicy { Allow, RequireReason, Forbid };

// A suppression written in the config, for files without comments (JSON).
struct ConfigSuppression {
  std::string rule;    // rule id or family
  std::string path;    // glob over project-relative paths
  std::string reason;
};

struct SuppressionPolicy {
  InlinePolicy inline_policy = InlinePolicy::Allow;
  std::vector<ConfigSuppression> rules;
};

// Stable identity of a finding: rule, file, enclosing resource and the
// rule's key (or message) — never a line number — plus an occurrence count.
void assign_fingerprints(const Project& project, std::vector<Finding>& findings);

// Sort by file path, position, rule id, message.
void sort_findings(const Project& project, std::vector<Finding>& findings);

std::vector<Finding> run_engine(const Project& project, const Selection& selection, unsigned jobs,
                                const SuppressionPolicy& policy = {});

}  // namespace kclint
