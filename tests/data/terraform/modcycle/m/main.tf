module "again" {
  source = "../m"
}
module "escape" {
  source = "../../../outside"
}
resource "aws_s3_bucket" "b" {
  bucket = "x"
}
