# Medium setup - staging, small production (about $200-400/month, 5-13 services).
# Network: VPC + private endpoints, no NAT (images through the ECR pull-through cache).
# Databases: Aurora (2 instances), ElastiCache with failover, DocumentDB (2 instances).
# Monitoring: CloudWatch + SNS. Backups: AWS Backup.

account_id  = "123456789012" # CHANGE_ME_PLEASE
region      = "us-east-1"    # CHANGE_ME_PLEASE
application = "web"          # CHANGE_ME_PLEASE
environment = "staging"      # CHANGE_ME_PLEASE

vpc_cidr_block                = "10.0.0.0/16"
availability_zones            = ["us-east-1a", "us-east-1b"]
enable_nat_gateway            = false
enable_vpc_endpoints          = true
enable_ecr_pull_through_cache = true
ecs_subnet_tier               = "private"
enable_bastion                = true

rds_instance_class = "db.r6g.large"
rds_instance_count = 2

enable_elasticache             = true
elasticache_node_type          = "cache.t4g.medium"
elasticache_num_cache_clusters = 2
elasticache_multi_az           = true

enable_documentdb         = true
documentdb_instance_class = "db.t4g.medium"
documentdb_instance_count = 2

ecs_services = {
  api = {
    image             = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ecr-public/docker/library/httpd:2.4-alpine"
    container_port    = 80
    cpu               = 512
    memory            = 1024
    desired_count     = 2
    path_pattern      = "/api/*"
    health_check_path = "/"
  }
  web = {
    image          = "123456789012.dkr.ecr.us-east-1.amazonaws.com/ecr-public/nginx/nginx:1.27-alpine"
    container_port = 80
    cpu            = 256
    memory         = 512
    desired_count  = 2
  }
}

enable_monitoring  = true
alarm_email        = "platform-alerts@example.com"
enable_backup      = true
log_retention_days = 30
