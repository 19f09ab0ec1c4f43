# Partial S3 backend: the bucket, key, region and lock table come from
#   terraform init -backend-config=tfbackends/<application>-<account_id>-<region>.tfbackend
terraform {
  backend "s3" {}
}
