"""Writes of the projects app that other apps ask for.

A supported project is written by editors in the page editor; what other apps may
do is start one: ``project_draft_create`` puts a prefilled draft (never live) under
the project index of the default language, with its cities, milestones and story
sections, for an editor to review and publish through the usual workflow. The peer
exchanges app drafts a closed case's story with it. Refusals raise
``ProjectError`` with a message for the person who asked.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from community.models import Organisation
from core.errors import DomainError
from core.models import Cluster, FieldOfAction

from .models import (
    ProjectCity,
    ProjectMilestone,
    Stage,
    SupportedProjectPage,
)
from .selectors import default_project_index

TEASER_MAX = SupportedProjectPage._meta.get_field("teaser").max_length
MILESTONE_TITLE_MAX = ProjectMilestone._meta.get_field("title").max_length


class ProjectError(DomainError):
    """A draft the rules of supported projects do not allow."""


@dataclass(frozen=True)
class StorySection:
    """A section of the story: the body block (``initial_situation``,
    ``learning_experience``, ``project_ideas`` or ``results``), its heading and
    plain text (each line becomes a paragraph)."""

    block: str
    heading: str
    text: str


@dataclass(frozen=True)
class Milestone:
    """A step for the timeline: when, what kind (``MilestoneKind``) and what."""

    day: date
    kind: str
    title: str


def _rich_text(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line)


@transaction.atomic
def project_draft_create(
    *,
    actor,
    title: str,
    slug: str,
    teaser: str,
    cluster: Cluster | None = None,
    field_of_action: FieldOfAction | None = None,
    stage: str = Stage.IDEA,
    origin_note: str = "",
    cities: Sequence[tuple[Organisation, str]] = (),
    milestones: Sequence[Milestone] = (),
    sections: Sequence[StorySection] = (),
) -> SupportedProjectPage:
    """A draft supported project under the default language's project index, with
    a first revision by ``actor``. ``cities`` are ``(organisation, CityRole)``
    pairs, each organisation once; ``stage`` is a ``Stage`` and each milestone's
    kind a ``MilestoneKind``. The caller decides who may do this."""
    index = default_project_index()
    if index is None:
        raise ProjectError(_("There is no project index page yet to put it under."))
    if SupportedProjectPage.objects.child_of(index).filter(slug=slug).exists():
        raise ProjectError(
            _("A supported project with the address “%(slug)s” exists already.")
            % {"slug": slug}
        )
    page = SupportedProjectPage(
        title=title,
        slug=slug,
        teaser=teaser[:TEASER_MAX],
        cluster=cluster,
        field_of_action=field_of_action,
        stage=stage,
        origin_note=origin_note,
        live=False,
        body=[
            (
                section.block,
                {"heading": section.heading, "text": _rich_text(section.text)},
            )
            for section in sections
        ],
    )
    page.city_roles = [
        ProjectCity(organisation=organisation, role=role)
        for organisation, role in cities
    ]
    page.milestones = [
        ProjectMilestone(
            date=milestone.day,
            kind=milestone.kind,
            title=milestone.title[:MILESTONE_TITLE_MAX],
        )
        for milestone in milestones
    ]
    index.add_child(instance=page)
    page.save_revision(user=actor)
    return page
