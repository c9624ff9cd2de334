from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Imported here: these modules read models, which load only once the app
        # registry is ready.
        from core.page_cache import register_next_moment, watch_process_rows

        # (signals connects the receivers; moments and models read the pages)
        from . import mails, signals  # noqa: F401
        from .models import Registration
        from .moments import next_moment

        mails.register()
        # Anonymous pages show the places left and whether a call is open.
        watch_process_rows(Registration)
        register_next_moment(next_moment)
