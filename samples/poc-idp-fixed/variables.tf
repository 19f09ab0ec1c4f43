# Defaults describe the small setup; tfvars-sample/ holds the small, medium and large
# examples to copy to tfvars/<application>-<account_id>-<region>.tfvars.

# --- Account and naming ----------------------------------------------------------

variable "account_id" {
  description = "AWS account ID where all resources are created (CHANGE_ME_PLEASE)."
  type        = string
  default     = "123456789012"
}

variable "region" {
  description = "AWS region where all resources are created (CHANGE_ME_PLEASE)."
  type        = string
  default     = "us-east-1"
}

variable "application" {
  description = "Name of the application (CHANGE_ME_PLEASE)."
  type        = string
  default     = "web"
}

variable "environment" {
  description = "Environment name: dev, staging or prod (CHANGE_ME_PLEASE)."
  type        = string
  default     = "dev"
}

variable "additional_tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

# --- Network ---------------------------------------------------------------------

variable "vpc_cidr_block" {
  type    = string
  default = "10.0.0.0/16"
}

variable "availability_zones" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}

variable "enable_nat_gateway" {
  description = "Give the private subnets outbound internet access through one NAT gateway per AZ (production)."
  type        = bool
  default     = false
}

variable "single_nat_gateway" {
  description = "One NAT gateway shared by every private subnet: an AZ outage then cuts egress for all. Keep false."
  type        = bool
  default     = false
}

variable "ecs_subnet_tier" {
  description = "Where the services run: private (needs NAT or VPC endpoints) or public (public IP, ingress only from the ALB)."
  type        = string
  default     = "public"

  validation {
    condition     = contains(["private", "public"], var.ecs_subnet_tier)
    error_message = "ecs_subnet_tier must be private or public."
  }
}

variable "enable_vpc_endpoints" {
  description = "Interface endpoints for ECR, CloudWatch Logs and Secrets Manager, gateway endpoint for S3."
  type        = bool
  default     = false
}

variable "enable_ecr_pull_through_cache" {
  description = "Cache public.ecr.aws images in the account's ECR under ecr-public/ (for subnets without NAT)."
  type        = bool
  default     = false
}

variable "enable_flow_logs" {
  type    = bool
  default = false
}

variable "enable_bastion" {
  description = "SSM-managed bastion host for database access (no inbound SSH)."
  type        = bool
  default     = true
}

variable "enable_client_vpn" {
  type    = bool
  default = false
}

variable "client_vpn_cidr" {
  type    = string
  default = "172.16.0.0/22"
}

variable "client_vpn_server_certificate_arn" {
  type    = string
  default = ""
}

variable "client_vpn_root_certificate_arn" {
  type    = string
  default = ""
}

# --- Databases -------------------------------------------------------------------

variable "rds_engine_version" {
  type    = string
  default = "16.4"
}

variable "rds_instance_class" {
  description = "Aurora instance class; db.serverless for Serverless v2."
  type        = string
  default     = "db.serverless"
}

variable "rds_instance_count" {
  description = "Writer plus readers; at least two so that a reader in another AZ can take over."
  type        = number
  default     = 2

  validation {
    condition     = var.rds_instance_count >= 2
    error_message = "Use at least two Aurora instances (writer and reader in different AZs)."
  }
}

variable "rds_serverless_min_capacity" {
  type    = number
  default = 0.5
}

variable "rds_serverless_max_capacity" {
  type    = number
  default = 2
}

variable "enable_elasticache" {
  type    = bool
  default = false
}

variable "elasticache_node_type" {
  type    = string
  default = "cache.t4g.small"
}

variable "elasticache_num_cache_clusters" {
  type    = number
  default = 1
}

variable "elasticache_multi_az" {
  description = "Automatic failover and Multi-AZ for the Redis replication group."
  type        = bool
  default     = false
}

variable "enable_documentdb" {
  type    = bool
  default = false
}

variable "documentdb_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "documentdb_instance_count" {
  type    = number
  default = 1
}

# --- Application -----------------------------------------------------------------

variable "ecs_services" {
  description = "Services on the shared ALB: one without path_pattern takes the default route, the others their path."
  type = map(object({
    image             = string
    container_port    = number
    cpu               = number
    memory            = number
    desired_count     = number
    path_pattern      = optional(string)
    health_check_path = optional(string, "/")
  }))
  default = {
    web = {
      image          = "public.ecr.aws/nginx/nginx:1.27-alpine"
      container_port = 80
      cpu            = 256
      memory         = 512
      desired_count  = 2
    }
  }
}

variable "enable_autoscaling" {
  type    = bool
  default = false
}

variable "autoscaling_max_capacity" {
  type    = number
  default = 4
}

variable "certificate_arn" {
  description = "ACM certificate for the HTTPS listener; empty serves plain HTTP."
  type        = string
  default     = ""
}

variable "log_retention_days" {
  type    = number
  default = 14
}

# --- Operations ------------------------------------------------------------------

variable "enable_monitoring" {
  type    = bool
  default = false
}

variable "alarm_email" {
  type    = string
  default = ""
}

variable "enable_backup" {
  type    = bool
  default = false
}

variable "backup_retention_days" {
  type    = number
  default = 35
}
