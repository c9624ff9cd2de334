"""The events services: applying, deciding, the waitlist, confirmation, withdrawal,
offers, bulk decisions and the selectors they share."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from community.models import User
from events import services
from events.models import (
    EventInvitation,
    EventPage,
    Registration,
    RegistrationLog,
)
from events.selectors import (
    event_places,
    registration_for,
    waitlist_position,
)
from events.services import EventError, NotAllowed
from events.tasks import offers_expire_task
from notifications.models import Notification
from tests.events.fixtures import apply_for, make_event
from tests.factories import (
    AffiliationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.knowledge_fixtures import locale, publish


def counts() -> tuple[int, int, int]:
    return (
        Registration.objects.count(),
        RegistrationLog.objects.count(),
        Notification.objects.count(),
    )


def kinds(registration: Registration) -> list[str]:
    return list(
        Notification.objects.filter(
            recipient=registration.user, subject_id=registration.pk
        )
        .order_by("id")
        .values_list("kind", flat=True)
    )


def organiser_of(event: EventPage):
    organiser = UserFactory()
    event.organisers.add(organiser)
    event.save()
    return organiser


def host_staff(host):
    person = UserFactory()
    AffiliationFactory(user=person, organisation=host, verified=True)
    return person


# --- Applying --------------------------------------------------------------------


@pytest.mark.django_db
def test_first_come_application_is_accepted_with_one_mail_and_one_log_row():
    event = make_event()
    user = UserFactory()
    registration = apply_for(event, user)
    assert registration.state == "accepted"
    log = registration.log.get()
    assert (log.from_state, log.to_state, log.actor) == ("", "accepted", user)
    notice = Notification.objects.get()
    assert notice.kind == "registration_accepted"
    assert notice.dedupe_key == f"registration:{registration.pk}:{log.pk}"
    assert notice.subject_object == registration


@pytest.mark.django_db
def test_first_come_application_to_a_full_event_joins_the_waitlist():
    event = make_event(capacity=1)
    apply_for(event, UserFactory())
    second = apply_for(event, UserFactory())
    third = apply_for(event, UserFactory())
    assert (second.state, third.state) == ("waitlisted", "waitlisted")
    assert second.waitlisted_at <= third.waitlisted_at
    assert waitlist_position(second) == 1
    assert waitlist_position(third) == 2
    notice = Notification.objects.get(subject_id=third.pk)
    assert notice.kind == "registration_waitlisted"
    assert notice.context == {"position": 2}


@pytest.mark.django_db
def test_selection_application_stays_applied_and_is_acknowledged():
    event = make_event(selection_mode="selection")
    registration = apply_for(event, UserFactory(), motivation="  We learn.  ")
    assert registration.state == "applied"
    assert registration.motivation == "We learn."
    assert kinds(registration) == ["application_received"]


@pytest.mark.django_db
def test_application_on_the_translation_points_at_the_original():
    event = make_event()
    german = event.copy_for_translation(locale("de"))
    publish(german)
    registration = apply_for(EventPage.objects.get(pk=german.pk), UserFactory())
    assert registration.event_id == event.pk
    assert registration_for(registration.user, german) == registration


def _invite_only_full_event():
    event = make_event(eligibility="invited", capacity=1)
    invited = UserFactory(email="Invited@Example.org")
    EventInvitation.objects.create(event=event, email="invited@example.org")
    apply_for(event, invited)
    return event


BAD_APPLICATIONS = {
    "twice": ({}, "already applied"),
    "after the window": ({}, "closed"),
    "invite-only without invitation": ({}, "invitation only"),
    "without consent": ({"consent_data": False}, "agree"),
    "motivation of 10,000 characters": ({"motivation": "x" * 10_000}, "too long"),
    "empty motivation": ({"motivation": "   "}, "why you want"),
    "no role": ({"role": ""}, "role"),
    "long description": ({"brings_description": "x" * 2001}, "too long"),
    "unknown brings": ({"brings": "money"}, "what you bring"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(BAD_APPLICATIONS))
def test_bad_application_is_refused_clearly_and_changes_nothing(case):
    fields, message = BAD_APPLICATIONS[case]
    user = UserFactory()
    if case == "twice":
        event = make_event()
        apply_for(event, user)
    elif case == "after the window":
        event = make_event(applications_close=timezone.now() - timedelta(minutes=1))
    elif case == "invite-only without invitation":
        event = _invite_only_full_event()
    else:
        event = make_event()
    before = counts()
    with pytest.raises(EventError) as excinfo:
        apply_for(event, user, **fields)
    assert message in str(excinfo.value)
    assert excinfo.value.message == str(excinfo.value)
    assert counts() == before


@pytest.mark.django_db
def test_invitation_matches_the_address_in_any_case():
    event = _invite_only_full_event()
    assert Registration.objects.get().state == "accepted"
    late = UserFactory(email="late@example.org")
    EventInvitation.objects.create(event=event, email="LATE@example.org")
    assert apply_for(event, late).state == "waitlisted"


@pytest.mark.django_db
def test_withdrawn_person_cannot_apply_again_and_is_told_why():
    event = make_event()
    user = UserFactory()
    services.registration_withdraw(registration=apply_for(event, user), user=user)
    with pytest.raises(EventError, match="withdrew"):
        apply_for(event, user)


@pytest.mark.django_db
def test_window_and_start_are_checked():
    now = timezone.now()
    user = UserFactory()
    with pytest.raises(EventError, match="open on"):
        apply_for(make_event(applications_open=now + timedelta(days=1)), user)
    with pytest.raises(EventError, match="started"):
        apply_for(make_event(starts_at=now - timedelta(hours=1)), user)
    unpublished = make_event()
    unpublished.unpublish()
    with pytest.raises(EventError, match="closed"):
        apply_for(EventPage.objects.get(pk=unpublished.pk), user)
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_member_only_events_need_verified_staff_of_a_member_city():
    event = make_event(eligibility="verified_members")
    city = MembershipFactory().organisation
    other = OrganisationFactory()
    outsider = UserFactory()
    with pytest.raises(EventError, match="verified staff"):
        apply_for(event, outsider)
    AffiliationFactory(user=outsider, organisation=city)  # a claim only
    with pytest.raises(EventError, match="verified staff"):
        apply_for(event, outsider)
    member = host_staff(city)
    with pytest.raises(EventError, match="not one of them"):
        apply_for(event, member, organisation=other)
    registration = apply_for(event, member)
    assert registration.organisation == city
    assert registration.organisation_name == city.name


# --- Host-city places --------------------------------------------------------------


@pytest.mark.django_db
def test_reserved_places_are_kept_for_verified_staff_of_the_host_city():
    host = OrganisationFactory()
    event = make_event(capacity=3, host_reserved_places=1, host_city=host)
    assert apply_for(event, UserFactory()).state == "accepted"
    assert apply_for(event, UserFactory()).state == "accepted"
    assert apply_for(event, UserFactory()).state == "waitlisted"
    # Naming the host city is not enough: the person must be its verified staff.
    pretender = apply_for(event, UserFactory(), organisation=host)
    assert pretender.state == "waitlisted"
    staff = apply_for(event, host_staff(host), organisation=host)
    assert (staff.state, staff.uses_host_place) == ("accepted", True)
    places = event_places(event)
    assert (places.taken, places.free, places.host_reserved_free) == (3, 0, 0)
    assert places.waitlisted == 2


@pytest.mark.django_db
def test_host_staff_take_a_reserved_place_first_then_an_open_one():
    host = OrganisationFactory()
    event = make_event(capacity=3, host_reserved_places=1, host_city=host)
    first = apply_for(event, host_staff(host), organisation=host)
    second = apply_for(event, host_staff(host), organisation=host)
    assert (first.uses_host_place, second.uses_host_place) == (True, False)
    assert apply_for(event, UserFactory()).state == "accepted"
    assert apply_for(event, UserFactory()).state == "waitlisted"


@pytest.mark.django_db
def test_a_freed_reserved_place_goes_to_the_first_host_staff_in_line():
    host = OrganisationFactory()
    event = make_event(capacity=2, host_reserved_places=1, host_city=host)
    staff_user = host_staff(host)
    staff = apply_for(event, staff_user, organisation=host)
    apply_for(event, UserFactory())
    outsider = apply_for(event, UserFactory())
    second_staff = apply_for(event, host_staff(host), organisation=host)
    assert (outsider.state, second_staff.state) == ("waitlisted", "waitlisted")
    services.registration_withdraw(registration=staff, user=staff_user)
    outsider.refresh_from_db()
    second_staff.refresh_from_db()
    assert outsider.state == "waitlisted"
    assert (second_staff.state, second_staff.uses_host_place) == ("accepted", True)


# --- The waitlist and offers ---------------------------------------------------------


@pytest.mark.django_db
def test_withdrawal_promotes_the_first_in_line_by_the_platform():
    event = make_event(capacity=1)
    first_user = UserFactory()
    first = apply_for(event, first_user)
    second = apply_for(event, UserFactory())
    third = apply_for(event, UserFactory())
    services.registration_withdraw(
        registration=first, user=first_user, reason="I cannot travel."
    )
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.state, third.state) == ("accepted", "waitlisted")
    assert waitlist_position(third) == 1
    promotion = second.log.last()
    assert (promotion.from_state, promotion.actor) == ("waitlisted", None)
    assert kinds(second) == ["registration_waitlisted", "registration_promoted"]
    assert kinds(first) == ["registration_accepted", "registration_withdrawn"]
    assert first.log.last().reason == "I cannot travel."


@pytest.mark.django_db
def test_freed_place_is_offered_with_a_deadline_and_can_be_confirmed():
    event = make_event(capacity=1, waitlist_offer_hours=48)
    first_user = UserFactory()
    first = apply_for(event, first_user)
    second = apply_for(event, UserFactory())
    services.registration_withdraw(registration=first, user=first_user)
    second.refresh_from_db()
    assert second.state == "offered"
    assert second.offer_expires_at > timezone.now() + timedelta(hours=47)
    notice = Notification.objects.get(kind="registration_offered")
    assert notice.context == {"expires": second.offer_expires_at.isoformat()}
    assert event_places(event).free == 0
    confirmed = services.registration_confirm(
        registration=second, user=second.user, dietary_needs="Vegetarian"
    )
    assert (confirmed.state, confirmed.offer_expires_at) == ("confirmed", None)


@pytest.mark.django_db
def test_expired_offer_is_declined_and_passed_on():
    event = make_event(capacity=1, waitlist_offer_hours=24)
    first_user = UserFactory()
    first = apply_for(event, first_user)
    second = apply_for(event, UserFactory())
    third = apply_for(event, UserFactory())
    services.registration_withdraw(registration=first, user=first_user)
    assert services.offers_expire() == 0
    later = timezone.now() + timedelta(hours=25)
    Registration.objects.filter(pk=second.pk).update(
        offer_expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(EventError, match="run out"):
        services.registration_confirm(registration=second, user=second.user)
    assert services.offers_expire(now=later) == 1
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.state, third.state) == ("declined", "offered")
    expiry = second.log.last()
    assert (expiry.actor, expiry.reason) == (None, "The offer expired.")
    assert Notification.objects.get(kind="registration_declined").context == {
        "expired": True
    }
    assert services.offers_expire() == 0  # a second run finds nothing to do


@pytest.mark.django_db
def test_offers_expire_task_runs_the_sweep():
    assert offers_expire_task.delay().get() == 0


# --- Organisers' decisions -----------------------------------------------------------


@pytest.mark.django_db
def test_organiser_accepts_only_while_places_are_free():
    event = make_event(capacity=1, selection_mode="selection")
    organiser = organiser_of(event)
    first = apply_for(event, UserFactory())
    second = apply_for(event, UserFactory())
    accepted = services.registration_accept(registration=first, actor=organiser)
    assert accepted.state == "accepted"
    assert accepted.log.last().actor == organiser
    before = counts()
    with pytest.raises(EventError, match="All places"):
        services.registration_accept(registration=second, actor=organiser)
    assert counts() == before


@pytest.mark.django_db
def test_only_managers_decide():
    event = make_event(selection_mode="selection")
    registration = apply_for(event, UserFactory())
    with pytest.raises(NotAllowed):
        services.registration_accept(registration=registration, actor=UserFactory())
    with pytest.raises(NotAllowed):
        services.registration_decline(
            registration=registration, actor=registration.user
        )
    registration.refresh_from_db()
    assert registration.state == "applied"


@pytest.mark.django_db
def test_taking_back_a_place_needs_a_reason_and_frees_it():
    event = make_event(capacity=1)
    organiser = organiser_of(event)
    first = apply_for(event, UserFactory())
    second = apply_for(event, UserFactory())
    with pytest.raises(EventError, match="reason"):
        services.registration_decline(registration=first, actor=organiser)
    declined = services.registration_decline(
        registration=first, actor=organiser, reason="Not a city employee."
    )
    assert declined.state == "declined"
    assert Notification.objects.get(kind="registration_declined").context == {
        "reason": "Not a city employee."
    }
    second.refresh_from_db()
    assert second.state == "accepted"


@pytest.mark.django_db
def test_waitlisting_by_an_organiser_puts_people_at_the_end():
    event = make_event(capacity=1)
    apply_for(event, UserFactory())
    waiting = apply_for(event, UserFactory())
    selection = make_event(selection_mode="selection")
    organiser = organiser_of(selection)
    applied = apply_for(selection, UserFactory())
    moved = services.registration_waitlist(registration=applied, actor=organiser)
    assert moved.state == "waitlisted"
    assert waitlist_position(moved) == 1
    assert Notification.objects.filter(
        kind="registration_waitlisted", subject_id=moved.pk
    ).get().context == {"position": 1}
    assert waitlist_position(waiting) == 1


@pytest.mark.django_db
def test_confirm_stores_needs_only_for_the_participant():
    event = make_event()
    user = UserFactory()
    registration = apply_for(event, user)
    assert registration.accessibility_needs == ""
    with pytest.raises(NotAllowed):
        services.registration_confirm(registration=registration, user=UserFactory())
    with pytest.raises(EventError, match="too long"):
        services.registration_confirm(
            registration=registration, user=user, dietary_needs="x" * 301
        )
    confirmed = services.registration_confirm(
        registration=registration,
        user=user,
        accessibility_needs="Step-free access",
        dietary_needs="Halal",
    )
    assert confirmed.state == "confirmed"
    confirmed.refresh_from_db()
    assert (confirmed.accessibility_needs, confirmed.dietary_needs) == (
        "Step-free access",
        "Halal",
    )
    assert kinds(confirmed) == ["registration_accepted", "registration_confirmed"]


@pytest.mark.django_db
def test_bulk_decision_changes_what_it_can_and_reports_the_rest():
    event = make_event(capacity=2, selection_mode="selection")
    organiser = organiser_of(event)
    applicants = [apply_for(event, UserFactory()) for _ in range(3)]
    services.registration_withdraw(registration=applicants[0], user=applicants[0].user)
    more = [apply_for(event, UserFactory()) for _ in range(2)]
    result = services.registrations_bulk_transition(
        registrations=[*applicants, *more], to_state="accepted", actor=organiser
    )
    assert [r.pk for r in result.changed] == [applicants[1].pk, applicants[2].pk]
    refused = [
        (r.pk, "withdrawn" in m.lower() or "places" in m) for r, m in result.refused
    ]
    assert refused == [(applicants[0].pk, True), (more[0].pk, True), (more[1].pk, True)]
    assert Registration.objects.filter(state="accepted").count() == 2
    confirm = services.registrations_bulk_transition(
        registrations=more, to_state="confirmed", actor=organiser
    )
    assert (confirm.changed, len(confirm.refused)) == ([], 2)


# --- Selectors ---------------------------------------------------------------------


@pytest.mark.django_db
def test_places_of_an_unlimited_event():
    event = make_event(capacity=None)
    for _ in range(3):
        apply_for(event, UserFactory())
    places = event_places(event)
    assert (places.capacity, places.taken, places.free, places.is_full) == (
        None,
        3,
        None,
        False,
    )


@pytest.mark.django_db
def test_a_cancelled_event_takes_no_applications_and_moves_nobody_up():
    event = make_event(capacity=1)
    first_user = UserFactory()
    first = apply_for(event, first_user)
    second = apply_for(event, UserFactory())
    EventPage.objects.filter(pk=event.pk).update(cancelled_at=timezone.now())
    before = counts()
    with pytest.raises(EventError, match="cancelled"):
        apply_for(event, UserFactory())
    assert counts() == before
    with pytest.raises(EventError, match="cancelled"):
        services.registration_confirm(registration=first, user=first_user)
    services.registration_withdraw(registration=first, user=first_user)
    second.refresh_from_db()
    assert second.state == "waitlisted"


# --- Invitations


def invitation_notices():
    return Notification.objects.filter(kind="event_invitation")


@pytest.mark.django_db
def test_inviting_mails_account_holders_once_and_not_the_others():
    event = make_event(eligibility="invited")
    organiser = organiser_of(event)
    guest = UserFactory(email="Guest@Amman.example", preferred_language="de")

    result = services.event_invitations_add(
        event=event,
        emails=["guest@amman.example", "newcomer@amman.example"],
        actor=organiser,
    )

    assert [i.email for i in result.created] == [
        "guest@amman.example",
        "newcomer@amman.example",
    ]
    assert [i.email for i in result.emailed] == ["guest@amman.example"]
    assert [i.email for i in result.without_account] == ["newcomer@amman.example"]
    assert not result.mails_withheld
    [notice] = invitation_notices()
    assert (notice.recipient, notice.language) == (guest, "de")
    assert notice.page_id == event.pk and notice.subject_object == event
    assert result.created[0].invited_by == organiser

    # Inviting again (any case) invites and mails nobody; writing the notice
    # again for the same invitation is a no-op.
    again = services.event_invitations_add(
        event=event, emails=["GUEST@amman.example"], actor=organiser
    )
    assert again.created == again.emailed == []
    services.event_invitations_notify(event=event, invitations=result.emailed)
    assert invitation_notices().count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "closed",
    ["deadline passed", "cancelled", "not published"],
)
def test_no_invitation_mails_while_the_event_takes_no_applications(closed):
    now = timezone.now()
    event = make_event(eligibility="invited")
    organiser = organiser_of(event)
    if closed == "deadline passed":
        event.applications_close = now - timedelta(minutes=1)
        event.save()
    elif closed == "cancelled":
        EventPage.objects.filter(pk=event.pk).update(cancelled_at=now)
    else:
        event.unpublish()
    UserFactory(email="guest@amman.example")

    result = services.event_invitations_add(
        event=event, emails=["guest@amman.example"], actor=organiser
    )

    assert len(result.created) == 1 and result.mails_withheld
    assert result.emailed == result.without_account == []
    assert not invitation_notices().exists()


@pytest.mark.django_db
def test_invitations_made_before_publishing_are_mailed_when_it_is_published():
    """A draft event collects invitations without mailing; publishing it mails each
    invitee with an account once, however often it is published again."""
    event = make_event(eligibility="invited")
    event.unpublish()
    guest = UserFactory(email="guest@amman.example")
    services.event_invitations_add(
        event=event, emails=["guest@amman.example"], actor=organiser_of(event)
    )
    assert not invitation_notices().exists()

    publish(EventPage.objects.get(pk=event.pk))
    assert list(invitation_notices().values_list("recipient", flat=True)) == [guest.pk]
    publish(EventPage.objects.get(pk=event.pk))
    assert invitation_notices().count() == 1


@pytest.mark.django_db
def test_only_managers_invite_and_only_to_invite_only_events():
    event = make_event(eligibility="invited")
    with pytest.raises(NotAllowed):
        services.event_invitations_add(
            event=event, emails=["guest@amman.example"], actor=UserFactory()
        )
    open_event = make_event()
    with pytest.raises(EventError, match="not invite-only"):
        services.event_invitations_add(
            event=open_event,
            emails=["guest@amman.example"],
            actor=organiser_of(open_event),
        )
    assert not EventInvitation.objects.exists()


@pytest.mark.django_db
def test_an_invitee_who_signs_up_later_may_apply(client):
    """No account when invited, so no mail; after signing up with the address
    (another letter case, verified through allauth) the person may apply."""
    event = make_event(eligibility="invited")
    result = services.event_invitations_add(
        event=event, emails=["newcomer@amman.example"], actor=organiser_of(event)
    )
    assert len(result.without_account) == 1

    client.post(
        "/en/accounts/signup/",
        {
            "first_name": "Nadia",
            "last_name": "Newcomer",
            "email": "Newcomer@Amman.example",
            "password1": "a-long-enough-password",
            "password2": "a-long-enough-password",
        },
    )
    [verification] = mail.outbox
    link = re.search(
        r"https?://[^/]+(/en/accounts/confirm-email/[^/\s]+/)", verification.body
    )
    client.post(link.group(1))
    user = User.objects.get(email__iexact="newcomer@amman.example")
    assert EmailAddress.objects.get(user=user).verified

    assert apply_for(event, user).state == "accepted"
    assert not invitation_notices().exists()
