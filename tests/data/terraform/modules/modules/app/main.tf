variable "policy_json" {}
variable "name" {}

module "inner" {
  source = "../inner"
  doc    = var.policy_json
  prefix = var.name
}

resource "aws_security_group" "x" {
  name = var.name
}

output "sg_id" {
  value = aws_security_group.x.id
}

output "policy_name" {
  value = module.inner.policy_name
}
