// Environment of a resource (see environment.h).
#include "rules/cost/environment.h"

namespace kclint::env {

Env environment_of(const Resource& r) {
  if (r.production) return Env::Production;
  return r.environment.empty() ? Env::Unknown : Env::NonProduction;
}

std::string environment_name(const Resource& r) { return r.environment; }

}  // namespace kclint::env
