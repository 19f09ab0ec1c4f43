# Step 6: IAM user for GitHub Actions. Its access key is stored in the repository
# secrets AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.

resource "aws_iam_user" "github_actions" {
  name = "github-actions-startupwebapp"
  path = "/ci/"
}

# Push and pull images.
resource "aws_iam_user_policy_attachment" "github_actions_ecr" {
  user       = aws_iam_user.github_actions.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
}

# Register task definitions and run the migration task.
resource "aws_iam_user_policy_attachment" "github_actions_ecs" {
  user       = aws_iam_user.github_actions.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonECS_FullAccess"
}

# Fetch the migration logs for the workflow summary.
resource "aws_iam_user_policy_attachment" "github_actions_logs" {
  user       = aws_iam_user.github_actions.name
  policy_arn = "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess"
}

resource "aws_iam_access_key" "github_actions" {
  user = aws_iam_user.github_actions.name
}

output "github_actions_access_key_id" {
  value = aws_iam_access_key.github_actions.id
}

output "github_actions_secret_access_key" {
  value     = aws_iam_access_key.github_actions.secret
  sensitive = true
}
