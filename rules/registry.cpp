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
extern const Rule kIamWildcardAction;
extern const Rule kIamServiceWildcardAction;
extern const Rule kIamWildcardResourceWrite;
extern const Rule kIamNotActionAllow;
extern const Rule kIamAdminManagedPolicy;
extern const Rule kIamPassroleUnscoped;
extern const Rule kIamTrustAnyPrincipal;
extern const Rule kIamOidcTrustUnrestricted;
extern const Rule kIamSecretReadUnscoped;
extern const Rule kIamLongLivedAccessKey;
extern const Rule kParseError;
extern const Rule kUnusedSuppression;
extern const Rule kSuppressionWithoutReason;
extern const Rule kRdsNotMultiAz;
extern const Rule kEcsServiceSingleTask;
extern const Rule kEcrNoLifecyclePolicy;
extern const Rule kLogGroupNoRetention;
extern const Rule kSgOpenAdminOrDataPort;
extern const Rule kSgOpenAllPorts;
extern const Rule kSgOpenIngress;
extern const Rule kSgDanglingReference;
extern const Rule kSgDatastoreCidrIngress;
extern const Rule kSgPortUnreachable;
extern const Rule kSgUnused;
extern const Rule kAuroraSingleInstance;
extern const Rule kSubnetsSingleAz;
extern const Rule kCacheNoFailover;
extern const Rule kSingleNatGateway;
extern const Rule kFargateNoSpotNonprod;
extern const Rule kNotGraviton;
extern const Rule kNatGatewayPerAzNonprod;
extern const Rule kGp2Volume;
extern const Rule kInstanceClassNotAllowed;
extern const Rule kOverBudget;

namespace {
const std::array<const Rule*, 51> kRules = {
    &kRdsNotMultiAz,  // AZ001
    &kAuroraSingleInstance,  // AZ002
    &kSubnetsSingleAz,  // AZ003
    &kCacheNoFailover,  // AZ004
    &kEcsServiceSingleTask,  // AZ005
    &kSingleNatGateway,  // AZ006
    &kLongLivedCloudKeys,  // CI001
    &kOidcWithoutIdTokenPermission,  // CI002
    &kUnpinnedThirdPartyAction,  // CI003
    &kScriptInjection,  // CI004
    &kDeployWithoutEnvironment,  // CI005
    &kEcrNoLifecyclePolicy,  // COST001
    &kLogGroupNoRetention,  // COST002
    &kFargateNoSpotNonprod,  // COST003
    &kNotGraviton,  // COST004
    &kInstanceClassNotAllowed,  // COST005
    &kOverBudget,  // COST006
    &kNatGatewayPerAzNonprod,  // COST007
    &kGp2Volume,  // COST008
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
    &kIamWildcardAction,  // IAM001
    &kIamServiceWildcardAction,  // IAM002
    &kIamWildcardResourceWrite,  // IAM003
    &kIamNotActionAllow,  // IAM004
    &kIamAdminManagedPolicy,  // IAM005
    &kIamPassroleUnscoped,  // IAM006
    &kIamTrustAnyPrincipal,  // IAM007
    &kIamOidcTrustUnrestricted,  // IAM008
    &kIamSecretReadUnscoped,  // IAM009
    &kIamLongLivedAccessKey,  // IAM010
    &kParseError,                // KC000
    &kUnusedSuppression,         // KC001
    &kSuppressionWithoutReason,  // KC002
    &kHardcodedCredential,       // SEC001
    &kSgOpenAdminOrDataPort,  // SG001
    &kSgOpenAllPorts,  // SG002
    &kSgOpenIngress,  // SG003
    &kSgDanglingReference,  // SG004
    &kSgDatastoreCidrIngress,  // SG005
    &kSgPortUnreachable,  // SG006
    &kSgUnused,  // SG007
};
}  // namespace

std::span<const Rule* const> all_rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
  for (const Rule* r : kRules)
    if (r->id == id) return r;
  return nullptr;
}

}  // namespace kclint
