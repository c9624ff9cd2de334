"""Reads about practitioners' proposals: what became of each (the "My proposals" list).

Writes live in ``practices.services``.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Revision, WorkflowState

from .models import GoodPracticePage


class ProposalState:
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    DRAFT = "draft"


STATE_LABELS = {
    ProposalState.IN_REVIEW: _("In review"),
    ProposalState.CHANGES_REQUESTED: _("Changes requested"),
    ProposalState.SCHEDULED: _("Approved, publication scheduled"),
    ProposalState.PUBLISHED: _("Published"),
    ProposalState.DRAFT: _("Draft, not in review"),
}


@dataclass(frozen=True)
class Proposal:
    """One proposal as its author sees it."""

    page: GoodPracticePage
    state: str
    step: str = ""
    comment: str = ""
    go_live_at: datetime | None = None

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])


def proposals_of(user) -> list[Proposal]:
    """The person's proposals, newest first, with their review state.

    Two queries however many proposals there are: the pages, then their latest
    workflow states with the current task and its comment.
    """
    pages = list(
        GoodPracticePage.objects.filter(proposed_by=user)
        .defer_streamfields()
        .select_related("locale")
        .order_by("-latest_revision_created_at", "-pk")
    )
    if not pages:
        return []
    states: dict[str, WorkflowState] = {}
    for state in (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(page.pk) for page in pages],
        )
        .select_related("current_task_state__task")
        .order_by("created_at", "pk")
    ):
        states[state.object_id] = state  # the latest wins
    return [_proposal(page, states.get(str(page.pk))) for page in pages]


def _proposal(page: GoodPracticePage, state: WorkflowState | None) -> Proposal:
    if page.live:
        return Proposal(page=page, state=ProposalState.PUBLISHED)
    task_state = state.current_task_state if state else None
    step = task_state.task.name if task_state else ""
    if state is None or state.status == WorkflowState.STATUS_CANCELLED:
        return Proposal(page=page, state=ProposalState.DRAFT)
    if state.status == WorkflowState.STATUS_IN_PROGRESS:
        return Proposal(page=page, state=ProposalState.IN_REVIEW, step=step)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return Proposal(
            page=page,
            state=ProposalState.CHANGES_REQUESTED,
            step=step,
            comment=task_state.comment if task_state else "",
        )
    return Proposal(
        page=page, state=ProposalState.SCHEDULED, go_live_at=page.go_live_at
    )


def proposals_personal_data(*, user) -> list[dict[str, Any]]:
    """The person's proposals for "Download my data": title, language, when they
    proposed it and what became of it (with the reviewers' comment to them). Three
    queries however many proposals there are."""
    proposals = proposals_of(user)
    if not proposals:
        return []
    proposed_at = dict(
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(proposal.page.pk) for proposal in proposals],
        )
        .values("object_id")
        .annotate(first=Min("created_at"))
        .values_list("object_id", "first")
    )
    return [
        {
            "title": proposal.page.title,
            "language": proposal.page.locale.language_code,
            "proposed_at": proposed_at.get(str(proposal.page.pk)),
            "last_changed_at": proposal.page.latest_revision_created_at,
            "state": proposal.state,
            "live": proposal.page.live,
            "review_step": proposal.step,
            "review_comment": proposal.comment,
            "go_live_at": proposal.go_live_at,
            "first_published_at": proposal.page.first_published_at,
        }
        for proposal in proposals
    ]
