"""Turn a closed peer exchange into a draft supported-project story.

The case page in the admin shows the button (``exchanges.admin.case``); the editor
lands in the new draft, prefilled from the case (cities with roles, theme, stage
from the latest follow-up, missions as milestones, the report as the story), and
reviews it before publishing through the usual workflow. The draft itself is made
by the projects app (``projects.services.project_draft_create``); this module
decides who may ask and what of the case goes into it.

Who may do it: someone who manages the case (``exchanges.permissions``) and
may add a page under the project index (Wagtail page permissions); anyone else gets
a 404, as on the case itself.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.errors import DomainError
from projects.models import MilestoneKind, Stage, SupportedProjectPage
from projects.selectors import default_project_index
from projects.services import (
    Milestone,
    ProjectError,
    StorySection,
    project_draft_create,
)

from . import permissions as rules
from .models import ExchangeState, MissionKind, PeerExchange
from .selectors import cities_involved

MISSION_MILESTONES = {
    MissionKind.EXPERT_MISSION: MilestoneKind.EXPERT_MISSION,
    MissionKind.STUDY_VISIT: MilestoneKind.STUDY_TOUR,
    MissionKind.ONLINE_CONSULTATION: MilestoneKind.WORKSHOP,
    MissionKind.LOCAL_PROJECT_WORKSHOP: MilestoneKind.WORKSHOP,
}


class StoryError(DomainError):
    """Why the story cannot be drafted; shown to the editor."""


class StoryExists(StoryError):
    """The case already has its story (a draft or published); ``page`` is it."""

    def __init__(self, message, *, page: SupportedProjectPage):
        super().__init__(message)
        self.page = page


def can_draft_story(user, exchange: PeerExchange) -> bool:
    """A closed case, someone who manages it (the same rule as the admin case page:
    the story shows the case's confidential content) and who may add a project page.
    Either right alone is not enough."""
    if exchange.state != ExchangeState.CLOSED:
        return False
    if not rules.can_oversee_exchange(user, exchange):
        return False
    index = default_project_index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def story_slug(exchange: PeerExchange) -> str:
    """The story's slug: the case's title and id, so each case has its own (the id
    is kept whole however long the title)."""
    base = slugify(exchange.title)[:70].strip("-") or "peer-exchange"
    return f"{base}-{exchange.pk}"


def existing_story(exchange: PeerExchange) -> SupportedProjectPage | None:
    """The story drafted from the case before, if it still has its slug."""
    index = default_project_index()
    if index is None:
        return None
    return (
        SupportedProjectPage.objects.child_of(index)
        .filter(slug=story_slug(exchange))
        .first()
    )


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
    latest = exchange.checkpoints.order_by("-month").first()
    try:
        return project_draft_create(
            actor=actor,
            title=exchange.title,
            slug=story_slug(exchange),
            teaser=exchange.desired_change or exchange.challenge,
            cluster=exchange.cluster,
            field_of_action=exchange.field_of_action,
            stage=latest.project_stage if latest else Stage.IDEA,
            origin_note=_("Peer exchange requested by %(city)s")
            % {"city": exchange.organisation.name},
            cities=cities_involved(exchange),
            milestones=[
                Milestone(
                    day=mission.starts_on,
                    kind=MISSION_MILESTONES[mission.kind],
                    title=mission.title,
                )
                for mission in exchange.missions.all()
            ],
            sections=[
                StorySection(
                    "initial_situation", _("Initial situation"), exchange.challenge
                ),
                StorySection(
                    "learning_experience", _("What was learnt"), exchange.findings
                ),
                StorySection(
                    "results", _("Results"), latest.what_changed if latest else ""
                ),
            ],
        )
    except ProjectError as error:
        raise StoryError(error.message) from error
