# KC-INFRA-DO-10: application secrets. The database secrets live in the rds module;
# this one holds the NextAuth secret and third-party API keys.

variable "name" {
  type = string
}

resource "random_password" "nextauth" {
  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "nextauth" {
  name        = "${var.name}/nextauth-secret"
  description = "NEXTAUTH_SECRET used to sign session tokens"
}

resource "aws_secretsmanager_secret_version" "nextauth" {
  secret_id     = aws_secretsmanager_secret.nextauth.id
  secret_string = random_password.nextauth.result
}

# The value is set once by hand (aws secretsmanager put-secret-value); Terraform only
# owns the container.
resource "aws_secretsmanager_secret" "openai_api_key" {
  name        = "${var.name}/openai-api-key"
  description = "API key for the embedding and summarisation service"
}

output "nextauth_secret_arn" {
  value = aws_secretsmanager_secret.nextauth.arn
}

output "openai_api_key_secret_arn" {
  value = aws_secretsmanager_secret.openai_api_key.arn
}
