# KC-INFRA-DO-6: ElastiCache Redis for caching and the BullMQ queues. Cluster mode
# disabled; a primary and a replica in different AZs with automatic failover, so a
# node or AZ failure does not take the queues down. Encrypted in transit and at rest.

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

resource "aws_elasticache_replication_group" "main" {
  replication_group_id = "${var.name}-redis"
  description          = "Knowledge Card cache and BullMQ queues"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = var.node_type
  parameter_group_name = "default.redis7"
  port                 = 6379

  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true

  subnet_group_name  = aws_elasticache_subnet_group.main.name
  security_group_ids = var.security_group_ids

  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 3

  tags = {
    Name        = "${var.name}-redis"
    Environment = var.environment
  }
}

output "endpoint" {
  value = aws_elasticache_replication_group.main.primary_endpoint_address
}
