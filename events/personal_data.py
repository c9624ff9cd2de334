"""A person's rows in the events app, for "Download my data" and account deletion.

``events_personal_data`` adds the ``"events"`` section to the export (the
``community_personal_data`` hook): registrations with everything the person gave
in their application and the history of each, invitations to their addresses and
their part in peer exchanges. Notices and notification preferences have their own
sections (``notifications.personal_data``).

``events_user_deleted`` (the ``community_user_deleted`` hook) hands over to the
services that decide what goes and what stays:
``events.services.registrations_account_deleted`` and
``events.exchange_services.exchanges_account_deleted``.

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

from . import exchange_services, services
from .models import (
    EventInvitation,
    ExchangeCandidate,
    ExchangeCheckpoint,
    ExchangeFeedback,
    ExchangeLog,
    ExchangeOffer,
    PeerExchange,
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


def exchanges_personal_data(*, user) -> dict[str, list[dict[str, Any]]]:
    """The person's part in peer exchanges: requests they filed, their candidacies
    as a peer, offers, feedback, reports and checkpoints they wrote. One query per
    part however many rows each holds."""
    reported = ExchangeLog.objects.filter(actor=user, action="report").values(
        "exchange_id"
    )
    return {
        "requests_filed": [
            {
                "title": exchange.title,
                "city": exchange.organisation.name,
                "state": exchange.state,
                "created_at": exchange.created_at,
                "challenge": exchange.challenge,
                "formats": exchange.formats,
                "languages": exchange.languages,
                "timeframe": exchange.timeframe,
                "show_to_members": exchange.show_to_members,
                "summary": exchange.summary,
            }
            for exchange in PeerExchange.objects.filter(created_by=user)
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
        "peer_candidacies": [
            {
                "request": candidate.exchange.title,
                "city": candidate.exchange.organisation.name,
                "state": candidate.state,
                "note": candidate.note,
                "reason": candidate.reason,
                "matching_score": candidate.score,
                "added_at": candidate.created_at,
                "invited_at": candidate.invited_at,
                "answered_at": candidate.responded_at,
            }
            for candidate in ExchangeCandidate.objects.filter(user=user)
            .select_related("exchange__organisation")
            .order_by("created_at", "pk")
        ],
        "offers": [
            {
                "kind": offer.kind,
                "topic": offer.topic,
                "description": offer.description,
                "cluster": offer.cluster.name if offer.cluster_id else "",
                "field_of_action": (
                    offer.field_of_action.name if offer.field_of_action_id else ""
                ),
                "languages": offer.languages,
                "open": offer.is_active,
                "published_at": offer.created_at,
            }
            for offer in ExchangeOffer.objects.filter(user=user)
            .select_related("cluster", "field_of_action")
            .order_by("created_at", "pk")
        ],
        "feedback": [
            {
                "request": feedback.exchange.title,
                "rating": feedback.rating,
                "comment": feedback.comment,
                "given_at": feedback.created_at,
            }
            for feedback in ExchangeFeedback.objects.filter(user=user)
            .select_related("exchange")
            .order_by("created_at", "pk")
        ],
        "reports_written": [
            {
                "request": exchange.title,
                "findings": exchange.findings,
                "recommendations": exchange.recommendations,
                "filed_at": exchange.report_filed_at,
            }
            for exchange in PeerExchange.objects.filter(pk__in=reported).order_by(
                "created_at", "pk"
            )
        ],
        "checkpoints_recorded": [
            {
                "request": checkpoint.exchange.title,
                "month": checkpoint.month,
                "what_changed": checkpoint.what_changed,
                "adoption": checkpoint.adoption,
                "project_stage": checkpoint.project_stage,
                "recorded_at": checkpoint.recorded_at,
            }
            for checkpoint in ExchangeCheckpoint.objects.filter(recorded_by=user)
            .select_related("exchange")
            .order_by("recorded_at", "pk")
        ],
    }


@hooks.register(PERSONAL_DATA_HOOK)
def events_personal_data(*, user) -> dict[str, Any]:
    return {
        "events": {
            "registrations": registrations_personal_data(user=user),
            "invitations": invitations_personal_data(user=user),
            "peer_exchanges": exchanges_personal_data(user=user),
        }
    }


@hooks.register(USER_DELETED_HOOK)
def events_user_deleted(*, user, former: FormerIdentity) -> None:
    services.registrations_account_deleted(user=user, emails=former.emails)
    exchange_services.exchanges_account_deleted(user=user, former_name=former.name)
