# Phase 5.14: ECR, ECS cluster, IAM roles and the GitHub Actions user for running
# Django migrations on RDS as an ECS Fargate task. The VPC, the RDS instance and its
# security groups come from Phase 9 and are passed in as variables.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }

  backend "s3" {
    bucket         = "startupwebapp-terraform-state"
    key            = "phase-5-14/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "startupwebapp-terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Application = "StartupWebApp"
      Environment = "Production"
      ManagedBy   = "terraform"
    }
  }
}

variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "backend_security_group_id" {
  description = "Backend security group from Phase 9 (attached to the migration tasks)."
  type        = string
  default     = "sg-0b7c4d1e9a2f36c58"
}

variable "rds_security_group_id" {
  description = "Security group of the multi-tenant RDS PostgreSQL 16 instance (Phase 9)."
  type        = string
  default     = "sg-04e8a91c7d25b3f60"
}

variable "db_secret_name" {
  description = "Secrets Manager secret holding the RDS master credentials."
  type        = string
  default     = "rds/startupwebapp/multi-tenant/master"
}

data "aws_caller_identity" "current" {}

data "aws_secretsmanager_secret" "db_master" {
  name = var.db_secret_name
}
