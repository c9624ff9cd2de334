from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # Imported here, not at the top: the outbox reads models, which exist once
        # the app registry is ready.
        from core import notices
        from notifications import outbox

        # The send tasks, registered with Celery in every process: the queue
        # publishes them by name (``notifications.queue``), and a name that no
        # task answers to would be sent to the broker even when tasks run eagerly.
        from . import tasks  # noqa: F401

        # Apps below this one (community) write notices through core's port.
        notices.set_outbox(outbox.notify)
