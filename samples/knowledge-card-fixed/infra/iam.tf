# KC-INFRA-DO-1: IAM roles for Terraform and for the CI/CD pipeline, with least
# privilege: each role can touch only the resources of this stack.

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
}

# --- GitHub Actions OIDC ---------------------------------------------------------

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

data "aws_iam_policy_document" "cicd_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    # The build job runs on main; the deploy job runs in the `production` environment.
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${var.github_repository}:ref:refs/heads/main",
        "repo:${var.github_repository}:environment:production",
      ]
    }
  }
}

resource "aws_iam_role" "cicd_pipeline" {
  name               = "CICDPipelineRole"
  description        = "Assumed by GitHub Actions to push images, run the migration task and deploy to ECS."
  assume_role_policy = data.aws_iam_policy_document.cicd_trust.json
}

data "aws_iam_policy_document" "cicd" {
  statement {
    sid       = "EcrLogin"
    effect    = "Allow"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid    = "EcrPush"
    effect = "Allow"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [module.ecs.repository_arn]
  }

  # Task definition registration has no resource-level permissions.
  statement {
    sid       = "TaskDefinitions"
    effect    = "Allow"
    actions   = ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "MigrationTask"
    effect    = "Allow"
    actions   = ["ecs:RunTask"]
    resources = ["arn:aws:ecs:${var.aws_region}:${local.account_id}:task-definition/${module.ecs.task_family}:*"]

    condition {
      test     = "ArnEquals"
      variable = "ecs:cluster"
      values   = [module.ecs.cluster_arn]
    }
  }

  statement {
    sid       = "MigrationTaskStatus"
    effect    = "Allow"
    actions   = ["ecs:DescribeTasks"]
    resources = ["arn:aws:ecs:${var.aws_region}:${local.account_id}:task/${module.ecs.cluster_name}/*"]
  }

  statement {
    sid       = "Service"
    effect    = "Allow"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [module.ecs.service_arn]
  }

  statement {
    sid     = "PassTaskRoles"
    effect  = "Allow"
    actions = ["iam:PassRole"]
    resources = [
      module.ecs.execution_role_arn,
      module.ecs.task_role_arn,
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "cicd" {
  name   = "build-migrate-deploy"
  role   = aws_iam_role.cicd_pipeline.id
  policy = data.aws_iam_policy_document.cicd.json
}

# --- Terraform execution -----------------------------------------------------------

data "aws_iam_policy_document" "terraform_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${local.account_id}:root"]
    }

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "terraform_execution" {
  name                 = "TerraformExecutionRole"
  description          = "Assumed by DevOps engineers (with MFA) to run terraform plan/apply."
  assume_role_policy   = data.aws_iam_policy_document.terraform_trust.json
  max_session_duration = 7200
}

# Read everything the plan refreshes; write only this stack's resources. The role and
# its policy are bootstrapped once by an administrator: the policy deliberately does not
# let the role change itself.
resource "aws_iam_policy" "terraform_execution" {
  name        = "knowledge-card-terraform-execution"
  description = "Manage the Knowledge Card stack and its Terraform state"
  policy      = file("${path.module}/policies/terraform-execution.json")
}

resource "aws_iam_role_policy_attachment" "terraform_execution" {
  role       = aws_iam_role.terraform_execution.name
  policy_arn = aws_iam_policy.terraform_execution.arn
}
