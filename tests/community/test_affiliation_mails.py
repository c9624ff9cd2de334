"""People hear about their affiliations by e-mail, through the outbox: when a
reviewer verified or rejected it, and 30 days before a verified one expires. Each
mail is in the person's language and parsed back with the standard library's
``email`` package, as a mail client reads it."""

import email
import email.policy
from datetime import UTC, datetime, timedelta

from django.core import mail
from django.utils import formats, timezone, translation
from django.utils.html import escape

import pytest

from community import services
from community.models import OrganisationName
from community.tasks import affiliation_expiry_reminders_task
from notifications.models import Notification, NotificationState
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

CITY = 'Amman\'s "Old" & <New> Town'
CITY_DE = "Stadt Amman & Umgebung"
REASON = "We could not reach the planning department & <HR>."
EXPIRES = datetime(2027, 3, 12, 10, 0, tzinfo=UTC)


@pytest.fixture
def city():
    organisation = OrganisationFactory(name=CITY)
    OrganisationName.objects.create(
        organisation=organisation, language="de", name=CITY_DE
    )
    return organisation


def _claim(city, language: str):
    person = UserFactory(
        first_name="Lina", last_name="Haddad", preferred_language=language
    )
    return AffiliationFactory(user=person, organisation=city)


def _parsed() -> tuple[str, str, str]:
    [message] = mail.outbox
    parsed = email.message_from_bytes(
        message.message().as_bytes(), policy=email.policy.default
    )
    return (
        parsed["Subject"].lstrip(),
        parsed.get_body(("plain",)).get_content(),
        parsed.get_body(("html",)).get_content(),
    )


def _day(moment: datetime, language: str) -> str:
    with translation.override(language):
        return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


@pytest.mark.parametrize(
    ("language", "name", "subject", "sentence"),
    [
        (
            "en",
            CITY,
            f"Your affiliation with {CITY} is verified",
            f"Your affiliation with {CITY} has been verified. It is valid until",
        ),
        (
            "de",
            CITY_DE,
            f"Ihre Zugehörigkeit zu {CITY_DE} ist bestätigt",
            f"Ihre Zugehörigkeit zu {CITY_DE} wurde bestätigt. Sie gilt bis",
        ),
    ],
)
def test_a_verified_affiliation_is_mailed_in_the_persons_language(
    city, language, name, subject, sentence, django_capture_on_commit_callbacks
):
    claim = _claim(city, language)
    reviewer = UserFactory(is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        verified = services.affiliation_verify(
            affiliation=claim, actor=reviewer, reason="Checked with HR & <IT>."
        )
    got_subject, text, html = _parsed()
    assert got_subject == f"[Connective Cities] {subject}"
    assert sentence in text
    assert _day(verified.expires_at, language) in text
    assert "Checked with HR & <IT>." in text  # plain text, not escaped
    assert "Checked with HR &amp; &lt;IT&gt;." in html  # escaped once
    assert f"/{language}/profile/" in text
    assert f'lang="{language}"' in html
    notice = Notification.objects.get()
    assert notice.kind == "affiliation_verified"
    assert notice.state == NotificationState.SENT
    assert notice.subject == subject
    assert notice.page_id is None


@pytest.mark.parametrize(
    ("language", "subject", "sentence"),
    [
        (
            "en",
            f"Your affiliation with {CITY} was not verified",
            f"Your claim to work for {CITY} could not be verified.",
        ),
        (
            "de",
            f"Ihre Zugehörigkeit zu {CITY_DE} wurde nicht bestätigt",
            f"Ihre Angabe, für {CITY_DE} zu arbeiten, konnte nicht bestätigt werden.",
        ),
    ],
)
def test_a_rejected_claim_is_mailed_with_the_reason(
    city, language, subject, sentence, django_capture_on_commit_callbacks
):
    claim = _claim(city, language)
    with django_capture_on_commit_callbacks(execute=True):
        services.affiliation_reject(
            affiliation=claim, actor=UserFactory(is_superuser=True), reason=REASON
        )
    got_subject, text, html = _parsed()
    assert got_subject == f"[Connective Cities] {subject}"
    assert sentence in text
    assert REASON in text
    assert "We could not reach the planning department &amp; &lt;HR&gt;." in html
    assert f'lang="{language}"' in html
    assert Notification.objects.get().kind == "affiliation_rejected"


def test_each_decision_is_mailed_once(city, django_capture_on_commit_callbacks):
    """A decision is keyed by its history row: a second call for the same claim
    is refused and writes nothing."""
    claim = _claim(city, "en")
    reviewer = UserFactory(is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.affiliation_verify(affiliation=claim, actor=reviewer)
        with pytest.raises(services.CommunityError):
            services.affiliation_verify(affiliation=claim, actor=reviewer)
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("language", "subject", "date"),
    [
        (
            "en",
            f"Your affiliation with {CITY} expires on 12 March 2027",
            "12 March 2027",
        ),
        (
            "de",
            f"Ihre Zugehörigkeit zu {CITY_DE} endet am 12. März 2027",
            "12. März 2027",
        ),
    ],
)
def test_an_expiring_affiliation_is_reminded_of_30_days_before(
    city, language, subject, date, django_capture_on_commit_callbacks
):
    person = UserFactory(preferred_language=language)
    AffiliationFactory(
        user=person, organisation=city, verified=True, expires_at=EXPIRES
    )
    with django_capture_on_commit_callbacks(execute=True):
        # 31 days before: not yet.
        assert (
            services.affiliation_expiry_reminders_send(now=EXPIRES - timedelta(days=31))
            == 0
        )
        assert (
            services.affiliation_expiry_reminders_send(now=EXPIRES - timedelta(days=30))
            == 1
        )
    got_subject, text, html = _parsed()
    assert got_subject == f"[Connective Cities] {subject}"
    assert date in text
    assert f"/{language}/profile/" in text
    assert f'lang="{language}"' in html
    assert Notification.objects.get().kind == "affiliation_expiring"


def test_the_expiry_reminder_goes_once_per_affiliation_and_expiry_date(city):
    affiliation = AffiliationFactory(
        organisation=city, verified=True, expires_at=EXPIRES
    )
    # Expired, rejected, or of a deleted account: nobody to remind.
    AffiliationFactory(
        organisation=city, verified=True, expires_at=EXPIRES - timedelta(days=40)
    )
    AffiliationFactory(organisation=city, rejected=True, expires_at=EXPIRES)
    AffiliationFactory(
        organisation=city,
        verified=True,
        expires_at=EXPIRES,
        user=UserFactory(is_active=False),
    )
    now = EXPIRES - timedelta(days=20)
    assert services.affiliation_expiry_reminders_send(now=now) == 1
    assert services.affiliation_expiry_reminders_send(now=now) == 0
    assert services.affiliation_expiry_reminders_send(now=now + timedelta(days=1)) == 0
    # Renewed, then close to its new expiry: reminded again.
    affiliation.expires_at = EXPIRES + timedelta(days=365)
    affiliation.save(update_fields=["expires_at"])
    later = affiliation.expires_at - timedelta(days=10)
    assert services.affiliation_expiry_reminders_send(now=later) == 1
    assert sorted(Notification.objects.values_list("dedupe_key", flat=True)) == [
        f"affiliation_expiring:{affiliation.pk}:2027-03-12",
        f"affiliation_expiring:{affiliation.pk}:2028-03-11",
    ]


def test_the_daily_task_sends_the_reminders(city, django_capture_on_commit_callbacks):
    person = UserFactory()
    AffiliationFactory(
        user=person,
        organisation=city,
        verified=True,
        expires_at=timezone.now() + timedelta(days=29),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert affiliation_expiry_reminders_task.apply().get() == 1
        assert affiliation_expiry_reminders_task.apply().get() == 0
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_the_notifications_page_lists_affiliation_mails(
    client, city, django_capture_on_commit_callbacks
):
    claim = _claim(city, "en")
    with django_capture_on_commit_callbacks(execute=True):
        services.affiliation_reject(
            affiliation=claim, actor=UserFactory(is_superuser=True), reason=REASON
        )
    client.force_login(claim.user)
    html = client.get("/en/notifications/").content.decode()
    assert f"Your affiliation with {escape(CITY)} was not verified" in html
    assert "Affiliation not verified" in html
