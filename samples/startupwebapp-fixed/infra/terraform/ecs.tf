# Step 3: Fargate cluster, migration log group, task execution and task roles, and the
# backend security group rules that let the migration task reach RDS and ECR.

resource "aws_ecs_cluster" "main" {
  name = "startupwebapp-cluster"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "migrations" {
  name              = "/ecs/startupwebapp-migrations"
  retention_in_days = 7
}

data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Pulls images, writes logs, and resolves the `secrets` of the task definition.
resource "aws_iam_role" "task_execution" {
  name               = "ecsTaskExecutionRole-startupwebapp"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy_attachment" "task_execution" {
  role       = aws_iam_role.task_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "task_execution_secrets" {
  name = "read-rds-master-secret"
  role = aws_iam_role.task_execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [data.aws_secretsmanager_secret.db_master.arn]
      }
    ]
  })
}

# Application runtime permissions (the settings module reads DB_SECRET_NAME).
resource "aws_iam_role" "task" {
  name               = "ecsTaskRole-startupwebapp"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy" "task_secrets" {
  name = "read-app-secrets"
  role = aws_iam_role.task.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = [data.aws_secretsmanager_secret.db_master.arn]
      }
    ]
  })
}

resource "aws_vpc_security_group_egress_rule" "backend_to_rds" {
  security_group_id            = var.backend_security_group_id
  description                  = "PostgreSQL to the RDS instance"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = var.rds_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "backend_https" {
  security_group_id = var.backend_security_group_id
  description       = "HTTPS for ECR image pulls, Secrets Manager and CloudWatch Logs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

output "ecs_cluster_arn" {
  value = aws_ecs_cluster.main.arn
}

output "task_execution_role_arn" {
  value = aws_iam_role.task_execution.arn
}

output "task_role_arn" {
  value = aws_iam_role.task.arn
}
