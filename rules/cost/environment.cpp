// Environment of a resource (see environment.h).
#include "rules/cost/environment.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace kclint::env {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool is_env_key(std::string_view key) { return key == "Environment" || key == "environment" || key == "Env"; }

// The Environment tag's value: TF `tags = {Environment = "prod"}` or a
// list of {Key, Value} (the `tags` attribute, or CFN's native `Tags`).
const Value* env_tag(const Value& tags) {
  if (const Value::Map* map = tags.map_value())
    for (const Value::Member& m : *map)
      if (is_env_key(m.key)) return &m.value;
  if (const Value::List* list = tags.list_value())
    for (const Value& t : *list) {
      const Value* key = t.get("Key");
      if (!key) key = t.get("key");
      const std::string* k = key ? key->string_value() : nullptr;
      if (!k || !is_env_key(*k)) continue;
      const Value* v = t.get("Value");
      return v ? v : t.get("value");
    }
  return nullptr;
}

Env classify(std::string_view name) {
  std::string n = lower(name);
  if (n.empty()) return Env::Unknown;
  return n == "prod" || n == "production" ? Env::Production : Env::NonProduction;
}

std::string tag_value(const Resource& r) {
  const Value* tags = r.attr("tags");
  if (!tags)
    if (const Value* props = r.attr("properties")) tags = props->get("Tags");
  if (const Value* tag = tags ? env_tag(*tags) : nullptr)
    if (const std::string* s = tag->string_value()) return *s;
  return {};
}

}  // namespace

Env environment_of(const Resource& r) {
  Env from_tag = classify(tag_value(r));
  Env from_config = classify(r.environment);
  if (from_tag == Env::Production || from_config == Env::Production) return Env::Production;
  if (from_config != Env::Unknown) return from_config;
  return from_tag;
}

std::string environment_name(const Resource& r) {
  switch (environment_of(r)) {
    case Env::Production: return "prod";
    case Env::Unknown: return {};
    case Env::NonProduction: return r.environment.empty() ? lower(tag_value(r)) : lower(r.environment);
  }
  return {};
}

}  // namespace kclint::env
