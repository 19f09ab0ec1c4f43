# Knowledge Card - AWS infrastructure (KC-INFRA epic, Stage 2).
# State lives in S3 with DynamoDB locking; the bucket and table were created by hand
# before the first `terraform init` (KC-INFRA-DO-2).

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  backend "s3" {
    bucket         = "knowledge-card-terraform-state"
    key            = "production/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "knowledge-card-terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = "KnowledgeCard"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
