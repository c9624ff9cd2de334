"""``TransitionLog.record``: every change log of the platform writes its rows through
it (registrations, peer exchanges, memberships, affiliations)."""

from django.contrib.auth.models import AnonymousUser

import pytest

from community.models import AffiliationEvent, MembershipChange
from tests.factories import AffiliationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_and_why():
    coordinator = UserFactory()
    membership = MembershipFactory()

    change = MembershipChange.record(
        membership=membership,
        from_status="active",
        to_status="suspended",
        actor=coordinator,
        reason="Fees unpaid for two years.",
    )

    change.refresh_from_db()
    assert (change.from_status, change.to_status) == ("active", "suspended")
    assert change.actor == coordinator
    assert change.reason == "Fees unpaid for two years."
    assert change.created_at is not None


def test_record_stores_the_platform_for_anonymous_and_cuts_long_reasons():
    affiliation = AffiliationFactory()

    event = AffiliationEvent.record(
        affiliation=affiliation,
        action="expired",
        actor=AnonymousUser(),
        reason="x" * 2500,
    )

    event.refresh_from_db()
    assert event.actor is None
    assert event.reason == "x" * 2000
