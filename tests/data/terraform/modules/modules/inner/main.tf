variable "doc" {}
variable "prefix" {}

resource "aws_iam_policy" "p" {
  name   = "${var.prefix}-task"
  policy = var.doc
}

output "policy_name" {
  value = aws_iam_policy.p.name
}
