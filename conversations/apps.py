from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Conversations")

    def ready(self):
        # Imported here, not at the top: the mails read models, which exist once
        # the app registry is ready.
        from . import mails

        # New and reported messages are mailed through the outbox, which renders
        # them by these kinds.
        mails.register()
