variable "db_port" {
  type    = number
  default = 5432
}

variable "env" {
  type = string
}

variable "no_value" {}

variable "roles" {
  type    = set(string)
  default = ["ci", "deploy"]
}

variable "ingress_ports" {
  default = [80, 443]
}

locals {
  # declared before what it uses
  name_prefix = "${local.app}-${var.env}"
  app         = "shop"
  cidrs       = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)]
  tags        = merge({ app = local.app }, { env = var.env })
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = aws_vpc.main.id
  cidr_block        = local.cidrs[count.index]
  availability_zone = data.aws_availability_zones.available.names[count.index]
}

resource "aws_security_group" "db" {
  name   = "${local.name_prefix}-db"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port       = var.db_port
    to_port         = var.db_port
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}

resource "aws_security_group" "app" {
  name = "app"

  dynamic "ingress" {
    for_each = var.ingress_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

resource "aws_security_group_rule" "extra" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  from_port                = 22
  to_port                  = 22
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.missing.id
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_db_subnet_group" "db" {
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_db_instance" "db" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  port                   = var.db_port
  multi_az               = var.env == "prod"
  password               = "hunter2hunter2"
  storage_type           = "gp2"
  vpc_security_group_ids = [aws_security_group.db.id]
  db_subnet_group_name   = aws_db_subnet_group.db.name
}

resource "aws_iam_role" "r" {
  for_each = var.roles
  name     = "${local.app}-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_policy" "heredoc" {
  name   = "heredoc"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:*", "Resource": "${aws_s3_bucket.b.arn}"}
  ]
}
EOT
}

resource "aws_iam_policy" "from_file" {
  name   = "file"
  policy = file("${path.module}/policy.json")
}

resource "aws_iam_policy" "from_doc" {
  name   = "doc"
  policy = data.aws_iam_policy_document.doc.json
}

data "aws_iam_policy_document" "doc" {
  statement {
    sid       = "All"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:org/*"]
    }
  }
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.r["ci"].name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  cpu                      = 256
  memory                   = 512
  requires_compatibilities = ["FARGATE"]
  task_role_arn            = aws_iam_role.r["deploy"].arn
  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "${aws_ecr_repository.app.repository_url}:latest"
      user         = "root"
      portMappings = [{ containerPort = 8080 }]
      environment  = [{ name = "DB_PASSWORD", value = "x" }]
    }
  ])
}

resource "aws_ecs_task_definition" "heredoc" {
  family                = "h"
  container_definitions = <<EOF
[{"name": "w", "image": "nginx:1.25", "privileged": true}]
EOF
  runtime_platform {
    cpu_architecture = "ARM64"
  }
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecs_service" "app" {
  name            = "app"
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = 1
  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.app.id]
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "web"
    container_port   = 8080
  }
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

resource "aws_lb_target_group" "app" {
  port     = 8080
  protocol = "HTTP"
}

resource "aws_cloudwatch_log_group" "app" {
  name = "/ecs/${local.name_prefix}"
}

output "unknown" {
  value = var.no_value
}
