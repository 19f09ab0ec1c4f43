output "alb_dns_name" {
  description = "DNS name of the application load balancer."
  value       = module.alb.dns_name
}

output "ecr_repository_url" {
  description = "Push target for the CI/CD pipeline (KC-INFRA-DO-4)."
  value       = module.ecs.repository_url
}

output "rds_endpoint" {
  description = "PostgreSQL endpoint (private)."
  value       = module.rds.address
}

output "redis_endpoint" {
  description = "Redis primary endpoint (private)."
  value       = module.redis.endpoint
}

output "cicd_role_arn" {
  description = "Role assumed by GitHub Actions through OIDC."
  value       = aws_iam_role.cicd_pipeline.arn
}
