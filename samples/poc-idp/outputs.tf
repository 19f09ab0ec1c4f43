output "vpc_id" {
  value = aws_vpc.this.id
}

output "alb_dns_name" {
  value = aws_lb.this.dns_name
}

output "ecs_cluster_name" {
  value = aws_ecs_cluster.this.name
}

output "aurora_endpoint" {
  value = aws_rds_cluster.this.endpoint
}

output "aurora_master_secret_arn" {
  value = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "redis_primary_endpoint" {
  value = var.enable_elasticache ? aws_elasticache_replication_group.this[0].primary_endpoint_address : null
}

output "documentdb_endpoint" {
  value = var.enable_documentdb ? aws_docdb_cluster.this[0].endpoint : null
}

output "bastion_instance_id" {
  value = var.enable_bastion ? aws_instance.bastion[0].id : null
}
