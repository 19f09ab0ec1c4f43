variable "aws_region" {
  description = "AWS region for every resource of the stack."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "Deployment environment (used in names and tags)."
  type        = string
  default     = "production"
}

variable "app_name" {
  description = "Short name used as a prefix for resource names."
  type        = string
  default     = "knowledge-card"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "availability_zones" {
  description = "Availability zones for the public and private subnets (at least two)."
  type        = list(string)
}

variable "public_subnet_cidrs" {
  description = "One public subnet CIDR per availability zone (ALB, NAT gateway)."
  type        = list(string)
}

variable "private_subnet_cidrs" {
  description = "One private subnet CIDR per availability zone (ECS tasks, RDS, Redis)."
  type        = list(string)
}

variable "app_port" {
  description = "Port the Next.js server listens on inside the container."
  type        = number
  default     = 3000
}

variable "db_instance_class" {
  description = "RDS instance class for PostgreSQL."
  type        = string
  default     = "db.t4g.micro"
}

variable "redis_node_type" {
  description = "ElastiCache node type for Redis."
  type        = string
  default     = "cache.t3.micro"
}

variable "s3_bucket_name" {
  description = "Globally unique name of the media bucket."
  type        = string
}

variable "app_domain" {
  description = "Public domain name of the application."
  type        = string
}

variable "route53_zone_id" {
  description = "Hosted zone that holds app_domain."
  type        = string
}

variable "acm_certificate_arn" {
  description = "ACM certificate for app_domain (validated outside Terraform)."
  type        = string
}

variable "alarm_email" {
  description = "Address subscribed to the alarm SNS topic."
  type        = string
}

variable "app_image_tag" {
  description = "Image tag of the first deployment; the pipeline registers later revisions."
  type        = string
}

variable "github_repository" {
  description = "GitHub repository (owner/name) allowed to assume the CI/CD role."
  type        = string
}
