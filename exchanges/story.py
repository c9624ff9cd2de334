"""Turn a closed peer exchange into a draft supported-project story.

The case page in the admin shows the button through the
``events_exchange_case_buttons`` hook registered here; the editor lands in the new
draft, prefilled from the case (cities with roles, theme, stage from the latest
follow-up, missions as milestones, the report as the story), and reviews it before
publishing through the usual workflow.

Who may do it: someone who manages the case (``exchanges.permissions``) and
may add a page under the project index (Wagtail page permissions); anyone else gets
a 404, as on the case itself.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin import messages
from wagtail.models import Locale

from community.models import Affiliation
from core.errors import DomainError
from projects.models import (
    CityRole,
    MilestoneKind,
    ProjectCity,
    ProjectIndexPage,
    ProjectMilestone,
    Stage,
    SupportedProjectPage,
)

from . import permissions as rules
from .admin.case import EXCHANGE_CASE_BUTTONS_HOOK
from .models import CandidateState, ExchangeState, PeerExchange

MISSION_MILESTONES = {
    "expert_mission": MilestoneKind.EXPERT_MISSION,
    "study_visit": MilestoneKind.STUDY_TOUR,
    "online_consultation": MilestoneKind.WORKSHOP,
    "local_project_workshop": MilestoneKind.WORKSHOP,
}


class StoryError(DomainError):
    """Why the story cannot be drafted; shown to the editor."""


class StoryExists(StoryError):
    """The case already has its story (a draft or published); ``page`` is it."""

    def __init__(self, message, *, page: SupportedProjectPage):
        super().__init__(message)
        self.page = page


def _index() -> ProjectIndexPage | None:
    return ProjectIndexPage.objects.filter(locale=Locale.get_default()).first()


def can_draft_story(user, exchange: PeerExchange) -> bool:
    """A closed case, someone who manages it (the same rule as the admin case page:
    the story shows the case's confidential content) and who may add a project page.
    Either right alone is not enough."""
    if exchange.state != ExchangeState.CLOSED:
        return False
    if not rules.can_oversee_exchange(user, exchange):
        return False
    index = _index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def story_slug(exchange: PeerExchange) -> str:
    """The story's slug: the case's title and id, so each case has its own (the id
    is kept whole however long the title)."""
    base = slugify(exchange.title)[:70].strip("-") or "peer-exchange"
    return f"{base}-{exchange.pk}"


def existing_story(exchange: PeerExchange) -> SupportedProjectPage | None:
    """The story drafted from the case before, if it still has its slug."""
    index = _index()
    if index is None:
        return None
    return (
        SupportedProjectPage.objects.child_of(index)
        .filter(slug=story_slug(exchange))
        .first()
    )


def _section(heading: str, text: str) -> dict:
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line)
    return {"heading": heading, "text": paragraphs}


@transaction.atomic
def exchange_story_create(*, exchange: PeerExchange, actor) -> SupportedProjectPage:
    """A draft project page prefilled from a closed case (not published).

    A case gets one story: asking again raises ``StoryExists`` naming the page made
    the first time (two clicks at once wait for each other on the case's row)."""
    exchange = (
        PeerExchange.objects.select_for_update(of=("self",))
        .select_related("organisation", "cluster", "field_of_action")
        .get(pk=exchange.pk)
    )
    if exchange.state != ExchangeState.CLOSED:
        raise StoryError(_("Only closed peer exchanges can become project stories."))
    if not can_draft_story(actor, exchange):
        raise PermissionDenied
    existing = existing_story(exchange)
    if existing is not None:
        raise StoryExists(
            _("This peer exchange already has a project story: “%(title)s”.")
            % {"title": existing.title},
            page=existing,
        )
    index = _index()
    latest = exchange.checkpoints.order_by("-month").first()
    page = SupportedProjectPage(
        title=exchange.title,
        slug=story_slug(exchange),
        teaser=(exchange.desired_change or exchange.challenge)[:400],
        cluster=exchange.cluster,
        field_of_action=exchange.field_of_action,
        stage=latest.project_stage if latest else Stage.IDEA,
        origin_note=_("Peer exchange requested by %(city)s")
        % {"city": exchange.organisation.name},
        live=False,
        body=[
            ("initial_situation", _section(_("Initial situation"), exchange.challenge)),
            ("learning_experience", _section(_("What was learnt"), exchange.findings)),
            ("results", _section(_("Results"), latest.what_changed if latest else "")),
        ],
    )
    city_roles = [
        ProjectCity(organisation=exchange.organisation, role=CityRole.REQUESTING)
    ]
    peer_ids = exchange.candidates.filter(state=CandidateState.OPTED_IN).values(
        "user_id"
    )
    seen = {exchange.organisation_id}
    for affiliation in (
        Affiliation.objects.current()
        .filter(user_id__in=peer_ids)
        .select_related("organisation")
    ):
        if affiliation.organisation_id not in seen:
            seen.add(affiliation.organisation_id)
            city_roles.append(
                ProjectCity(organisation=affiliation.organisation, role=CityRole.PEER)
            )
    page.city_roles = city_roles
    page.milestones = [
        ProjectMilestone(
            date=mission.starts_on,
            kind=MISSION_MILESTONES[mission.kind],
            title=mission.title[:200],
        )
        for mission in exchange.missions.all()
    ]
    index.add_child(instance=page)
    page.save_revision(user=actor)
    return page


@require_POST
def story_create_view(request, pk: int):
    exchange = get_object_or_404(
        PeerExchange.objects.select_related("organisation"), pk=pk
    )
    if not can_draft_story(request.user, exchange):
        raise Http404
    try:
        page = exchange_story_create(exchange=exchange, actor=request.user)
    except StoryExists as error:
        buttons = []
        if error.page.permissions_for_user(request.user).can_edit():
            edit_url = reverse("wagtailadmin_pages:edit", args=(error.page.pk,))
            buttons.append(messages.button(edit_url, _("Open the story")))
        messages.warning(request, str(error), buttons=buttons)
        return redirect("exchange_admin_detail", pk=exchange.pk)
    except StoryError as error:
        messages.error(request, str(error))
        return redirect("exchange_admin_detail", pk=exchange.pk)
    messages.success(request, _("A draft project story was created; review it."))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_admin_urls")
def register_story_urls():
    return [
        path(
            "exchanges/<id:pk>/project-story/",
            story_create_view,
            name="exchange_project_story",
        )
    ]


@hooks.register(EXCHANGE_CASE_BUTTONS_HOOK)
def story_button(request, exchange):
    if not can_draft_story(request.user, exchange):
        return None
    return {
        "label": _("Turn into a supported project draft"),
        "url": reverse("exchange_project_story", args=(exchange.pk,)),
    }
