"""Turn a closed peer exchange's report into a draft update of a good practice.

On a closed case the coordinator picks one of the good practices suggested for the
case (or any other practice they may edit); the platform adds a section “Update
from a peer exchange” to a new *draft* revision of that practice, prefilled with
the cities involved, the findings, the recommendations and the adoption level of
the latest follow-up checkpoint. The live page does not change: the editor reviews
the draft and publishes it through the usual moderation workflow.

Who may do it: someone who manages the case (``exchanges.permissions``) and
may edit the practice page (Wagtail page permissions). Each practice gets the update
from a case once; the case's history records it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale, Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from practices.models import GoodPracticePage

from . import matching
from . import permissions as rules
from .models import ExchangeLog, ExchangeState, PeerExchange
from .selectors import cities_involved
from .services import ExchangeError, NotAllowed

LOG_ACTION = "practice_update"
# The body section the update goes into: a peer exchange is another city taking
# the practice up, which is what readers look for under "Transferability".
SECTION_BLOCK = "transferability"
# Enough for any real knowledge base; the select stays usable.
MAX_CHOICES = 500


def can_edit_practice(user, practice: Page) -> bool:
    """Wagtail's own answer: may ``user`` edit this page?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return practice.permissions_for_user(user).can_edit()


def editable_practices(user):
    """Good practices of the default language the user may edit, by title."""
    if not getattr(user, "is_authenticated", False):
        return GoodPracticePage.objects.none()
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change"]
    )
    return (
        GoodPracticePage.objects.filter(
            pk__in=pages.values("pk"), locale=Locale.get_default()
        )
        .defer_streamfields()
        .order_by("title", "pk")
    )


def _paragraphs(text: str) -> str:
    return "".join(
        f"<p>{escape(line.strip())}</p>" for line in text.splitlines() if line.strip()
    )


def update_text(exchange: PeerExchange) -> str:
    """The section's rich text (Wagtail's stored HTML): where it comes from, the
    cities involved, findings, recommendations and the adoption level."""
    roles = {"requesting": _("requesting city"), "peer": _("peer")}
    parts = [
        "<p>"
        + escape(
            _("From the peer exchange “%(title)s”, requested by %(city)s.")
            % {"title": exchange.title, "city": exchange.organisation.name}
        )
        + "</p>",
        f"<h3>{escape(_('Cities involved'))}</h3>",
        "<ul>"
        + "".join(
            f"<li>{escape(city.name)} ({escape(roles[role])})</li>"
            for city, role in cities_involved(exchange)
        )
        + "</ul>",
    ]
    if exchange.findings.strip():
        parts += [f"<h3>{escape(_('Findings'))}</h3>", _paragraphs(exchange.findings)]
    if exchange.recommendations.strip():
        parts += [
            f"<h3>{escape(_('Recommendations'))}</h3>",
            _paragraphs(exchange.recommendations),
        ]
    latest = exchange.checkpoints.order_by("-month").first()
    parts.append(f"<h3>{escape(_('Adoption'))}</h3>")
    if latest is None:
        parts.append(f"<p>{escape(_('No follow-up checkpoint was recorded.'))}</p>")
    else:
        parts.append(
            "<p>"
            + escape(
                _("%(level)s at the %(checkpoint)s checkpoint.")
                % {
                    "level": latest.get_adoption_display(),
                    "checkpoint": latest.get_month_display(),
                }
            )
            + "</p>"
        )
        parts.append(_paragraphs(latest.what_changed))
    return "".join(parts)


def _log_reason(practice: Page) -> str:
    # Language-neutral suffix: how a second run finds the first (see below).
    return f"{practice.title} (#{practice.pk})"


def practice_update_done(exchange: PeerExchange, practice: Page) -> ExchangeLog | None:
    """The history entry of an update of ``practice`` already drafted from this
    case, if any."""
    return (
        exchange.log.filter(action=LOG_ACTION, reason__endswith=f"(#{practice.pk})")
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def practice_update_from_exchange(
    *, exchange: PeerExchange, practice: Page, actor
) -> Revision:
    """A new draft revision of ``practice`` with a section “Update from a peer
    exchange” prefilled from the closed case's report summary.

    Built on the practice's latest revision, so pending edits are kept; the live
    page stays as it is until an editor publishes the draft. Refused (and nothing
    changes) unless the case is closed, the actor manages it and may edit the
    practice, the practice is not locked, and this case has not updated it yet.
    """
    try:
        locked = PeerExchange.objects.select_for_update(of=("self",)).get(
            pk=exchange.pk
        )
    except PeerExchange.DoesNotExist as exc:
        raise ExchangeError(_("This request does not exist (any more).")) from exc
    if not rules.can_manage_exchange(actor, locked):
        raise NotAllowed(_("You may not do this with this request."))
    if locked.state != ExchangeState.CLOSED:
        raise ExchangeError(
            _("Only a closed peer exchange can update a good practice.")
        )
    if not isinstance(getattr(practice, "specific", practice), GoodPracticePage):
        raise ExchangeError(_("Choose a good practice."))
    try:
        # A fresh copy: the draft is built on it, never on the caller's object.
        practice = GoodPracticePage.objects.get(pk=practice.pk)
    except GoodPracticePage.DoesNotExist as exc:
        raise ExchangeError(_("This good practice does not exist any more.")) from exc
    if not can_edit_practice(actor, practice):
        raise NotAllowed(
            _("You may not edit the good practice “%(title)s”.")
            % {"title": practice.title}
        )
    lock = practice.get_lock()
    if lock is not None and lock.for_user(actor):
        raise ExchangeError(
            _("The good practice “%(title)s” is locked; try again once it is free.")
            % {"title": practice.title}
        )
    done = practice_update_done(locked, practice)
    if done is not None:
        raise ExchangeError(
            _(
                "An update from this exchange was already drafted for “%(title)s” "
                "on %(date)s; open the practice to review it."
            )
            % {
                "title": practice.title,
                "date": done.created_at.date().isoformat(),
            }
        )
    draft = practice.get_latest_revision_as_object()
    section = GoodPracticePage.body.field.stream_block.child_blocks[SECTION_BLOCK]
    draft.body.append(
        (
            SECTION_BLOCK,
            section.to_python(
                {
                    "heading": _("Update from a peer exchange"),
                    "text": update_text(locked),
                }
            ),
        )
    )
    try:
        revision = draft.save_revision(user=actor, log_action=True)
    except ValidationError as exc:
        raise ExchangeError(
            _("The good practice “%(title)s” cannot be saved as it is: %(errors)s")
            % {"title": practice.title, "errors": "; ".join(exc.messages)}
        ) from exc
    ExchangeLog.record(
        exchange=locked,
        action=LOG_ACTION,
        from_state=locked.state,
        to_state=locked.state,
        actor=actor,
        reason=_log_reason(practice),
    )
    return revision


class PracticeUpdateForm(forms.Form):
    """Which practice to update: those suggested for the case first, then every
    other practice the person may edit (a plain select: works without
    JavaScript)."""

    practice = forms.TypedChoiceField(
        label=gettext_lazy("Good practice"),
        coerce=int,
        help_text=gettext_lazy(
            "A draft of the practice gets a section “Update from a peer exchange” "
            "with the report's findings, recommendations, adoption level and the "
            "cities involved. The live page changes only once the draft is "
            "published."
        ),
    )

    def __init__(self, *args, exchange: PeerExchange, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = list(editable_practices(user)[:MAX_CHOICES])
        editable_ids = {page.pk for page in editable}
        suggested = [
            suggestion.candidate
            for suggestion in matching.suggest_practices(exchange, viewer=user)
            if suggestion.candidate.pk in editable_ids
        ]
        suggested_ids = {page.pk for page in suggested}
        choices = []
        if suggested:
            choices.append(
                (
                    gettext_lazy("Suggested for this case"),
                    [(page.pk, page.title) for page in suggested],
                )
            )
        others = [(p.pk, p.title) for p in editable if p.pk not in suggested_ids]
        if others:
            choices.append((gettext_lazy("Other good practices you may edit"), others))
        self.fields["practice"].choices = [("", "---------"), *choices]
        self.has_choices = bool(editable)

    def chosen_practice(self) -> GoodPracticePage:
        return GoodPracticePage.objects.get(pk=self.cleaned_data["practice"])
