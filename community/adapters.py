"""Allauth hooks: where our accounts differ from allauth's defaults."""

from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sends account mails in the recipient's preferred language."""

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = (
            getattr(user, "preferred_language", None) or translation.get_language()
        )
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
