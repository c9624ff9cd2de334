"""The outbox publishes its send tasks by name; a process that never imported the
task module (a web worker, ``manage.py seed_demo``) must still know the names, or
Celery hands the task to the broker even when tasks run eagerly and nothing is
sent."""

import os
import subprocess
import sys

from django.conf import settings

from notifications.queue import SEND_BATCH_TASK, SEND_TASK

CHECK = """
import django
django.setup()
from celery import current_app
missing = [name for name in {names!r} if name not in current_app.tasks]
print(missing)
"""


def test_a_fresh_process_knows_the_send_tasks():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    env["DATABASE_URL"] = "sqlite:///:memory:"
    result = subprocess.run(
        [sys.executable, "-c", CHECK.format(names=[SEND_TASK, SEND_BATCH_TASK])],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
