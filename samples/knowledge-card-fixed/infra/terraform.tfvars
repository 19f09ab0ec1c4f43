environment = "production"

availability_zones   = ["us-east-1a", "us-east-1b"]
public_subnet_cidrs  = ["10.0.0.0/24", "10.0.1.0/24"]
private_subnet_cidrs = ["10.0.10.0/24", "10.0.11.0/24"]

db_instance_class = "db.t4g.micro"
redis_node_type   = "cache.t3.micro"

s3_bucket_name      = "knowledge-card-media-123456789012"
app_domain          = "app.knowledgecard.io"
route53_zone_id     = "Z0123456789ABCDEFGHIJ"
acm_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/5f0c2a6e-1b7d-4f39-9a8e-2c4d6b8e0f13"
alarm_email         = "oncall@knowledgecard.io"
github_repository   = "knowledge-card/knowledge-card"
app_image_tag       = "3f9c2e17a4b85d06c1e2f3a4b5c6d7e8f9a0b1c2"
