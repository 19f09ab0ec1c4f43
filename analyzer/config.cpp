// Config loading with yaml-cpp; every key is checked against the schema.
#include "analyzer/config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

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
      } else {
        fail(kv.first, fmt::format("unknown key '{}' (expected rules, exclude, suppressions, suppress)", key));
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
