// Canonical, format-independent resource kinds and input formats.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace kclint {

// X(enumerator, canonical name)
#define KCLINT_KINDS(X)                                          \
  X(IamRole, "aws.iam.role")                                     \
  X(IamPolicy, "aws.iam.policy")                                 \
  X(IamUser, "aws.iam.user")                                     \
  X(IamGroup, "aws.iam.group")                                   \
  X(IamPolicyAttachment, "aws.iam.policy_attachment")            \
  X(IamAccessKey, "aws.iam.access_key")                          \
  X(IamPolicyDocument, "aws.iam.policy_document")                \
  X(S3Bucket, "aws.s3.bucket")                                   \
  X(S3BucketPolicy, "aws.s3.bucket_policy")                      \
  X(KmsKey, "aws.kms.key")                                       \
  X(SecretsManagerSecret, "aws.secretsmanager.secret")           \
  X(EcrRepository, "aws.ecr.repository")                         \
  X(EcrLifecyclePolicy, "aws.ecr.lifecycle_policy")              \
  X(EcrRepositoryPolicy, "aws.ecr.repository_policy")            \
  X(Vpc, "aws.ec2.vpc")                                          \
  X(Subnet, "aws.ec2.subnet")                                    \
  X(NatGateway, "aws.ec2.nat_gateway")                           \
  X(RouteTable, "aws.ec2.route_table")                           \
  X(Route, "aws.ec2.route")                                      \
  X(RouteTableAssociation, "aws.ec2.route_table_association")    \
  X(ElasticIp, "aws.ec2.eip")                                    \
  X(SecurityGroup, "aws.ec2.security_group")                     \
  X(SecurityGroupRule, "aws.ec2.security_group_rule")            \
  X(Ec2Instance, "aws.ec2.instance")                             \
  X(EbsVolume, "aws.ec2.volume")                                 \
  X(RdsInstance, "aws.rds.instance")                             \
  X(RdsCluster, "aws.rds.cluster")                               \
  X(RdsClusterInstance, "aws.rds.cluster_instance")              \
  X(DbSubnetGroup, "aws.rds.subnet_group")                       \
  X(CacheCluster, "aws.elasticache.cluster")                     \
  X(CacheReplicationGroup, "aws.elasticache.replication_group")  \
  X(CacheSubnetGroup, "aws.elasticache.subnet_group")            \
  X(DocDbCluster, "aws.docdb.cluster")                           \
  X(LoadBalancer, "aws.elbv2.load_balancer")                     \
  X(TargetGroup, "aws.elbv2.target_group")                       \
  X(Listener, "aws.elbv2.listener")                              \
  X(EcsCluster, "aws.ecs.cluster")                               \
  X(EcsService, "aws.ecs.service")                               \
  X(EcsTaskDefinition, "aws.ecs.task_definition")                \
  X(EcsContainer, "aws.ecs.container")                           \
  X(AutoScalingTarget, "aws.appautoscaling.target")              \
  X(LogGroup, "aws.logs.log_group")                              \
  X(LambdaFunction, "aws.lambda.function")                       \
  X(CfnStack, "aws.cloudformation.stack")                        \
  X(ContainerImage, "container.image")                           \
  X(Workflow, "ci.workflow")                                     \
  X(Job, "ci.job")                                               \
  X(Step, "ci.step")                                             \
  X(Action, "ci.action")                                         \
  X(Other, "other")

enum class Kind : std::uint8_t {
#define KCLINT_KIND_ENUM(e, s) e,
  KCLINT_KINDS(KCLINT_KIND_ENUM)
#undef KCLINT_KIND_ENUM
};
inline constexpr std::size_t kKindCount = 0
#define KCLINT_KIND_COUNT(e, s) +1
    KCLINT_KINDS(KCLINT_KIND_COUNT)
#undef KCLINT_KIND_COUNT
    ;

std::string_view to_string(Kind k);
std::optional<Kind> kind_from_string(std::string_view s);

// What discovery decided a file is.
enum class Format : std::uint8_t {
  Unknown,
  Terraform,          // *.tf
  TerraformVars,      // *.tfvars
  TerraformJson,      // *.tf.json, *.tfvars.json
  CloudFormation,     // YAML or JSON template
  CfnParameters,      // parameter file (flat object or ParameterKey/ParameterValue list)
  Dockerfile,
  Workflow,           // .github/workflows/*.yml
  Action,             // action.yml of a composite/local action
  TaskDefinition,     // ECS task definition JSON
  IamPolicy,          // standalone policy JSON
};
std::string_view to_string(Format f);

}  // namespace kclint
