# Knowledge Card, Stage 2 (seed 000): the Terraform stack as the tickets ask
# for it, with the review's remedies applied.
variable "environment" {
  type    = string
  default = "production"
}

variable "name" {
  type    = string
  default = "knowledge-card"
}

variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "azs" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}

variable "app_port" {
  type    = number
  default = 3000
}

variable "image_tag" {
  type    = string
  default = "1.4.2"
}

variable "certificate_arn" {
  type = string
}

variable "github_repository" {
  type    = string
  default = "knowledge-card/app"
}
