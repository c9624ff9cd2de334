from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Site and taxonomy")

    def ready(self):
        # Imported here, not at the top: an AppConfig module is imported before the
        # app registry is ready, and these modules read models or settings.
        from .params import register_converters

        # Before any URLconf is imported: every id in a URL uses ``<id:...>``.
        register_converters()
        from . import checks  # noqa: F401 - registers the deploy checks
        from .knowledge import signals

        # The knowledge-base listings cache under a content version; pages and
        # taxonomy rows start a new one (the directory's rows: register_directory).
        signals.connect()

        # The search index after a save, installed before the search app's ready()
        # connects it to every indexed model (core comes first in INSTALLED_APPS).
        from . import search_index

        search_index.install()

        # The typo-forgiving search's threshold, on every database connection.
        from .forgiving import set_similarity_threshold

        connection_created.connect(
            set_similarity_threshold, dispatch_uid="core.similarity_threshold"
        )

        # Publishing a translation records the version of its original it follows;
        # publishing an original tells its translations what changed.
        from .translations import status

        page_published.connect(
            status.page_published, dispatch_uid="core.translation_status"
        )
