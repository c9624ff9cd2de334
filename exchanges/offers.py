"""Published exchange offers in community's people directory ("Offers: study
visit"): the profile's offer codes (``community.Offer``) that an open
``ExchangeOffer`` of a kind stands for."""

from django.db.models import Q

from .models import ExchangeOffer, MissionKind

# community.Offer code → the exchange format that offers it.
OFFER_KINDS = {
    "host_study_visit": MissionKind.STUDY_VISIT,
    "expert_mission": MissionKind.EXPERT_MISSION,
    "online_advice": MissionKind.ONLINE_CONSULTATION,
}


def people_offering(code: str) -> Q | None:
    """People with an open exchange offer of the kind ``code`` names."""
    kind = OFFER_KINDS.get(code)
    if kind is None:
        return None
    return Q(
        pk__in=ExchangeOffer.objects.filter(kind=kind, is_active=True).values("user_id")
    )
