// The explicit rule registry: one sorted array, one line per rule.
#include "rules/registry.h"

#include <array>

namespace kclint {

extern const Rule kDockerfileRunsAsRoot;
extern const Rule kEcsContainerRunsAsRoot;
extern const Rule kEcsContainerPrivileged;
extern const Rule kDeployWithoutMigration;
extern const Rule kMigrationAfterDeploy;
extern const Rule kMigrationDeployRace;
extern const Rule kMigrationFailureIgnored;
extern const Rule kMigrationTaskNotAwaited;
extern const Rule kLongLivedCloudKeys;
extern const Rule kOidcWithoutIdTokenPermission;
extern const Rule kUnpinnedThirdPartyAction;
extern const Rule kScriptInjection;
extern const Rule kDeployWithoutEnvironment;
extern const Rule kMutableImageTag;
extern const Rule kNoHealthcheck;
extern const Rule kPlaintextSecretEnv;
extern const Rule kHardcodedCredential;
extern const Rule kParseError;
extern const Rule kUnusedSuppression;
extern const Rule kSuppressionWithoutReason;

namespace {
const std::array<const Rule*, 20> kRules = {
    &kLongLivedCloudKeys,  // CI001
    &kOidcWithoutIdTokenPermission,  // CI002
    &kUnpinnedThirdPartyAction,  // CI003
    &kScriptInjection,  // CI004
    &kDeployWithoutEnvironment,  // CI005
    &kDockerfileRunsAsRoot,      // CTR001
    &kEcsContainerRunsAsRoot,  // CTR002
    &kEcsContainerPrivileged,  // CTR003
    &kMutableImageTag,           // CTR004
    &kNoHealthcheck,             // CTR005
    &kPlaintextSecretEnv,        // CTR006
    &kDeployWithoutMigration,  // DEP001
    &kMigrationAfterDeploy,  // DEP002
    &kMigrationDeployRace,  // DEP003
    &kMigrationFailureIgnored,  // DEP004
    &kMigrationTaskNotAwaited,  // DEP005
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
