"""Who may manage an event, and who may apply for it now (and if not, why)."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

import pytest

from events.models import EventInvitation, EventPage
from events.permissions import (
    application_barrier,
    can_manage_event,
    invitation_has_account,
    invited_accounts,
    is_invited,
)
from tests.events.fixtures import apply_for, make_event
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    RegionFactory,
    RoleFactory,
    UserFactory,
)
from tests.knowledge_fixtures import locale, publish


@pytest.fixture
def event_with_region(db):
    region = RegionFactory()
    event = make_event(region=region, country="JO")
    return event, region


def _german_row(region):
    german = region.copy_for_translation(locale("de"))
    german.save()
    return german


def _organiser(event):
    organiser = UserFactory()
    event.organisers.add(organiser)
    event.save()
    return organiser


MANAGERS = {
    "superuser": (lambda event, region: UserFactory(is_superuser=True), True),
    "coordinator of the region": (
        lambda event, region: RoleFactory(region=region).user,
        True,
    ),
    "coordinator holding the German row of the region": (
        lambda event, region: RoleFactory(region=_german_row(region)).user,
        True,
    ),
    "coordinator of the country": (
        lambda event, region: RoleFactory(region=None, country="JO").user,
        True,
    ),
    "coordinator of another region": (lambda event, region: RoleFactory().user, False),
    "coordinator of another country": (
        lambda event, region: RoleFactory(region=None, country="TN").user,
        False,
    ),
    "expired coordinator": (
        lambda event, region: (
            RoleFactory(
                region=region,
                valid_from=timezone.localdate() - timedelta(days=30),
                valid_until=timezone.localdate() - timedelta(days=1),
            ).user
        ),
        False,
    ),
    "organiser": (lambda event, region: _organiser(event), True),
    "someone else": (lambda event, region: UserFactory(), False),
    "anonymous": (lambda event, region: AnonymousUser(), False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(MANAGERS))
def test_who_manages_an_event(event_with_region, who):
    event, region = event_with_region
    make_user, expected = MANAGERS[who]
    user = make_user(event, region)
    assert can_manage_event(user, event) is expected


@pytest.mark.django_db
def test_managers_of_the_original_manage_its_translation(event_with_region):
    event, region = event_with_region
    german = event.copy_for_translation(locale("de"))
    publish(german)
    organiser = _organiser(event)
    german = EventPage.objects.get(pk=german.pk)
    assert not german.organisers.exists()
    assert can_manage_event(organiser, german)
    assert can_manage_event(RoleFactory(region=region).user, german)


@pytest.mark.django_db
def test_barriers_about_the_event():
    now = timezone.now()
    user = UserFactory()
    assert application_barrier(AnonymousUser(), make_event()) == "sign_in"
    assert application_barrier(user, make_event()) is None
    later = make_event(applications_open=now + timedelta(hours=1))
    assert application_barrier(user, later) == "not_open_yet"
    over = make_event(applications_close=now - timedelta(hours=1))
    assert application_barrier(user, over) == "closed"
    assert application_barrier(user, make_event(applications_open=None)) == "closed"
    started = make_event(starts_at=now - timedelta(minutes=1))
    assert application_barrier(user, started) == "started"
    draft = make_event()
    draft.unpublish()
    assert application_barrier(user, EventPage.objects.get(pk=draft.pk)) == "closed"


@pytest.mark.django_db
def test_someone_who_applied_always_hears_so():
    event = make_event()
    user = UserFactory()
    apply_for(event, user)
    assert application_barrier(user, event) == "already_applied"
    german = event.copy_for_translation(locale("de"))
    publish(german)
    assert application_barrier(user, EventPage.objects.get(pk=german.pk)) == (
        "already_applied"
    )
    event.applications_close = timezone.now() - timedelta(minutes=1)
    event.save()
    assert application_barrier(user, event) == "already_applied"


@pytest.mark.django_db
def test_member_only_events_need_a_current_affiliation_with_a_member():
    event = make_event(eligibility="verified_members")
    user = UserFactory()
    assert application_barrier(user, event) == "verify_affiliation"
    AffiliationFactory(user=user, verified=True)  # not a member organisation
    assert application_barrier(user, event) == "verify_affiliation"
    AffiliationFactory(
        user=user, organisation=MembershipFactory().organisation, verified=True
    )
    assert application_barrier(user, event) is None


@pytest.mark.django_db
def test_invite_only_events_need_an_invitation_for_the_address():
    event = make_event(eligibility="invited")
    user = UserFactory(email="Lina.Haddad@Amman.gov.jo")
    assert application_barrier(user, event) == "not_invited"
    EventInvitation.objects.create(event=event, email="other@amman.gov.jo")
    assert application_barrier(user, event) == "not_invited"
    EventInvitation.objects.create(event=event, email="lina.haddad@amman.gov.jo")
    assert application_barrier(user, event) is None


@pytest.mark.django_db
def test_invited_accounts_are_the_people_is_invited_lets_apply():
    """The invitation mails go to the accounts ``is_invited`` recognises: the
    address in any letter case, active accounts only."""
    event = make_event(eligibility="invited")
    lina = UserFactory(email="Lina.Haddad@Amman.gov.jo")
    UserFactory(email="gone@amman.gov.jo", is_active=False)
    other = UserFactory(email="other@amman.gov.jo")
    emails = ["lina.haddad@amman.gov.jo", "gone@amman.gov.jo", "new@amman.gov.jo"]
    for email in emails:
        EventInvitation.objects.create(event=event, email=email)

    assert invited_accounts(emails) == {"lina.haddad@amman.gov.jo": [lina]}
    assert is_invited(lina, event) and not is_invited(other, event)
    assert list(
        event.invitations.filter(invitation_has_account())
        .order_by("email")
        .values_list("email", flat=True)
    ) == ["lina.haddad@amman.gov.jo"]
