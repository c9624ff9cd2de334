"""A person's rows in the events app, for "Download my data" and account deletion.

``events_personal_data`` adds the ``"events"`` section to the export (the
``community_personal_data`` hook): registrations with everything the person gave
in their application and the history of each, and invitations to their addresses.
The ``exchanges`` app adds the person's part in peer exchanges to this section
(``exchanges.personal_data``). Notices and notification preferences have their
own sections (``notifications.personal_data``).

``events_user_deleted`` (the ``community_user_deleted`` hook) hands over to the
service that decides what goes and what stays:
``events.services.registrations_account_deleted``.

Other people appear only by their part ("an organiser", "the platform"): who
decided on an application is their personal data, not the person's.
"""

from typing import Any

from django.db.models.functions import Lower

from wagtail import hooks

from community.selectors import own_email_addresses
from community.services import (
    PERSONAL_DATA_HOOK,
    USER_DELETED_HOOK,
    FormerIdentity,
)

from . import services
from .models import (
    EventInvitation,
    Registration,
    RegistrationLog,
    RegistrationState,
)


def _by(entry: RegistrationLog, user) -> str:
    if entry.actor_id is None:
        return "the platform"
    return "you" if entry.actor_id == user.pk else "an organiser"


def _told_to_them(entry: RegistrationLog, user) -> bool:
    """Whether the reason of a log row was the person's to read: they wrote it,
    the platform gave it, or it came with a decline (whose mail quotes it).
    Organisers' notes on other steps stay with the organisers."""
    return (
        entry.actor_id in (None, user.pk)
        or entry.to_state == RegistrationState.DECLINED
    )


def registrations_personal_data(*, user) -> list[dict[str, Any]]:
    """Every registration of the person with what they gave and what became of it,
    in two queries however many there are."""
    registrations = (
        Registration.objects.filter(user_id=user.pk)
        .select_related("event", "organisation")
        .prefetch_related("log")
        .order_by("event__starts_at", "pk")
    )
    return [
        {
            "event": registration.event.title,
            "starts_at": registration.event.starts_at,
            "ends_at": registration.event.ends_at,
            "state": registration.state,
            "applied_at": registration.created_at,
            "organisation": (
                registration.organisation.name
                if registration.organisation_id
                else registration.organisation_name
            ),
            "role": registration.role,
            "gender": registration.gender,
            "motivation": registration.motivation,
            "brings": registration.brings,
            "brings_title": registration.brings_title,
            "brings_description": registration.brings_description,
            "language_needs": registration.language_needs,
            "accessibility_needs": registration.accessibility_needs,
            "dietary_needs": registration.dietary_needs,
            "consent_data": registration.consent_data,
            "consent_contact_sharing": registration.consent_contact_sharing,
            "consent_photos": registration.consent_photos,
            "waitlisted_at": registration.waitlisted_at,
            "offer_expires_at": registration.offer_expires_at,
            "uses_host_place": registration.uses_host_place,
            "checked_in_at": registration.checked_in_at,
            "history": [
                {
                    "at": entry.created_at,
                    "from": entry.from_state,
                    "to": entry.to_state,
                    "by": _by(entry, user),
                    "reason": entry.reason if _told_to_them(entry, user) else "",
                }
                for entry in registration.log.all()
            ],
        }
        for registration in registrations
    ]


def invitations_personal_data(*, user) -> list[dict[str, Any]]:
    """Invitations to the account's address or a verified address of the person
    (an unverified address is not known to be theirs, so it shows nothing)."""
    invitations = (
        EventInvitation.objects.annotate(address=Lower("email"))
        .filter(address__in=own_email_addresses(user))
        .select_related("event")
        .order_by("created_at", "pk")
    )
    return [
        {
            "event": invitation.event.title,
            "starts_at": invitation.event.starts_at,
            "email": invitation.email,
            "invited_at": invitation.created_at,
        }
        for invitation in invitations
    ]


@hooks.register(PERSONAL_DATA_HOOK)
def events_personal_data(*, user) -> dict[str, Any]:
    section = {
        "registrations": registrations_personal_data(user=user),
        "invitations": invitations_personal_data(user=user),
    }
    return {"events": section}


@hooks.register(USER_DELETED_HOOK)
def events_user_deleted(*, user, former: FormerIdentity) -> None:
    services.registrations_account_deleted(user=user, emails=former.emails)
