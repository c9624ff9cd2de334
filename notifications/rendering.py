"""Rendering notices: the mail of a row, in the recipient's language.

The outbox knows no kind: it loads the row's subject, builds the context every mail
starts from (the recipient, the site, the person's notification pages) and calls
the renderer the kind's app registered (``core.notices``). ``SharedRenderer``
renders the mails of a fan-out once per language and variant and fills in names.
"""

import contextlib
import json
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from core.links import public_base_url, public_url
from core.notices import (
    MailRequest,
    RenderedMail,
    mail_kind,
    mail_kinds,
    notice_subject,
)

from .models import Notification

# "Not loaded yet" (``None`` is a subject that is gone).
UNSET = object()


def _subject_queryset(model):
    """How notices' subjects of ``model`` are loaded: as their app registered, or
    plainly."""
    registered = notice_subject(model)
    if registered is not None and registered.queryset is not None:
        return registered.queryset()
    return model._base_manager.all()


def subject_object_of(notification: Notification):
    """The row's subject, loaded as its app registered (a registration comes with
    its event and the event's locale in one query)."""
    if notification.subject_type_id is None:
        return None
    model = ContentType.objects.get_for_id(notification.subject_type_id).model_class()
    if model is None:
        return None
    return _subject_queryset(model).filter(pk=notification.subject_id).first()


def subject_objects(notifications: list[Notification]) -> dict[int, object]:
    """The subjects of many rows by row id: one query per kind of subject."""
    ids_by_type: dict[int, set[int]] = defaultdict(set)
    for notification in notifications:
        if notification.subject_type_id is not None:
            ids_by_type[notification.subject_type_id].add(notification.subject_id)
    loaded: dict[tuple[int, int], object] = {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for pk, obj in _subject_queryset(model).in_bulk(ids).items():
            loaded[type_id, pk] = obj
    return {n.pk: loaded.get((n.subject_type_id, n.subject_id)) for n in notifications}


_url_cache: dict[tuple[str, str], dict] = {}


def _account_urls(language: str) -> dict:
    """The person's notification pages in ``language`` (the URLs never change
    while the process runs; reversing them costs more than rendering a mail).
    Keyed by the public address too, so a changed setting is never served stale."""
    key = (language, public_base_url())
    if key not in _url_cache:
        _url_cache[key] = {
            "preferences_url": public_url(reverse("notification_preferences")),
            "notifications_url": public_url(reverse("notification_list")),
        }
    return _url_cache[key]


def render_notification(
    notification: Notification, *, subject_object=UNSET, recipient=None
) -> RenderedMail:
    """Subject, text and HTML body (and attachments) of a notice, in the
    recipient's language. A batch passes the ``subject_object`` it loaded for
    all its rows at once (and ``SharedRenderer`` a stand-in ``recipient``)."""
    recipient = recipient or notification.recipient
    language = notification.language or recipient.preferred_language
    if subject_object is UNSET:
        subject_object = subject_object_of(notification)
    kind = mail_kind(notification.kind)
    with translation.override(language):
        context = {
            "recipient": recipient,
            "object": subject_object,
            "site_url": public_base_url(),
            **notification.context,
            **_account_urls(language),
        }
        mail = kind.render(
            MailRequest(
                kind=notification.kind,
                recipient=recipient,
                language=language,
                subject_object=subject_object,
                details=notification.context,
                context=context,
            )
        )
    return RenderedMail(mail.subject[:250], mail.text, mail.html, mail.attachments)


# Stands for the recipient's name: letters and digits only, so escaping and
# translation leave it as it is.
_NAME_MARK = "Zq7RecipientName3Xv"


@dataclass
class _MarkedRecipient:
    """Who a shared mail is rendered for: a name to be replaced afterwards."""

    preferred_language: str
    email: str = _NAME_MARK

    def get_full_name(self) -> str:
        return _NAME_MARK


def fan_out_kinds() -> frozenset[str]:
    """The kinds whose mails to the people of one fan-out differ only in the
    greeting (their templates use the recipient for nothing else; a test renders
    each both ways)."""
    return frozenset(name for name, kind in mail_kinds().items() if kind.fan_out)


class SharedRenderer:
    """Renders a batch's mails: for fan-out kinds, once per language, details and
    variant (for an event's mails: the event as published and whether the person
    may see the online link), with the name filled in per person; other kinds one
    by one (``render_notification``)."""

    def __init__(self):
        self._rendered: dict[tuple, RenderedMail] = {}

    def __call__(self, notification: Notification, *, subject_object=UNSET):
        kind = mail_kind(notification.kind)
        variant = (
            kind.variant(subject_object)
            if kind.fan_out and subject_object is not UNSET
            else None
        )
        if variant is None:
            return render_notification(notification, subject_object=subject_object)
        recipient = notification.recipient
        language = notification.language or recipient.preferred_language
        key = (
            notification.kind,
            language,
            variant,
            json.dumps(notification.context, sort_keys=True, default=str),
        )
        shared = self._rendered.get(key)
        if shared is None:
            shared = render_notification(
                notification,
                subject_object=subject_object,
                recipient=_MarkedRecipient(preferred_language=language),
            )
            self._rendered[key] = shared
        name = recipient.get_full_name() or recipient.email
        return RenderedMail(
            shared.subject.replace(_NAME_MARK, name),
            shared.text.replace(_NAME_MARK, name),
            shared.html.replace(_NAME_MARK, escape(name)),
            list(shared.attachments),
        )


def notifications_warm_up() -> None:
    """Load the URL patterns, the mail templates of every registered kind and the
    catalogues of every language (a worker calls this before forking its pool
    processes). Touches no database."""
    from django.template.loader import get_template

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            _account_urls(language)
    for kind in mail_kinds().values():
        for name in getattr(kind.render, "template_names", ()):
            with contextlib.suppress(Exception):  # a kind without that template
                get_template(name)
