// Which environment each resource belongs to (see lower.h).
#include <algorithm>
#include <cctype>

#include "analyzer/ir/glob.h"
#include "analyzer/lower/lower.h"

namespace kclint {

namespace {

std::string lower_case(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The value of an environment tag: TF `tags = {Environment = "prod"}`, or a
// list of {Key, Value} (the `tags` attribute, or CloudFormation's `Tags`).
std::string tag_value(const Resource& r, const std::vector<std::string>& keys) {
  const Value* tags = r.attr("tags");
  if (!tags)
    if (const Value* props = r.attr("properties")) tags = props->get("Tags");
  if (!tags) return {};
  auto is_key = [&](std::string_view k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
  const Value* found = nullptr;
  if (const Value::Map* map = tags->map_value()) {
    for (const Value::Member& m : *map)
      if (is_key(m.key)) found = &m.value;
  } else if (const Value::List* list = tags->list_value()) {
    for (const Value& t : *list) {
      const Value* key = t.get("Key");
      if (!key) key = t.get("key");
      const std::string* k = key ? key->string_value() : nullptr;
      if (!k || !is_key(*k)) continue;
      found = t.get("Value");
      if (!found) found = t.get("value");
    }
  }
  const std::string* s = found ? found->string_value() : nullptr;
  return s ? lower_case(*s) : std::string();
}

}  // namespace

std::string environment_in_name(std::string_view name) {
  std::string s = lower_case(name);
  if (s.find("prod") != std::string::npos) return "prod";
  if (s.find("stag") != std::string::npos) return "staging";
  if (s.find("dev") != std::string::npos) return "dev";
  if (s.find("test") != std::string::npos) return "test";
  if (s.find("qa") != std::string::npos) return "qa";
  return {};
}

void assign_environments(Project& project) {
  const Settings& settings = project.settings;
  for (std::size_t i = 0; i < project.resource_count(); ++i) {
    Resource& r = project.resource(static_cast<ResourceId>(i));
    std::string by_path;
    if (r.file != kNoFile)
      for (const auto& [glob, env] : settings.path_environments)
        if (glob_match(glob, project.file(r.file).rel_path)) {
          by_path = env;
          break;
        }
    std::string tag = tag_value(r, settings.tag_keys);
    std::string env = !by_path.empty() ? by_path : lower_case(r.environment);
    // A production tag wins over a non-production file name or variable:
    // being strict by mistake is cheaper than being lax.
    if (env.empty() || (by_path.empty() && settings.is_production(tag))) env = tag;
    r.environment = env;
    r.production = !env.empty() && settings.is_production(env);
  }
}

}  // namespace kclint
