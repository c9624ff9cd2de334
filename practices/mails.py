"""The mails of the practices app, registered with the outbox (``core.notices``)
by ``PracticesConfig.ready()``.

``proposal_outcome``: what became of a practitioner's proposed good practice
(approved, published or changes requested; ``practices.services.Outcome``). The
subject is written here, the text and HTML bodies are
``templates/practices/proposal_outcome_email.{txt,html}``.
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.bidi import isolate
from core.links import page_public_url, public_url
from core.mail import one_line, render_text
from core.notices import MailKind, MailRequest, RenderedMail, register_mail_kinds

TEXT_TEMPLATE = "practices/proposal_outcome_email.txt"
HTML_TEMPLATE = "practices/proposal_outcome_email.html"


def _subject(outcome: str, title: str) -> str:
    subjects = {
        "approved": _("Your good practice was approved: %(title)s"),
        "published": _("Your good practice is published: %(title)s"),
        "rejected": _("Your good practice proposal needs changes: %(title)s"),
    }
    return one_line(subjects[outcome] % {"title": isolate(title)})


def render_proposal_outcome(mail: MailRequest) -> RenderedMail:
    """The proposer's mail, in their language. The page is read as it is when the
    mail goes out; the outcome, the reviewers' comment and a scheduled
    publication time come with the notice."""
    page = mail.subject_object
    if page is None:
        raise LookupError("The proposed page is gone.")
    outcome = mail.details["outcome"]
    go_live_at = parse_datetime(mail.details.get("go_live_at") or "")
    context = {
        **mail.context,
        "proposer": mail.recipient,
        "page": page,
        "outcome": outcome,
        "language": mail.language,
        "comment": mail.details.get("comment", ""),
        "go_live_at": go_live_at,
        "page_url": page_public_url(page) if page.live else "",
        "proposals_url": public_url(reverse("practice_proposals")),
    }
    # Subject and text are plain text, the HTML part is escaped once (core.mail).
    return RenderedMail(
        _subject(outcome, page.title),
        render_text(TEXT_TEMPLATE, context),
        render_to_string(HTML_TEMPLATE, context),
    )


PROPOSAL_OUTCOME = MailKind(
    name="proposal_outcome",
    label=gettext_lazy("Your good practice proposal"),
    render=render_proposal_outcome,
)


def register() -> None:
    register_mail_kinds(PROPOSAL_OUTCOME)
