// Config loading with yaml-cpp; every key is checked against the schema.
#include "analyzer/config.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "rules/registry.h"

namespace kclint {

namespace {

constexpr std::size_t kMaxConfigBytes = 1u << 20;

struct ConfigError {
  std::string message;
};

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
    const YAML::Mark m = at.Mark();
    throw ConfigError{fmt::format("{}:{}:{}: {}", path_, m.line + 1, m.column + 1, message)};
  }

  void expect_map(const YAML::Node& n, std::string_view what) const {
    if (!n.IsMap()) fail(n, fmt::format("'{}' must be a mapping", what));
  }

  std::string scalar(const YAML::Node& n, std::string_view what) const {
    if (!n.IsScalar()) fail(n, fmt::format("'{}' must be a string", what));
    return n.Scalar();
  }

  std::vector<std::string> strings(const YAML::Node& n, std::string_view what) const {
    std::vector<std::string> out;
    if (n.IsScalar()) return {n.Scalar()};
    if (!n.IsSequence()) fail(n, fmt::format("'{}' must be a list of strings", what));
    for (const YAML::Node& item : n) out.push_back(scalar(item, what));
    return out;
  }

  std::string rule_or_family(const YAML::Node& n, std::string_view what) const {
    std::string id = scalar(n, what);
    for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!find_rule(id) && !family_from_string(id))
      fail(n, fmt::format("unknown rule or family '{}' in '{}' (see 'kclint rules')", id, what));
    return id;
  }

  void read_rules(const YAML::Node& n, Config& c) const {
    expect_map(n, "rules");
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar();
      if (key == "select" || key == "ignore") {
        auto& list = key == "select" ? c.selection.select : c.selection.ignore;
        if (kv.second.IsScalar()) {
          list.push_back(rule_or_family(kv.second, key));
        } else if (kv.second.IsSequence()) {
          for (const YAML::Node& item : kv.second) list.push_back(rule_or_family(item, key));
        } else {
          fail(kv.second, fmt::format("'rules.{}' must be a list of rule ids or families", key));
        }
      } else if (key == "levels") {
        expect_map(kv.second, "rules.levels");
        for (const auto& lv : kv.second) {
          std::string id = rule_or_family(lv.first, "rules.levels");
          auto level = level_from_string(scalar(lv.second, "rules.levels"));
          if (!level) fail(lv.second, "level must be one of error, warning, note, none");
          c.selection.levels[id] = *level;
        }
      } else {
        fail(kv.first, fmt::format("unknown key 'rules.{}' (expected select, ignore, levels)", key));
      }
    }
  }

  // suppress: [{rule: CTR003, path: "taskdefs/*.json", reason: "…"}]
  void read_suppress(const YAML::Node& n, Config& c) const {
    if (!n.IsSequence()) fail(n, "'suppress' must be a list of {rule, path, reason}");
    for (const YAML::Node& item : n) {
      expect_map(item, "suppress[]");
      ConfigSuppression s;
      for (const auto& kv : item) {
        std::string key = kv.first.Scalar();
        if (key == "rule") s.rule = rule_or_family(kv.second, "suppress[].rule");
        else if (key == "path") s.path = scalar(kv.second, "suppress[].path");
        else if (key == "reason") s.reason = scalar(kv.second, "suppress[].reason");
        else fail(kv.first, fmt::format("unknown key 'suppress[].{}' (expected rule, path, reason)", key));
      }
      if (s.rule.empty() || s.path.empty()) fail(item, "'suppress' entries need 'rule' and 'path'");
      if (s.reason.empty()) fail(item, "'suppress' entries need a 'reason'");
      c.suppressions.rules.push_back(std::move(s));
    }
  }

  double number(const YAML::Node& n, std::string_view what, double min, std::optional<double> max = std::nullopt) const {
    double v = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, v) || !std::isfinite(v))
      fail(n, fmt::format("'{}' must be a number", what));
    if (v < min || (max && v > *max))
      fail(n, max ? fmt::format("'{}' must be between {} and {}", what, min, *max)
                  : fmt::format("'{}' must be at least {}", what, min));
    return v;
  }

  ConfigLocation at(const YAML::Node& n) const { return ConfigLocation{n.Mark().line + 1}; }

  // A map of glob → environment name.
  std::vector<std::pair<std::string, std::string>> glob_map(const YAML::Node& n, std::string_view what) const {
    expect_map(n, what);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& kv : n) out.emplace_back(scalar(kv.first, what), lower(scalar(kv.second, what)));
    return out;
  }

  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  std::vector<std::string> lower_strings(const YAML::Node& n, std::string_view what) const {
    std::vector<std::string> out = strings(n, what);
    for (std::string& s : out) s = lower(std::move(s));
    return out;
  }

  // environments: {production, tags, variables, paths, files, parameters}
  void read_environments(const YAML::Node& n, Settings& s) const {
    expect_map(n, "environments");
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar();
      if (key == "production") s.production_names = lower_strings(kv.second, "environments.production");
      else if (key == "tags") s.tag_keys = strings(kv.second, "environments.tags");
      else if (key == "variables") s.variables = strings(kv.second, "environments.variables");
      else if (key == "paths") s.path_environments = glob_map(kv.second, "environments.paths");
      else if (key == "files") s.file_environments = glob_map(kv.second, "environments.files");
      else if (key == "parameters") {
        expect_map(kv.second, "environments.parameters");
        for (const auto& p : kv.second)
          s.parameter_files[lower(scalar(p.first, "environments.parameters"))] = strings(p.second, "environments.parameters");
      } else {
        fail(kv.first, fmt::format("unknown key 'environments.{}' (expected production, tags, variables, paths, "
                                   "files, parameters)", key));
      }
    }
  }

  // cost: {ENVIRONMENT or default: {budget, instance_classes, node_types, fargate_sizes, aurora_max_acu, spot_share}}
  void read_cost(const YAML::Node& n, Settings& s) const {
    expect_map(n, "cost");
    for (const auto& env : n) {
      std::string name = lower(scalar(env.first, "cost"));
      std::string where = "cost." + name;
      expect_map(env.second, where);
      CostPolicy& p = s.cost[name];
      for (const auto& kv : env.second) {
        std::string key = kv.first.Scalar();
        std::string what = where + "." + key;
        if (key == "budget") {
          p.budget = number(kv.second, what, 0);
          p.budget_at = at(kv.second);
        } else if (key == "instance_classes") {
          p.instance_classes = strings(kv.second, what);
          p.instance_classes_at = at(kv.second);
        } else if (key == "node_types") {
          p.node_types = strings(kv.second, what);
          p.node_types_at = at(kv.second);
        } else if (key == "fargate_sizes") {
          p.fargate_sizes = strings(kv.second, what);
          for (const std::string& size : p.fargate_sizes)
            if (size.find('/') == std::string::npos)
              fail(kv.second, fmt::format("'{}' entries are CPU/MEMORY in task units, like 256/512 or 1024/*", what));
          p.fargate_sizes_at = at(kv.second);
        } else if (key == "aurora_max_acu") {
          p.aurora_max_acu = number(kv.second, what, 0.5, 256);
          p.aurora_max_acu_at = at(kv.second);
        } else if (key == "spot_share") {
          p.spot_share = number(kv.second, what, 0, 1);
        } else {
          fail(kv.first, fmt::format("unknown key '{}' (expected budget, instance_classes, node_types, fargate_sizes, "
                                     "aurora_max_acu, spot_share)", what));
        }
      }
    }
  }

  // patterns: {deploy: [regex], migration: [regex]}
  void read_patterns(const YAML::Node& n, Settings& s) const {
    expect_map(n, "patterns");
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar();
      if (key != "deploy" && key != "migration")
        fail(kv.first, fmt::format("unknown key 'patterns.{}' (expected deploy, migration)", key));
      auto& list = key == "deploy" ? s.deploy_patterns : s.migration_patterns;
      const YAML::Node& items = kv.second;
      if (!items.IsSequence() && !items.IsScalar()) fail(items, fmt::format("'patterns.{}' must be a list of regular expressions", key));
      auto add = [&](const YAML::Node& item) {
        std::string text = scalar(item, "patterns." + key);
        auto re = std::make_shared<RE2>(text, RE2::Quiet);
        if (!re->ok()) fail(item, fmt::format("invalid regular expression in 'patterns.{}': {}", key, re->error()));
        list.push_back(CommandPattern{text, std::move(re)});
      };
      if (items.IsScalar()) add(items);
      else
        for (const YAML::Node& item : items) add(item);
    }
  }

  Config read(const YAML::Node& root) const {
    Config c;
    c.path = path_;
    if (root.IsNull()) return c;
    expect_map(root, "the configuration");
    for (const auto& kv : root) {
      std::string key = kv.first.Scalar();
      if (key == "rules") {
        read_rules(kv.second, c);
      } else if (key == "exclude") {
        c.excludes = strings(kv.second, "exclude");
      } else if (key == "suppressions") {
        std::string policy = scalar(kv.second, "suppressions");
        if (policy == "allow") c.suppressions.inline_policy = InlinePolicy::Allow;
        else if (policy == "require-reason") c.suppressions.inline_policy = InlinePolicy::RequireReason;
        else if (policy == "forbid") c.suppressions.inline_policy = InlinePolicy::Forbid;
        else fail(kv.second, "'suppressions' must be one of allow, require-reason, forbid");
      } else if (key == "suppress") {
        read_suppress(kv.second, c);
      } else if (key == "environments") {
        read_environments(kv.second, c.settings);
      } else if (key == "cost") {
        read_cost(kv.second, c.settings);
      } else if (key == "patterns") {
        read_patterns(kv.second, c.settings);
      } else {
        fail(kv.first, fmt::format("unknown key '{}' (expected rules, exclude, suppressions, suppress, environments, "
                                   "cost, patterns)", key));
      }
    }
    return c;
  }

 private:
  std::string path_;
};

}  // namespace

ConfigResult load_config(const std::string& path, bool required) {
  ConfigResult result;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (required) result.error = fmt::format("{}: configuration file not found", path);
    return result;
  }
  if (std::filesystem::file_size(path, ec) > kMaxConfigBytes) {
    result.error = fmt::format("{}: configuration file is larger than 1 MiB", path);
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) {
    result.error = fmt::format("{}: cannot read configuration file", path);
    return result;
  }
  try {
    result.config = Reader(path).read(YAML::Load(buffer.str()));
  } catch (const ConfigError& e) {
    result.error = e.message;
  } catch (const YAML::Exception& e) {
    result.error = fmt::format("{}:{}:{}: invalid YAML: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg);
  }
  return result;
}

}  // namespace kclint
