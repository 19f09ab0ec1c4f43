locals {
  a = local.b
  b = local.a
  c = 1
}

resource "aws_s3_bucket" "b" {
  bucket = local.a
}
