data "aws_iam_policy_document" "task" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
  }
}

module "app" {
  source      = "./modules/app"
  policy_json = data.aws_iam_policy_document.task.json
  name        = "shop"
}

module "registry" {
  source = "terraform-aws-modules/vpc/aws"
}

resource "aws_db_instance" "db" {
  vpc_security_group_ids = [module.app.sg_id, module.registry.default_security_group_id]
}
