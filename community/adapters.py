"""Allauth hooks: where our accounts differ from allauth's defaults."""

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils import translation

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Sends account mails in the recipient's preferred language and finds the
    client's address behind the trusted proxies (``ALLAUTH_TRUSTED_PROXY_COUNT``)."""

    def get_client_ip(self, request) -> str:
        """The address rate limits count: allauth's answer from the trusted proxy
        settings. A request with fewer X-Forwarded-For entries than trusted proxies
        did not pass through all of them (someone reached an inner hop directly);
        allauth raises a configuration error for it, which would be a 500 on the
        sign-in page. Count it under the address it came from instead."""
        try:
            return super().get_client_ip(request)
        except ImproperlyConfigured:
            ip = request.META.get("REMOTE_ADDR")
            if not ip:
                raise PermissionDenied("No client address") from None
            return ip

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        language = (
            getattr(user, "preferred_language", None) or translation.get_language()
        )
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
