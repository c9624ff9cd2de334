from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core.page_cache import register_next_moment, watch_process_rows

        from . import mails, signals  # noqa: F401 (signals connects the receivers)
        from .models import Registration
        from .selectors import next_moment

        mails.register()
        # Anonymous pages show the places left and whether a call is open.
        watch_process_rows(Registration)
        register_next_moment(next_moment)
