// Which environment a resource belongs to, for "prod+" levels (AZ) and the
// non-production cost rules: Resource::environment (from configuration,
// parameter files, Environment-like parameters), or an `Environment` /
// `environment` / `Env` tag.
#pragma once

#include <cstdint>
#include <string>

#include "analyzer/ir/project.h"
#include "analyzer/ir/rule.h"

namespace kclint::env {

enum class Env : std::uint8_t { Production, NonProduction, Unknown };

// Production when Resource::environment or an Environment/Env tag is
// prod/production (any case); NonProduction when one of them names another
// environment; Unknown otherwise (including Unknown tag values).
Env environment_of(const Resource& r);

// The environment's name ("staging", "dev", ...; "prod" for production),
// lower-case, or "" when unknown. Used to group resources by environment.
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
