# Large setup - production, mission-critical (about $800-1500/month, 13-23 services).
# Network: full HA NAT, Client VPN, VPC flow logs. Databases: Aurora Serverless v2
# (Multi-AZ), ElastiCache (Multi-AZ), DocumentDB cluster. ECS with autoscaling.

account_id  = "123456789012" # CHANGE_ME_PLEASE
region      = "us-east-1"    # CHANGE_ME_PLEASE
application = "web"          # CHANGE_ME_PLEASE
environment = "prod"         # CHANGE_ME_PLEASE

vpc_cidr_block       = "10.0.0.0/16"
availability_zones   = ["us-east-1a", "us-east-1b", "us-east-1c"]
enable_nat_gateway   = true
single_nat_gateway   = false
enable_vpc_endpoints = true
enable_flow_logs     = true
enable_bastion       = false

enable_client_vpn                 = true
client_vpn_cidr                   = "172.16.0.0/22"
client_vpn_server_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/3b9f1d2e-6c47-4a8b-9e15-7d0c2a4f6b81"
client_vpn_root_certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/a7e2c5f0-1d38-4b96-8c4e-2f6a9d1b3e70"

rds_instance_class          = "db.serverless"
rds_instance_count          = 2
rds_serverless_min_capacity = 2
rds_serverless_max_capacity = 32

enable_elasticache             = true
elasticache_node_type          = "cache.r7g.large"
elasticache_num_cache_clusters = 3
elasticache_multi_az           = true

enable_documentdb         = true
documentdb_instance_class = "db.r6g.large"
documentdb_instance_count = 3

ecs_services = {
  api = {
    image             = "public.ecr.aws/docker/library/httpd:2.4-alpine"
    container_port    = 80
    cpu               = 1024
    memory            = 2048
    desired_count     = 3
    path_pattern      = "/api/*"
    health_check_path = "/"
  }
  web = {
    image          = "public.ecr.aws/nginx/nginx:1.27-alpine"
    container_port = 80
    cpu            = 512
    memory         = 1024
    desired_count  = 3
  }
}

enable_autoscaling       = true
autoscaling_max_capacity = 12
certificate_arn          = "arn:aws:acm:us-east-1:123456789012:certificate/5d8e0a3c-9f21-4b67-a4d3-8e1c6f2b9a05"

enable_monitoring     = true
alarm_email           = "platform-oncall@example.com"
enable_backup         = true
backup_retention_days = 35
log_retention_days    = 90
