"""Every mail the platform sends, read back the way a mail client reads it.

Titles, names and what people wrote hold ``'``, ``&``, ``<`` and ``"``. The subject
and the text/plain part must show them as they are, the text/html part escaped
exactly once. Each mail goes through Django's outbox (locmem in tests) and is
parsed back with the standard library's ``email`` package.

The kinds are taken from ``core.notices.mail_kinds()`` (the registry every app
registers its outbox kinds in): a new kind without a row in ``EVENT_MAILS``,
``EXCHANGE_MAILS``, ``COMMUNITY_MAILS``, ``PRACTICE_MAILS`` or
``CONVERSATION_MAILS`` fails
``test_every_kind_is_covered``.
"""

import email
import email.policy
import importlib
from datetime import timedelta
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django.utils.html import escape

import polib
import pytest

from conversations.models import Conversation, Message, Report
from core.notices import mail_kinds
from exchanges.models import PeerExchange
from exchanges.services import TRANSITIONS, _path_for
from notifications import delivery, outbox, rendering
from notifications.models import Notification, NotificationState
from practices.services import Outcome, proposal_notify_outcome
from tests import knowledge_fixtures as kb
from tests.events.fixtures import make_event
from tests.events.helpers import participant
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TITLE = 'Tom\'s "Land" & <Water>'
FREE = 'Bring "papers" & <maps>, it\'s late'
PERSON = 'Ana "O\'Neil" & <Co>'
CITY = 'Al-Salt\'s "Old" & <New> Town'
ENTITIES = ("&#x27;", "&#39;", "&amp;", "&quot;", "&lt;", "&gt;")
# What escaping the same text twice leaves behind.
DOUBLE = ("&amp;#x27;", "&amp;amp;", "&amp;quot;", "&amp;lt;", "&amp;gt;")

# Event and registration kinds: what the notice is about ("registration", "event"
# or nothing) and the details the services store with it.
EVENT_MAILS = {
    "event_invitation": ("event", {}),
    "application_received": ("registration", {}),
    "registration_accepted": ("registration", {}),
    "registration_waitlisted": ("registration", {"position": 3}),
    "registration_promoted": ("registration", {}),
    "registration_offered": (
        "registration",
        {"expires": (timezone.now() + timedelta(days=2)).isoformat()},
    ),
    "registration_declined": ("registration", {"reason": FREE}),
    "registration_confirmed": ("registration", {}),
    "registration_withdrawn": ("registration", {}),
    "confirm_reminder": ("registration", {}),
    "event_reminder": ("registration", {"days": 1}),
    "event_changed": (
        "registration",
        {"changes": [{"field": "venue", "old": FREE, "new": "Hall B"}]},
    ),
    "event_cancelled": ("registration", {"reason": FREE}),
    "documentation_published": ("registration", {}),
    "weekly_digest": (None, {}),  # its event ids are added below
    "organiser_message": (
        "registration",
        {"message_subject": FREE, "message_body": FREE, "sender": PERSON},
    ),
}
# Exchange kinds: what each adds to the case's details (``_announce``).
EXCHANGE_MAILS = {
    **{
        f"exchange_{transition.target}": {"from_state": "submitted"}
        for transition in TRANSITIONS.values()
    },
    "exchange_invitation": {"candidate_id": 1},
    "exchange_opted_in": {"peer": PERSON},
    "exchange_declined": {"peer": PERSON},
    "exchange_volunteered": {"peer": PERSON},
    "exchange_mission_scheduled": {
        "mission_title": FREE,
        "mission_kind": "study_visit",
        "starts_on": "2027-05-03",
        "place": FREE,
        "event_path": "",
    },
    "exchange_checkpoint": {"month": 6, "adoption": "partly"},
}
# Affiliation kinds (``community.services``): about an affiliation with an
# organisation named ``TITLE``; what each stores with the notice.
COMMUNITY_MAILS = {
    "affiliation_verified": {"reason": FREE},
    "affiliation_rejected": {"reason": FREE},
    "affiliation_expiring": {},
}
# Practice kinds (``practices.services``): about a proposed page titled ``TITLE``.
PRACTICE_MAILS = {
    "proposal_outcome": {"outcome": "rejected", "comment": FREE, "go_live_at": ""},
}
# Conversation kinds (``conversations.services``): about a message (or a report of
# it) in a conversation with the subject ``TITLE``; they store nothing.
CONVERSATION_MAILS = {"message_received": "message", "message_reported": "report"}


def _parse(message) -> email.message.EmailMessage:
    """The message as a mail client gets it: its bytes, parsed."""
    return email.message_from_bytes(
        message.message().as_bytes(), policy=email.policy.default
    )


def _parts(parsed) -> tuple[str, str, str]:
    # Django folds a non-ASCII subject right after "Subject:"; unfolded, that
    # leaves one leading space, which mail clients do not show.
    return (
        parsed["Subject"].lstrip(),
        parsed.get_body(("plain",)).get_content(),
        parsed.get_body(("html",)).get_content(),
    )


def _assert_plain(text: str) -> None:
    for entity in ENTITIES:
        assert entity not in text, entity


def _assert_escaped_once(html: str, *values: str) -> None:
    for value in values:
        assert escape(value) in html
    assert "<Water>" not in html and "<maps>" not in html and "<Co>" not in html
    for double in DOUBLE:
        assert double not in html, double


def _has(context, text: str) -> bool:
    """Whether ``text`` is among the (nested) values of ``context``."""
    if isinstance(context, dict):
        return any(_has(value, text) for value in context.values())
    if isinstance(context, list):
        return any(_has(value, text) for value in context)
    return context == text


def _sent(notification: Notification) -> email.message.EmailMessage:
    [message] = [
        m
        for m in mail.outbox
        if m.extra_headers.get("X-Notification-Id") == str(notification.pk)
    ]
    return _parse(message)


def test_every_kind_is_covered():
    assert set(mail_kinds()) == (
        set(EVENT_MAILS)
        | set(EXCHANGE_MAILS)
        | set(COMMUNITY_MAILS)
        | set(PRACTICE_MAILS)
        | set(CONVERSATION_MAILS)
    )


LANGUAGES = ["en", "de", "fr", "es", "pt", "ar"]
# The subject of an accepted application, in each language.
YOU_HAVE_A_PLACE = {
    "en": "You have a place",
    "de": "Sie haben einen Platz",
    "fr": "Vous avez une place",
    "es": "Tiene una plaza",
    "pt": "Tem uma vaga",
    "ar": "لديك مكان",
}


def _english_sentences(language: str) -> set[str]:
    """Sentences of the interface whose translation into ``language`` differs
    from the English, without placeholders: in a mail in ``language``, each would
    be a sentence left untranslated."""
    path = Path(settings.BASE_DIR) / f"config/locale/{language}/LC_MESSAGES/django.po"
    return {
        entry.msgid
        for entry in polib.pofile(str(path))
        if len(entry.msgid) > 20
        and not entry.msgid_plural
        and entry.msgstr
        and entry.msgstr != entry.msgid
        and "%" not in entry.msgid
        and "<" not in entry.msgid
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_outbox_mail_shows_what_people_wrote_literally(
    language, django_capture_on_commit_callbacks
):
    event = make_event(title=TITLE, teaser=FREE)
    registration = participant(
        event, "confirmed", preferred_language=language, first_name=PERSON
    )
    recipient = registration.user
    exchange = PeerExchange.objects.create(
        title=TITLE,
        organisation=OrganisationFactory(name=CITY),
        created_by=UserFactory(),
        challenge=FREE,
        state="accepted",
    )
    affiliation = AffiliationFactory(
        user=recipient, organisation=OrganisationFactory(name=TITLE), verified=True
    )
    home = kb.seed_site()
    proposal = kb.make_practice(
        kb.index_pages(home)["practices"], title=TITLE, slug="toms-land"
    )
    subjects = {"registration": registration, "event": event, None: None}
    conversation = Conversation.objects.create(subject=TITLE)
    message = Message.objects.create(
        conversation=conversation, sender=UserFactory(first_name=PERSON), body=FREE
    )
    conversation_subjects = {
        "message": message,
        "report": Report.objects.create(message=message, reporter=UserFactory()),
    }
    written = []
    with django_capture_on_commit_callbacks(execute=True):
        for kind, (about, context) in EVENT_MAILS.items():
            if kind == "weekly_digest":
                context = {"event_ids": [event.pk]}
            written.append(
                (
                    outbox.notify(
                        recipient=recipient,
                        kind=kind,
                        dedupe_key=f"{kind}:{language}",
                        subject_object=subjects[about],
                        context=context,
                    ),
                    context,
                )
            )
        for kind, extra in EXCHANGE_MAILS.items():
            context = {
                "exchange_title": exchange.title,
                "city": exchange.organisation.name,
                "state": exchange.state,
                "reason": FREE,
                "path": _path_for(recipient, exchange),
                **extra,
            }
            written.append(
                (
                    outbox.notify(
                        recipient=recipient,
                        kind=kind,
                        dedupe_key=f"{kind}:{language}",
                        subject_object=exchange,
                        context=context,
                    ),
                    context,
                )
            )
        for kind, context in COMMUNITY_MAILS.items():
            context = {
                "organisation": affiliation.organisation.name,
                "expires_at": affiliation.expires_at.isoformat(),
                **context,
            }
            written.append(
                (
                    outbox.notify(
                        recipient=recipient,
                        kind=kind,
                        dedupe_key=f"{kind}:{language}",
                        subject_object=affiliation,
                        context=context,
                    ),
                    context,
                )
            )
        for kind, context in PRACTICE_MAILS.items():
            written.append(
                (
                    outbox.notify(
                        recipient=recipient,
                        kind=kind,
                        dedupe_key=f"{kind}:{language}",
                        subject_object=proposal,
                        context=context,
                    ),
                    context,
                )
            )
        for kind, about in CONVERSATION_MAILS.items():
            written.append(
                (
                    outbox.notify(
                        recipient=recipient,
                        kind=kind,
                        dedupe_key=f"{kind}:{language}",
                        subject_object=conversation_subjects[about],
                    ),
                    {},
                )
            )
    assert len(written) == len(mail_kinds())
    english = _english_sentences(language) if language != "en" else set()
    for notification, context in written:
        kind = notification.kind
        notification.refresh_from_db()
        assert notification.state == NotificationState.SENT, kind
        subject, text, html = _parts(_sent(notification))
        _assert_plain(subject)
        _assert_plain(text)
        assert "\n" not in subject
        assert subject == f"[Connective Cities] {notification.subject}"
        if kind != "weekly_digest":  # its subject names no event
            # A title (of an event, a case, a practice, an organisation), or the
            # mission's title that people wrote.
            assert TITLE in subject or FREE in subject, kind
        assert TITLE in text, kind
        assert PERSON in text, kind  # the greeting
        assert f'lang="{language}"' in html
        direction = "rtl" if language == "ar" else "ltr"
        assert f'dir="{direction}"' in html, kind
        _assert_escaped_once(html, TITLE, PERSON)
        left = sorted(s for s in english if s in subject or s in text)
        assert left == [], (language, kind)
        if language == "ar" and kind != "weekly_digest":
            # A Latin title in an Arabic sentence is isolated from it (the digest
            # lists titles on lines of their own).
            assert f"\u2068{TITLE}\u2069" in text, kind
        if _has(context, FREE):
            assert FREE in text, kind
            _assert_escaped_once(html, FREE)
    accepted = Notification.objects.get(dedupe_key=f"registration_accepted:{language}")
    assert accepted.subject.startswith(YOU_HAVE_A_PLACE[language])


def test_fan_out_mails_sent_in_a_batch_show_names_literally():
    """A batch renders each shared mail once and fills in the name afterwards; the
    name must go in plain where the mail is plain and escaped where it is HTML."""
    event = make_event(title=TITLE)
    ids = []
    for language in ("en", "de"):
        for first_name in (PERSON, "Lina"):
            registration = participant(
                event, "accepted", preferred_language=language, first_name=first_name
            )
            for kind in rendering.fan_out_kinds():
                context = EVENT_MAILS[kind][1]
                row = outbox.notification_build(
                    recipient=registration.user,
                    kind=kind,
                    dedupe_key=f"{kind}:{registration.pk}",
                    subject_object=registration,
                    context=context,
                )
                row.save()
                ids.append(row.pk)
    outcome = delivery.notifications_send_batch(notification_ids=ids)
    assert outcome.sent == len(ids)
    for message in mail.outbox:
        subject, text, html = _parts(_parse(message))
        _assert_plain(subject)
        _assert_plain(text)
        assert TITLE in subject and TITLE in text
        _assert_escaped_once(html, TITLE)
        recipient = Notification.objects.get(
            pk=message.extra_headers["X-Notification-Id"]
        ).recipient
        if recipient.first_name == PERSON:
            assert PERSON in text
            _assert_escaped_once(html, PERSON)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome", [Outcome.PUBLISHED, Outcome.REJECTED])
def test_the_proposal_outcome_mail_shows_what_people_wrote_literally(
    language, outcome, django_capture_on_commit_callbacks
):
    home = kb.seed_site()
    practices = kb.index_pages(home)["practices"]
    page = kb.make_practice(practices, title=TITLE, slug="toms-land")
    proposer = UserFactory(first_name=PERSON, preferred_language=language)
    page.proposed_by = proposer
    page.save(update_fields=["proposed_by"])
    with django_capture_on_commit_callbacks(execute=True):
        assert proposal_notify_outcome(page=page, outcome=outcome, comment=FREE)
    [message] = mail.outbox
    subject, text, html = _parts(_parse(message))
    _assert_plain(subject)
    _assert_plain(text)
    assert TITLE in subject and TITLE in text and PERSON in text
    assert f'lang="{language}"' in html
    _assert_escaped_once(html, TITLE, PERSON)
    if outcome == Outcome.REJECTED:
        assert FREE in text
        _assert_escaped_once(html, FREE)


def test_the_notifications_page_shows_the_subject_escaped_once(
    client, django_capture_on_commit_callbacks
):
    event = make_event(title=TITLE)
    registration = participant(event, "accepted")
    with django_capture_on_commit_callbacks(execute=True):
        notification = outbox.notify(
            recipient=registration.user,
            kind="registration_accepted",
            dedupe_key="accepted",
            subject_object=registration,
        )
    notification.refresh_from_db()
    assert notification.subject == f"You have a place: {TITLE}"
    client.force_login(registration.user)
    html = client.get("/en/notifications/").content.decode()
    # Unread until this visit: the heading starts with the "New" badge.
    assert (
        '<h2><span class="badge badge--new">New</span> '
        f"You have a place: {escape(TITLE)}</h2>"
    ) in html
    assert "<Water>" not in html
    for double in DOUBLE:
        assert double not in html


# --- Repairing stored subjects -------------------------------------------------------

MIGRATION = "events.migrations.0006_unescape_notification_subjects"
repair = importlib.import_module(MIGRATION)


class _AppsOfThatTime:
    """The app registry as the repair knew it: it ran while the outbox was the
    events app's; the model (same table rows) is the notifications app's now."""

    def get_model(self, app_label: str, model_name: str):
        assert (app_label, model_name) == ("events", "Notification")
        return django_apps.get_model("notifications", model_name)


def test_plain_subject_decodes_entities_once():
    assert (
        repair.plain_subject(
            "Application received: Land for tomorrow&#x27;s neighbourhoods"
        )
        == "Application received: Land for tomorrow's neighbourhoods"
    )
    assert repair.plain_subject(escape(TITLE)) == TITLE
    # Text that spoke of an entity was escaped, too: one decoding gives it back.
    assert repair.plain_subject("Write &amp;amp; in HTML") == "Write &amp; in HTML"
    # A subject cut at 250 characters in the middle of an entity loses its start.
    cut = "x" * 246 + "&#x2"
    assert repair.plain_subject(cut) == "x" * 246


def test_the_repair_touches_only_rows_with_entities():
    registration = participant(make_event(), "accepted")
    rows = {}
    for key, subject in {
        "escaped": "Application received: Land for tomorrow&#x27;s neighbourhoods",
        "plain": "R&D for tomorrow's city & <region>",
        "empty": "",
    }.items():
        rows[key] = outbox.notification_build(
            recipient=registration.user,
            kind="application_received",
            dedupe_key=key,
            subject_object=registration,
        )
        rows[key].subject = subject
        rows[key].save()

    assert repair.unescape_subjects(_AppsOfThatTime()) == 1
    # A second run finds nothing.
    assert repair.unescape_subjects(_AppsOfThatTime()) == 0
    stored = dict(
        Notification.objects.filter(dedupe_key__in=rows).values_list(
            "dedupe_key", "subject"
        )
    )
    assert stored == {
        "escaped": "Application received: Land for tomorrow's neighbourhoods",
        "plain": "R&D for tomorrow's city & <region>",
        "empty": "",
    }
    [operation] = repair.Migration.operations
    assert operation.reversible
