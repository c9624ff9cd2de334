"""Celery tasks of the practices app."""

from io import StringIO

from django.core.management import call_command

from celery import shared_task


@shared_task(acks_late=True)
def publish_scheduled_task() -> None:
    """Publish pages whose go-live time has passed and unpublish expired ones.

    Runs Wagtail's ``publish_scheduled`` command; beat starts it every minute (see
    CELERY_BEAT_SCHEDULE). Without Celery, run ``manage.py publish_scheduled`` from
    cron every minute instead.
    """
    # Wagtail logs every publication itself; the command's own report ("nothing to
    # do") would only repeat itself in the worker log every minute.
    call_command("publish_scheduled", stdout=StringIO())
