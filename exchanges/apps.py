from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangesConfig(AppConfig):
    """Peer exchanges: the top floor. It may import every other project app; none
    imports it, so what it adds to their pages comes through their hooks and
    registries."""

    name = "exchanges"
    verbose_name = _("Peer exchanges")

    def ready(self):
        # Imported here: modules with models load only once the registry is ready
        # (the mails read this app's models).
        from . import mails

        # The outbox renders the peer-exchange notices by these kinds.
        mails.register()
        # The public outcomes page lists closed cases and their checkpoints.
        from core.page_cache import watch_process_rows

        # (the rows the outcomes page shows)
        from .models import ExchangeCheckpoint, PeerExchange

        watch_process_rows(PeerExchange, ExchangeCheckpoint)
