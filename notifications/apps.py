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

        # Apps below this one (community) write notices through core's port.
        notices.set_outbox(outbox.notify)
