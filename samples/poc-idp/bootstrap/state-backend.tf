# One-time bootstrap of the Terraform state backend (S3 bucket + DynamoDB lock table).
# Apply with local state, then write tfbackends/<application>-<account_id>-<region>.tfbackend.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "state_bucket_name" {
  type    = string
  default = "web-terraform-state-123456789012"
}

variable "lock_table_name" {
  type    = string
  default = "terraform-state-lock"
}

provider "aws" {
  region = var.region
}

resource "aws_s3_bucket" "state" {
  bucket = var.state_bucket_name

  tags = {
    Name    = var.state_bucket_name
    Purpose = "terraform-state"
  }
}

resource "aws_dynamodb_table" "lock" {
  name         = var.lock_table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "LockID"

  attribute {
    name = "LockID"
    type = "S"
  }
}

output "backend_config" {
  value = <<-EOT
    bucket         = "${aws_s3_bucket.state.bucket}"
    key            = "terraform/<application>/<environment>/terraform.tfstate"
    region         = "${var.region}"
    encrypt        = true
    dynamodb_table = "${aws_dynamodb_table.lock.name}"
  EOT
}
