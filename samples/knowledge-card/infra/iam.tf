# KC-INFRA-DO-1: foundational IAM roles for Terraform and for the CI/CD pipeline.
# Permissions start broad "for the initial setup" and are to be refined to least
# privilege once the resource set is stable.

data "aws_caller_identity" "current" {}

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

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_repository}:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "cicd_pipeline" {
  name               = "CICDPipelineRole"
  description        = "Assumed by GitHub Actions to push images to ECR and deploy to ECS."
  assume_role_policy = data.aws_iam_policy_document.cicd_trust.json
}

# Initial grants; the ticket lists the granular ecs:* actions as the target state.
resource "aws_iam_role_policy_attachment" "cicd_ecr" {
  role       = aws_iam_role.cicd_pipeline.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryFullAccess"
}

resource "aws_iam_role_policy_attachment" "cicd_ecs" {
  role       = aws_iam_role.cicd_pipeline.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonECS_FullAccess"
}

data "aws_iam_policy_document" "cicd_inline" {
  statement {
    sid     = "PassTaskRoles"
    effect  = "Allow"
    actions = ["iam:PassRole"]
    resources = [
      module.ecs.execution_role_arn,
      module.ecs.task_role_arn,
    ]
  }

  statement {
    sid       = "ReadMigrationSecret"
    effect    = "Allow"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [module.rds.database_url_secret_arn]
  }
}

resource "aws_iam_role_policy" "cicd_inline" {
  name   = "cicd-pass-role-and-secrets"
  role   = aws_iam_role.cicd_pipeline.id
  policy = data.aws_iam_policy_document.cicd_inline.json
}

# --- Terraform execution -----------------------------------------------------------

data "aws_iam_policy_document" "terraform_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
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

resource "aws_iam_role_policy_attachment" "terraform_admin" {
  role       = aws_iam_role.terraform_execution.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
