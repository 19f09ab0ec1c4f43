// Which environment a resource belongs to, for "prod+" levels (AZ) and the
// non-production cost rules. The loader decides it (assign_environments in
// analyzer/lower/lower.h: configured path globs, var / parameter files,
// environment variables and tags); these helpers only read the result.
#pragma once

#include <cstdint>
#include <string>

#include "analyzer/ir/project.h"
#include "analyzer/ir/rule.h"

namespace kclint::env {

enum class Env : std::uint8_t { Production, NonProduction, Unknown };

// Production when the environment is one of the configured production names
// (default prod, production); NonProduction when it is another one; Unknown
// when no environment is known.
Env environment_of(const Resource& r);

// The environment's name, lower-case ("prod", "staging", ...), or "" when
// unknown. Used to group resources by environment.
std::string environment_name(const Resource& r);

// A "prod+" rule's level: Error for production resources, `base` otherwise.
inline Level prod_level(const Resource& r, Level base) {
  return environment_of(r) == Env::Production ? Level::Error : base;
}

// " (production)" for production resources, "" otherwise: appended to the
// messages of "prod+" rules so the raised level is explained.
inline const char* prod_suffix(const Resource& r) {
  return environment_of(r) == Env::Production ? " (production)" : "";
}

}  // namespace kclint::env
