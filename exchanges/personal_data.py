"""A person's part in peer exchanges, for "Download my data" and account deletion.

``exchanges_personal_data`` is the ``"peer_exchanges"`` part of the export's
``"events"`` section, where it has been since peer exchanges began in the events
app (``exchanges_personal_data_part``, the ``community_personal_data`` hook, puts
it there beside the events' own rows). ``exchanges_user_deleted`` (the
``community_user_deleted`` hook) hands over to
``exchanges.services.exchanges_account_deleted``, which decides what goes and what
stays. Both hooks are registered in ``exchanges.wagtail_hooks``.
"""

from typing import Any

from community.services import FormerIdentity

from . import services
from .models import (
    ExchangeCandidate,
    ExchangeCheckpoint,
    ExchangeFeedback,
    ExchangeLog,
    ExchangeOffer,
    PeerExchange,
)


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


def exchanges_personal_data_part(*, user) -> dict[str, Any]:
    """The ``community_personal_data`` part: peer exchanges in ``"events"``."""
    return {"events": {"peer_exchanges": exchanges_personal_data(user=user)}}


def exchanges_user_deleted(*, user, former: FormerIdentity) -> None:
    services.exchanges_account_deleted(user=user, former_name=former.name)
