# KC-INFRA-DO-13: security groups for the ALB, the ECS tasks, PostgreSQL and Redis.
# Rules are separate resources and reference peer groups by id, so the groups can
# point at each other (ECS -> RDS egress, RDS <- ECS ingress) without a cycle.

variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "app_port" {
  type = number
}

variable "db_port" {
  type    = number
  default = 5432
}

variable "redis_port" {
  type    = number
  default = 6379
}

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Internet-facing ALB"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.name}-alb"
  }
}

resource "aws_security_group" "ecs_task" {
  name        = "${var.name}-ecs-task"
  description = "Knowledge Card Fargate tasks"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.name}-ecs-task"
  }
}

resource "aws_security_group" "rds" {
  name        = "${var.name}-rds"
  description = "PostgreSQL, reachable from the ECS tasks only"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.name}-rds"
  }
}

resource "aws_security_group" "redis" {
  name        = "${var.name}-redis"
  description = "Redis, reachable from the ECS tasks only"
  vpc_id      = var.vpc_id

  tags = {
    Name = "${var.name}-redis"
  }
}

# ALB: HTTP/HTTPS from the internet, anything out (to the tasks).
resource "aws_security_group_rule" "alb_http_in" {
  type              = "ingress"
  description       = "HTTP from the internet (redirected to HTTPS)"
  security_group_id = aws_security_group.alb.id
  protocol          = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "alb_https_in" {
  type              = "ingress"
  description       = "HTTPS from the internet"
  security_group_id = aws_security_group.alb.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "alb_all_out" {
  type              = "egress"
  description       = "All outbound"
  security_group_id = aws_security_group.alb.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

# ECS tasks: the app port from the ALB; out to PostgreSQL, Redis and HTTPS (via NAT).
resource "aws_security_group_rule" "ecs_from_alb" {
  type                     = "ingress"
  description              = "App port from the ALB"
  security_group_id        = aws_security_group.ecs_task.id
  protocol                 = "tcp"
  from_port                = var.app_port
  to_port                  = var.app_port
  source_security_group_id = aws_security_group.alb.id
}

resource "aws_security_group_rule" "ecs_to_rds" {
  type                     = "egress"
  description              = "PostgreSQL"
  security_group_id        = aws_security_group.ecs_task.id
  protocol                 = "tcp"
  from_port                = var.db_port
  to_port                  = var.db_port
  source_security_group_id = aws_security_group.rds.id
}

resource "aws_security_group_rule" "ecs_to_redis" {
  type                     = "egress"
  description              = "Redis"
  security_group_id        = aws_security_group.ecs_task.id
  protocol                 = "tcp"
  from_port                = var.redis_port
  to_port                  = var.redis_port
  source_security_group_id = aws_security_group.redis.id
}

resource "aws_security_group_rule" "ecs_https_out" {
  type              = "egress"
  description       = "HTTPS to AWS APIs and external services through the NAT gateway"
  security_group_id = aws_security_group.ecs_task.id
  protocol          = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_blocks       = ["0.0.0.0/0"]
}

# Datastores: their port from the ECS task group only.
resource "aws_security_group_rule" "rds_from_ecs" {
  type                     = "ingress"
  description              = "PostgreSQL from the ECS tasks"
  security_group_id        = aws_security_group.rds.id
  protocol                 = "tcp"
  from_port                = var.db_port
  to_port                  = var.db_port
  source_security_group_id = aws_security_group.ecs_task.id
}

resource "aws_security_group_rule" "redis_from_ecs" {
  type                     = "ingress"
  description              = "Redis from the ECS tasks"
  security_group_id        = aws_security_group.redis.id
  protocol                 = "tcp"
  from_port                = var.redis_port
  to_port                  = var.redis_port
  source_security_group_id = aws_security_group.ecs_task.id
}

output "alb_security_group_id" {
  value = aws_security_group.alb.id
}

output "ecs_task_security_group_id" {
  value = aws_security_group.ecs_task.id
}

output "rds_security_group_id" {
  value = aws_security_group.rds.id
}

output "redis_security_group_id" {
  value = aws_security_group.redis.id
}
