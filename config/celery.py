"""The Celery application.

Start workers with ``celery -A config worker`` and the scheduler with
``celery -A config beat``.
Configuration comes from Django settings under the ``CELERY_`` prefix, so one set of
environment variables drives web, worker and beat alike.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("connective_cities")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
