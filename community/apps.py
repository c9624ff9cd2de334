from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        # Imported here, not at the top: an AppConfig module is imported before the
        # app registry is ready, and these modules define or read models.
        from core.knowledge.directory import register_directory

        # (the mails, the directory's rows and page: they read models)
        from . import mails
        from .models import Organisation, OrganisationName, Region
        from .pages import NetworkIndexPage

        # The knowledge-base listings in core filter and link by these (core may
        # not import community).
        register_directory(
            organisation=Organisation,
            organisation_name=OrganisationName,
            region=Region,
            index_page=NetworkIndexPage,
        )
        # Verified, rejected and expiring affiliations are mailed through the
        # outbox, which renders them by these kinds.
        mails.register()
        # A city's public profile shows its membership and the people who work
        # there and chose to be seen, and whom to ask (its focal points); a sign-in
        # changes none of it.
        from core.page_cache import watch_process_rows

        # (the rows a city's profile shows)
        from .models import Affiliation, Membership, Role, User

        watch_process_rows(Membership, Affiliation, Role)
        watch_process_rows(User, ignore=frozenset({"last_login"}))
