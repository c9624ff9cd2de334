"""Notices: the kinds of mail the apps send, and the one call that writes a notice.

The outbox that stores, renders and sends notices is the ``notifications`` app. It
sits above ``community`` (README, "Architecture notes"), yet the community app has
mails to send too. So, like pretix's ``register_notification_types``, the registry
of mail kinds and the entry point ``notify`` live here, below every app:

- each app registers its mail kinds when it is ready (``register_mail_kinds``): a
  name, a label for people, how the mail is rendered and whether it goes out in
  fan-outs; the outbox looks every renderer up here, it never branches on a kind;
- an app registers the models its notices are about (``register_notice_subject``)
  when the outbox needs help to load many of them at once or to know which page a
  notice belongs to;
- ``notify`` puts a notice in the outbox; the notifications app plugs its outbox in
  when it is ready (``set_outbox``). Apps above it may also call
  ``notifications.outbox`` directly.
"""

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string

from .mail import render_subject, render_text

# --- What a renderer gets and gives ----------------------------------------------


@dataclass
class RenderedMail:
    """A mail ready to send: a one-line plain-text subject, the text/plain and the
    text/html body, and attachments as ``(file name, content, MIME type)``."""

    subject: str
    text: str
    html: str
    attachments: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class MailRequest:
    """What a renderer is given. It is called with the recipient's ``language``
    active.

    ``details`` is what was stored with the notice (JSON); ``context`` is the
    template context every mail starts from: ``recipient``, ``object`` (the
    ``subject_object``), ``site_url``, ``preferences_url``, ``notifications_url``
    and the details.
    """

    kind: str
    recipient: Any
    language: str
    subject_object: Any
    details: dict
    context: dict


Renderer = Callable[[MailRequest], RenderedMail]
ContextPart = Callable[[MailRequest, dict], dict]


@dataclass(frozen=True)
class TemplateMail:
    """A renderer from three templates: ``<prefix>_subject.txt`` and
    ``<prefix>.txt`` are plain text (no HTML escaping, the subject on one line:
    ``core.mail``), ``<prefix>.html`` is escaped once.

    Each of ``context`` adds to the template context, in order, given the request
    and the context so far; ``attachments`` (if any) returns the mail's
    attachments given the request and the final context.
    """

    prefix: str
    context: tuple[ContextPart, ...] = ()
    attachments: Callable[[MailRequest, dict], list] | None = None

    @property
    def template_names(self) -> tuple[str, str, str]:
        prefix = self.prefix
        return (f"{prefix}_subject.txt", f"{prefix}.txt", f"{prefix}.html")

    def __call__(self, mail: MailRequest) -> RenderedMail:
        context = dict(mail.context)
        for part in self.context:
            context.update(part(mail, context))
        subject, text, html = self.template_names
        return RenderedMail(
            render_subject(subject, context),
            render_text(text, context),
            render_to_string(html, context),
            list(self.attachments(mail, context)) if self.attachments else [],
        )


# --- The registry of mail kinds ---------------------------------------------------


@dataclass(frozen=True)
class MailKind:
    """One kind of mail.

    ``name`` is stored on every notice of the kind; ``label`` says what it is on
    the person's notifications page and in the organisers' outbox. ``render``
    turns a ``MailRequest`` into a ``RenderedMail`` (often a ``TemplateMail``).

    ``fan_out`` marks kinds sent to many people at once whose mails differ only
    in the greeting: a batch renders them once per language, details and
    ``variant(subject_object)`` (what else makes two people's mails differ) and
    fills in each name. A ``variant`` of ``None`` renders that mail alone.
    """

    name: str
    label: Any
    render: Renderer
    fan_out: bool = False
    variant: Callable[[Any], Hashable | None] | None = None

    def __post_init__(self):
        if self.fan_out and self.variant is None:
            raise ImproperlyConfigured(
                f"The fan-out mail kind {self.name!r} needs a variant."
            )


def template_kinds(
    folder: str, kinds, *, context: tuple[ContextPart, ...] = ()
) -> tuple[MailKind, ...]:
    """A kind for each ``(name, label)`` of ``kinds``, rendered from its templates
    ``<folder>/<name>…`` (``TemplateMail``) with the same ``context`` parts."""
    return tuple(
        MailKind(
            name=name,
            label=label,
            render=TemplateMail(f"{folder}/{name}", context=context),
        )
        for name, label in kinds
    )


_kinds: dict[str, MailKind] = {}


def register_mail_kinds(*kinds: MailKind) -> None:
    """Register mail kinds (an app calls this in its ``AppConfig.ready()``).
    Registering the same kind again is harmless; another kind under a name that
    is taken is a mistake."""
    for kind in kinds:
        existing = _kinds.get(kind.name)
        if existing is not None and existing != kind:
            raise ImproperlyConfigured(f"The mail kind {kind.name!r} is taken.")
        _kinds[kind.name] = kind


def mail_kind(name: str) -> MailKind:
    """The registered kind ``name``; ``LookupError`` if no app registered it."""
    try:
        return _kinds[name]
    except KeyError:
        raise LookupError(f"No app registered the mail kind {name!r}.") from None


def mail_kinds() -> dict[str, MailKind]:
    """Every registered kind by name."""
    return dict(_kinds)


def kind_label(name: str) -> str:
    """What a notice of kind ``name`` is, for people (the name if unknown)."""
    kind = _kinds.get(name)
    return str(kind.label) if kind is not None else name


# --- What notices are about -------------------------------------------------------


@dataclass(frozen=True)
class NoticeSubject:
    """How the outbox treats notices about ``model``: ``queryset()`` loads them
    (with what their mails read, in one query for many), ``page(obj)`` is the id
    of the page a notice about ``obj`` belongs to (an event's outbox), if any."""

    model: type
    queryset: Callable[[], Any] | None = None
    page: Callable[[Any], int | None] | None = None


_subjects: dict[type, NoticeSubject] = {}


def register_notice_subject(
    model: type,
    *,
    queryset: Callable[[], Any] | None = None,
    page: Callable[[Any], int | None] | None = None,
) -> None:
    """Tell the outbox how to load notices' subjects of ``model`` and which page
    they belong to. A page is its own page without registering."""
    _subjects[model] = NoticeSubject(model, queryset, page)


def notice_subject(model: type) -> NoticeSubject | None:
    """What was registered for ``model`` or the nearest of its parents."""
    for cls in model.__mro__:
        if cls in _subjects:
            return _subjects[cls]
    return None


# --- Writing a notice ---------------------------------------------------------------

_outbox: dict[str, Callable] = {}


def set_outbox(notify_function: Callable) -> None:
    """Plug in the outbox (the notifications app does, when it is ready)."""
    _outbox["notify"] = notify_function


def notify(
    *,
    recipient,
    kind: str,
    dedupe_key: str,
    subject_object=None,
    context: dict | None = None,
):
    """Put a notice in the outbox, in the caller's transaction; it is sent after
    the commit. Writing the same ``dedupe_key`` again does nothing (returns
    ``None``). ``context`` must be JSON-serialisable: it is stored with the
    notice. See ``notifications.outbox.notify``."""
    try:
        outbox_notify = _outbox["notify"]
    except KeyError:
        raise ImproperlyConfigured(
            "No outbox: the notifications app plugs it in in its AppConfig.ready()."
        ) from None
    return outbox_notify(
        recipient=recipient,
        kind=kind,
        dedupe_key=dedupe_key,
        subject_object=subject_object,
        context=context,
    )
