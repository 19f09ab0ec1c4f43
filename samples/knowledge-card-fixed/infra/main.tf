# Root module: wires the local modules together (one module per KC-INFRA ticket).

module "vpc" {
  source = "./modules/vpc"

  name                 = var.app_name
  vpc_cidr             = var.vpc_cidr
  availability_zones   = var.availability_zones
  public_subnet_cidrs  = var.public_subnet_cidrs
  private_subnet_cidrs = var.private_subnet_cidrs
}

module "security" {
  source = "./modules/security"

  name     = var.app_name
  vpc_id   = module.vpc.vpc_id
  app_port = var.app_port
}

module "rds" {
  source = "./modules/rds"

  name               = var.app_name
  environment        = var.environment
  instance_class     = var.db_instance_class
  subnet_ids         = module.vpc.private_subnet_ids
  security_group_ids = [module.security.rds_security_group_id]
}

module "redis" {
  source = "./modules/redis"

  name               = var.app_name
  environment        = var.environment
  node_type          = var.redis_node_type
  subnet_ids         = module.vpc.private_subnet_ids
  security_group_ids = [module.security.redis_security_group_id]
}

module "s3" {
  source = "./modules/s3"

  bucket_name     = var.s3_bucket_name
  allowed_origins = ["https://${var.app_domain}"]
}

module "secrets" {
  source = "./modules/secrets"

  name = var.app_name
}

module "alb" {
  source = "./modules/alb"

  name              = var.app_name
  vpc_id            = module.vpc.vpc_id
  public_subnet_ids = module.vpc.public_subnet_ids
  security_group_id = module.security.alb_security_group_id
  app_port          = var.app_port
  certificate_arn   = var.acm_certificate_arn
  domain_name       = var.app_domain
  zone_id           = var.route53_zone_id
}

module "ecs" {
  source = "./modules/ecs"

  name                  = var.app_name
  environment           = var.environment
  aws_region            = var.aws_region
  private_subnet_ids    = module.vpc.private_subnet_ids
  security_group_id     = module.security.ecs_task_security_group_id
  target_group_arn      = module.alb.target_group_arn
  app_port              = var.app_port
  image_tag             = var.app_image_tag
  app_url               = "https://${var.app_domain}"
  redis_endpoint        = module.redis.endpoint
  s3_bucket_name        = module.s3.bucket_name
  s3_bucket_arn         = module.s3.bucket_arn
  database_url_secret   = module.rds.database_url_secret_arn
  nextauth_secret       = module.secrets.nextauth_secret_arn
  openai_api_key_secret = module.secrets.openai_api_key_secret_arn
}

module "monitoring" {
  source = "./modules/monitoring"

  name                    = var.app_name
  alarm_email             = var.alarm_email
  cluster_name            = module.ecs.cluster_name
  service_name            = module.ecs.service_name
  alb_arn_suffix          = module.alb.alb_arn_suffix
  target_group_arn_suffix = module.alb.target_group_arn_suffix
}
