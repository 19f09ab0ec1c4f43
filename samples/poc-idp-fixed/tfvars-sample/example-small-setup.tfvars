# Small setup - development, testing, MVPs (about $50-100/month, fewer than 5 services).
# Network: VPC without NAT (services in the public subnets, ingress from the ALB only),
# bastion host. Database: Aurora Serverless v2, writer and reader in two AZs.

account_id  = "123456789012" # CHANGE_ME_PLEASE - AWS account ID where all resources should be configured
region      = "us-east-1"    # CHANGE_ME_PLEASE - Region in AWS cloud where all resources should be configured
application = "web"          # CHANGE_ME_PLEASE - Name of the application
environment = "dev"          # CHANGE_ME_PLEASE - Environment name (dev/staging/prod)

# additional_tags = {         # Optional - The list of additional tags
#   product = "product_name"
#   project = "company_name"
# }

vpc_cidr_block     = "10.0.0.0/16"
availability_zones = ["us-east-1a", "us-east-1b"]
enable_nat_gateway = false
ecs_subnet_tier    = "public"
enable_bastion     = true

rds_instance_class          = "db.serverless"
rds_instance_count          = 2
rds_serverless_min_capacity = 0.5
rds_serverless_max_capacity = 2

ecs_services = {
  web = {
    image          = "public.ecr.aws/nginx/nginx:1.27-alpine"
    container_port = 80
    cpu            = 256
    memory         = 512
    desired_count  = 2
  }
}

log_retention_days = 7
