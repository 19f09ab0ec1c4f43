# KC-INFRA-DO-6: ElastiCache Redis for caching and the BullMQ queues. Cluster mode
# disabled, one node to start with (cache.t3.micro).

variable "name" {
  type = string
}

variable "environment" {
  type = string
}

variable "node_type" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

resource "aws_elasticache_subnet_group" "main" {
  name       = "${var.name}-redis"
  subnet_ids = var.subnet_ids
}

resource "aws_elasticache_cluster" "main" {
  cluster_id           = "${var.name}-redis"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = var.node_type
  num_cache_nodes      = 1
  parameter_group_name = "default.redis7"
  port                 = 6379

  subnet_group_name  = aws_elasticache_subnet_group.main.name
  security_group_ids = var.security_group_ids

  snapshot_retention_limit = 1

  tags = {
    Name        = "${var.name}-redis"
    Environment = var.environment
  }
}

output "endpoint" {
  value = aws_elasticache_cluster.main.cache_nodes[0].address
}
