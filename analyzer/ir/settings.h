// Project settings from `.kclint.yaml` that rules read: how a resource's
// environment is known, the cost policy per environment, and extra deploy /
// migration command patterns. Filled by the config loader; immutable while
// rules run.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace kclint {

// The line of `.kclint.yaml` where a setting was written, for messages
// ("allowed: db.t4g.*; .kclint.yaml:12").
struct ConfigLocation {
  int line = 0;
};

// Cost policy of one environment. Empty lists and unset values mean "no policy".
struct CostPolicy {
  std::vector<std::string> instance_classes;  // globs over RDS / Aurora instance classes: "db.t4g.*"
  std::vector<std::string> node_types;        // globs over ElastiCache node types: "cache.t4g.*"
  std::vector<std::string> fargate_sizes;     // "CPU/MEMORY" in task units, e.g. "256/512", "1024/*"
  std::optional<double> aurora_max_acu;       // largest allowed serverlessv2_max_capacity
  std::optional<double> budget;               // monthly, USD
  std::optional<double> spot_share;           // 0–1: share of Fargate tasks assumed on Spot (estimates)
  ConfigLocation instance_classes_at, node_types_at, fargate_sizes_at, aurora_max_acu_at, budget_at;
};

struct CommandPattern {
  std::string text;                   // as written in the config
  std::shared_ptr<const re2::RE2> re;  // compiled once by the config loader
};

struct Settings {
  // Environment detection.
  std::vector<std::string> production_names{"prod", "production"};  // lower-case
  std::vector<std::string> tag_keys{"Environment", "environment", "Env"};
  std::vector<std::string> variables{"environment", "env", "stage"};  // TF variables / CFN parameters
  std::vector<std::pair<std::string, std::string>> path_environments;  // glob → environment
  std::vector<std::pair<std::string, std::string>> file_environments;  // tfvars / parameter file glob → environment
  std::map<std::string, std::vector<std::string>> parameter_files;     // environment → CFN parameter files

  // Cost policy by environment name; "default" applies to environments not
  // listed and to resources whose environment is unknown.
  std::map<std::string, CostPolicy> cost;
  std::string config_file;  // the configuration's path as reports show it (for messages)

  // Extra commands the DEP rules treat as deploys / migrations.
  std::vector<CommandPattern> deploy_patterns;
  std::vector<CommandPattern> migration_patterns;

  // The policy for an environment ("" = unknown): its own (for a production
  // environment, any production name's), else "default", else null.
  const CostPolicy* cost_policy(const std::string& environment) const {
    if (!environment.empty()) {
      if (auto it = cost.find(environment); it != cost.end()) return &it->second;
      if (is_production(environment))
        for (const auto& [name, policy] : cost)
          if (is_production(name)) return &policy;
    }
    auto it = cost.find("default");
    return it == cost.end() ? nullptr : &it->second;
  }
  bool is_production(const std::string& environment) const {
    for (const std::string& p : production_names)
      if (p == environment) return true;
    return false;
  }
};

}  // namespace kclint
