terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region              = var.region
  allowed_account_ids = [var.account_id]

  default_tags {
    tags = merge(
      {
        Application = var.application
        Environment = var.environment
        ManagedBy   = "terraform"
        Repository  = "poc-idp"
      },
      var.additional_tags,
    )
  }
}
