from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from core import notices

        from . import outbox

        # Apps below this one (community) write notices through core's port.
        notices.set_outbox(outbox.notify)
