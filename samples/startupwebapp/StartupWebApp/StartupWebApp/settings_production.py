"""Production settings: database credentials come from AWS Secrets Manager.

The ECS task definition injects DATABASE_USER/PASSWORD/HOST/PORT from the
`rds/startupwebapp/multi-tenant/master` secret; DATABASE_NAME selects the tenant
database (startupwebapp_prod, healthtech_experiment, fintech_experiment).
"""
import os

from .settings import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "").split(",")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ["DATABASE_NAME"],
        "USER": os.environ["DATABASE_USER"],
        "PASSWORD": os.environ["DATABASE_PASSWORD"],
        "HOST": os.environ["DATABASE_HOST"],
        "PORT": os.environ.get("DATABASE_PORT", "5432"),
        "CONN_MAX_AGE": 60,
        "OPTIONS": {"sslmode": "require"},
    }
}
