"""Local development: debug on, a fixed key that is useless anywhere else."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

DEBUG = True
# Only for a developer's machine: production refuses to start without its own key.
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
# The demo site (content and `seed_demo`) lives outside the production apps.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
