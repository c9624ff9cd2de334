"""Turn a closed peer exchange into a draft supported-project story.

Lives in ``projects`` because events may not import projects (DESIGN.md); projects
may import events. The case page in the admin shows the button through the
``events_exchange_case_buttons`` hook registered here; the editor lands in the new
draft, prefilled from the case (cities with roles, theme, stage from the latest
follow-up, missions as milestones, the report as the story), and reviews it before
publishing through the usual workflow.

Who may do it: someone who manages the case (``events.exchange_permissions``) and
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
from events import exchange_permissions as rules
from events.admin_exchanges import EXCHANGE_CASE_BUTTONS_HOOK
from events.models import CandidateState, ExchangeState, PeerExchange

from .models import (
    CityRole,
    MilestoneKind,
    ProjectCity,
    ProjectIndexPage,
    ProjectMilestone,
    Stage,
    SupportedProjectPage,
)

MISSION_MILESTONES = {
    "expert_mission": MilestoneKind.EXPERT_MISSION,
    "study_visit": MilestoneKind.STUDY_TOUR,
    "online_consultation": MilestoneKind.WORKSHOP,
    "local_project_workshop": MilestoneKind.WORKSHOP,
}


class StoryError(Exception):
    """Why the story cannot be drafted; shown to the editor."""


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


def _section(heading: str, text: str) -> dict:
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line)
    return {"heading": heading, "text": paragraphs}


@transaction.atomic
def exchange_story_create(*, exchange: PeerExchange, actor) -> SupportedProjectPage:
    """A draft project page prefilled from a closed case (not published)."""
    if exchange.state != ExchangeState.CLOSED:
        raise StoryError(_("Only closed peer exchanges can become project stories."))
    if not can_draft_story(actor, exchange):
        raise PermissionDenied
    index = _index()
    latest = exchange.checkpoints.order_by("-month").first()
    page = SupportedProjectPage(
        title=exchange.title,
        slug=slugify(f"{exchange.title}-{exchange.pk}")[:80],
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
