# Aurora PostgreSQL (every size), ElastiCache Redis and DocumentDB (medium and large).
# Each datastore admits its port from the ECS service group (and the bastion) only.

resource "aws_db_subnet_group" "this" {
  name       = "${local.name}-aurora"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "aurora" {
  name        = "${local.name}-aurora"
  description = "Aurora PostgreSQL"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "aurora_from_ecs" {
  security_group_id            = aws_security_group.aurora.id
  description                  = "PostgreSQL from the ECS services"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.ecs_services.id
}

resource "aws_vpc_security_group_ingress_rule" "aurora_from_bastion" {
  count = var.enable_bastion ? 1 : 0

  security_group_id            = aws_security_group.aurora.id
  description                  = "PostgreSQL from the bastion (port forwarding)"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.bastion[0].id
}

resource "aws_rds_cluster" "this" {
  cluster_identifier          = local.name
  engine                      = "aurora-postgresql"
  engine_mode                 = "provisioned"
  engine_version              = var.rds_engine_version
  database_name               = replace(var.application, "-", "_")
  master_username             = "platform_admin"
  manage_master_user_password = true
  port                        = 5432

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.aurora.id]
  storage_encrypted      = true

  backup_retention_period   = var.environment == "prod" ? 14 : 3
  preferred_backup_window   = "03:00-04:00"
  deletion_protection       = var.environment == "prod"
  skip_final_snapshot       = var.environment != "prod"
  final_snapshot_identifier = "${local.name}-final"

  dynamic "serverlessv2_scaling_configuration" {
    for_each = var.rds_instance_class == "db.serverless" ? [1] : []
    content {
      min_capacity = var.rds_serverless_min_capacity
      max_capacity = var.rds_serverless_max_capacity
    }
  }

  tags = {
    Backup = "true"
  }
}

resource "aws_rds_cluster_instance" "this" {
  count = var.rds_instance_count

  identifier          = "${local.name}-${count.index}"
  cluster_identifier  = aws_rds_cluster.this.id
  instance_class      = var.rds_instance_class
  engine              = aws_rds_cluster.this.engine
  engine_version      = aws_rds_cluster.this.engine_version
  publicly_accessible = false
}

# --- ElastiCache Redis -------------------------------------------------------------

resource "aws_elasticache_subnet_group" "this" {
  count = var.enable_elasticache ? 1 : 0

  name       = "${local.name}-redis"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "redis" {
  count = var.enable_elasticache ? 1 : 0

  name        = "${local.name}-redis"
  description = "ElastiCache Redis"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_ecs" {
  count = var.enable_elasticache ? 1 : 0

  security_group_id            = aws_security_group.redis[0].id
  description                  = "Redis from the ECS services"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.ecs_services.id
}

resource "aws_elasticache_replication_group" "this" {
  count = var.enable_elasticache ? 1 : 0

  replication_group_id       = "${local.name}-redis"
  description                = "${local.name} cache"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.elasticache_node_type
  port                       = 6379
  parameter_group_name       = "default.redis7"
  num_cache_clusters         = var.elasticache_num_cache_clusters
  automatic_failover_enabled = var.elasticache_multi_az
  multi_az_enabled           = var.elasticache_multi_az
  subnet_group_name          = aws_elasticache_subnet_group.this[0].name
  security_group_ids         = [aws_security_group.redis[0].id]
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 3
}

# --- DocumentDB ----------------------------------------------------------------------

resource "aws_docdb_subnet_group" "this" {
  count = var.enable_documentdb ? 1 : 0

  name       = "${local.name}-docdb"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_security_group" "docdb" {
  count = var.enable_documentdb ? 1 : 0

  name        = "${local.name}-docdb"
  description = "DocumentDB"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "docdb_from_ecs" {
  count = var.enable_documentdb ? 1 : 0

  security_group_id            = aws_security_group.docdb[0].id
  description                  = "MongoDB protocol from the ECS services"
  ip_protocol                  = "tcp"
  from_port                    = 27017
  to_port                      = 27017
  referenced_security_group_id = aws_security_group.ecs_services.id
}

resource "aws_docdb_cluster" "this" {
  count = var.enable_documentdb ? 1 : 0

  cluster_identifier          = "${local.name}-docdb"
  engine                      = "docdb"
  engine_version              = "5.0.0"
  master_username             = "platform_admin"
  manage_master_user_password = true
  port                        = 27017
  db_subnet_group_name        = aws_docdb_subnet_group.this[0].name
  vpc_security_group_ids      = [aws_security_group.docdb[0].id]
  storage_encrypted           = true
  backup_retention_period     = 7
  deletion_protection         = var.environment == "prod"
  skip_final_snapshot         = var.environment != "prod"
  final_snapshot_identifier   = "${local.name}-docdb-final"
}

resource "aws_docdb_cluster_instance" "this" {
  count = var.enable_documentdb ? var.documentdb_instance_count : 0

  identifier         = "${local.name}-docdb-${count.index}"
  cluster_identifier = aws_docdb_cluster.this[0].id
  instance_class     = var.documentdb_instance_class
}
