"""The mails of the community app, registered with the outbox (``core.notices``)
by ``CommunityConfig.ready()``: a person hears when a reviewer verified or
rejected their affiliation, and 30 days before a verified one expires
(``community.services``). Templates: ``templates/community/mail/<kind>…``.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from core.bidi import isolate
from core.links import public_url
from core.notices import (
    MailRequest,
    register_mail_kinds,
    register_notice_subject,
    template_kinds,
)

from .models import Affiliation


def affiliation_context(mail: MailRequest, context: dict) -> dict:
    """The organisation's name in the reader's language (isolated for a sentence
    of the other direction), the expiry date as the notice states it, and the
    person's profile, where their affiliations are."""
    affiliation = mail.subject_object
    expires = parse_datetime(mail.details.get("expires_at") or "")
    return {
        "affiliation": affiliation,
        # Isolated: the templates put it into sentences (``core.bidi``).
        "organisation": isolate(
            affiliation.organisation.localized_name
            if affiliation is not None
            else mail.details.get("organisation", "")
        ),
        "expires": formats.date_format(timezone.localtime(expires), "DATE_FORMAT")
        if expires
        else "",
        "profile_url": public_url(reverse("profile")),
    }


KINDS = template_kinds(
    "community/mail",
    (
        ("affiliation_verified", _("Affiliation verified")),
        ("affiliation_rejected", _("Affiliation not verified")),
        ("affiliation_expiring", _("Affiliation about to expire")),
    ),
    context=(affiliation_context,),
)


def _affiliations():
    """Affiliations as their mails read them: with the organisation and its names
    in every language."""
    return Affiliation.objects.select_related("organisation").prefetch_related(
        "organisation__names"
    )


def register() -> None:
    register_mail_kinds(*KINDS)
    register_notice_subject(Affiliation, queryset=_affiliations)
