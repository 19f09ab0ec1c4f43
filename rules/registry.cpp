// The explicit rule registry: one sorted array, one line per rule.
#include "rules/registry.h"

#include <array>

namespace kclint {

extern const Rule kDockerfileRunsAsRoot;
extern const Rule kMutableImageTag;
extern const Rule kNoHealthcheck;
extern const Rule kPlaintextSecretEnv;
extern const Rule kHardcodedCredential;
extern const Rule kParseError;
extern const Rule kUnusedSuppression;
extern const Rule kSuppressionWithoutReason;

namespace {
const std::array<const Rule*, 8> kRules = {
    &kDockerfileRunsAsRoot,      // CTR001
    &kMutableImageTag,           // CTR004
    &kNoHealthcheck,             // CTR005
    &kPlaintextSecretEnv,        // CTR006
    &kParseError,                // KC000
    &kUnusedSuppression,         // KC001
    &kSuppressionWithoutReason,  // KC002
    &kHardcodedCredential,       // SEC001
};
}  // namespace

std::span<const Rule* const> all_rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : kRules)
    if (r->id == id) return r;
  return nullptr;
}

}  // namespace kclint
