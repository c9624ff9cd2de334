"""Writes of the practices app: the editorial workflow and practitioners' proposals.

Functions are keyword-only, run in one transaction and raise ``CommunityError`` with
a message a person can read. Wagtail's own audit log records what happens to pages
(creation, revisions, workflow steps, publication).
"""

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.html import escape, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from community.models import User
from community.services import CommunityError
from core.models import THEME_MISMATCH, theme_mismatch
from notifications.outbox import notify

from .models import GoodPracticeIndexPage, GoodPracticePage

# --- Editorial workflow --------------------------------------------------------------

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Knowledge base review"
# (task name, group that decides it), in order.
WORKFLOW_TASKS = [("Editorial check", EDITORS), ("Publication approval", MODERATORS)]
# Page permissions each group holds on the index pages and everything below them.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page"],
}


@transaction.atomic
def knowledge_base_workflow_ensure(*, index_pages: Iterable[Page]) -> Workflow:
    """Give Editors and Moderators their rights on the knowledge base and put its
    index pages under the two-step "Knowledge base review" workflow.

    Editors add and edit practices and projects and submit them; the "Editorial
    check" step is theirs. Moderators also publish and decide the "Publication
    approval" step; when it passes, Wagtail publishes the page (or schedules it for
    its go-live date). Safe to call again: it gets or creates every row.
    """
    groups = {
        group.name: group for group in Group.objects.filter(name__in=PAGE_PERMISSIONS)
    }
    missing = sorted(set(PAGE_PERMISSIONS) - set(groups))
    if missing:
        raise CommunityError(
            _("The groups %(names)s are missing.") % {"names": ", ".join(missing)}
        )
    page_type = ContentType.objects.get_for_model(Page)
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(content_type=page_type)
    }

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    for order, (task_name, group_name) in enumerate(WORKFLOW_TASKS):
        task = GroupApprovalTask.objects.filter(name=task_name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=task_name)
        elif not task.active:
            task.active = True
            task.save(update_fields=["active"])
        task.groups.set([groups[group_name]])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )

    for page in index_pages:
        for group_name, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[group_name],
                    page_id=page.pk,
                    permission=permissions[codename],
                )
        WorkflowPage.objects.update_or_create(
            page_id=page.pk, defaults={"workflow": workflow}
        )
    return workflow


# --- Practitioners' proposals --------------------------------------------------------

# The story sections a proposal may fill, in the order of GoodPracticeStreamBlock.
PROPOSAL_SECTIONS = [
    "overview",
    "background",
    "objectives",
    "approach",
    "results",
    "lessons",
]
PLAIN_TEXT_FIELDS = ["title", "teaser", "image_alt", "image_credit"]


def plain_text(value: str) -> str:
    """Text a person typed, for a plain-text field: markup removed, spaces tidied.

    Plain-text fields are escaped again wherever they are shown; stripping tags here
    keeps markup out of feeds, the API and e-mails that other people render.
    """
    return re.sub(r"\s+", " ", strip_tags(value or "")).strip()


def rich_text_from_plain(value: str) -> str:
    """Rich text for a story section from what a person typed in a textarea.

    Everything is escaped first (so ``<script>`` stays visible text, never markup);
    blank lines separate paragraphs and single line breaks are kept.
    """
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in part.split("\n")) + "</p>"
        for part in paragraphs
    )


def _index_for(language: str) -> GoodPracticeIndexPage:
    index = (
        GoodPracticeIndexPage.objects.filter(locale__language_code=language)
        .order_by("path")
        .first()
    )
    if index is None:
        index = (
            GoodPracticeIndexPage.objects.filter(locale=Locale.get_default())
            .order_by("path")
            .first()
        )
    if index is None:
        raise CommunityError(
            _("The knowledge base is not open for proposals yet. Please try later.")
        )
    return index


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:200].strip("-") or "proposal"
    taken = set(
        parent.get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def practice_propose(
    *,
    user: User,
    data: Mapping[str, Any],
    image: UploadedFile | None,
    language: str | None = None,
) -> GoodPracticePage:
    """A practitioner proposes a good practice; it becomes a draft in moderation.

    ``data`` holds the validated form fields (title, teaser, city, country, cluster,
    field_of_action, start_year, the story sections, image_alt, image_credit,
    consent). Plain text is stripped of markup, the sections become escaped rich
    text. The draft goes under the good practice index of ``language`` (default: the
    person's preferred language, falling back to the default language), records the
    proposer as owner and ``proposed_by``, and is submitted to the index's workflow.
    Editors and moderators take it from there; the proposer is told the outcome.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise CommunityError(_("Please sign in to propose a good practice."))
    if not data.get("consent"):
        raise CommunityError(_("Please agree that we may publish your text and image."))
    title = plain_text(data.get("title", ""))
    teaser = plain_text(data.get("teaser", ""))
    if not title or not teaser:
        raise CommunityError(_("Please give your practice a title and a teaser."))
    sections = [
        (name, rich_text_from_plain(data.get(name, ""))) for name in PROPOSAL_SECTIONS
    ]
    body = [
        {"type": name, "value": {"heading": "", "text": html}}
        for name, html in sections
        if html
    ]
    if not body:
        raise CommunityError(_("Please describe your practice."))
    city = data.get("city")
    cluster = data.get("cluster")
    field_of_action = data.get("field_of_action")
    if theme_mismatch(cluster, field_of_action):
        raise CommunityError(str(THEME_MISMATCH))

    index = _index_for(language or user.preferred_language or settings.LANGUAGE_CODE)
    workflow = index.get_workflow()
    if workflow is None:
        raise CommunityError(
            _("The knowledge base is not open for proposals yet. Please try later.")
        )

    hero_image = None
    image_alt = plain_text(data.get("image_alt", ""))
    if image is not None:
        hero_image = get_image_model()(
            title=image_alt[:255] or title,
            file=image,
            uploaded_by_user=user,
        )
        hero_image.save()

    page = GoodPracticePage(
        title=title,
        slug=_unique_slug(index, title),
        teaser=teaser,
        hero_image=hero_image,
        hero_alt=image_alt if hero_image else "",
        hero_credit=plain_text(data.get("image_credit", "")) if hero_image else "",
        country=data.get("country") or (city.country if city else ""),
        region=city.region if city else None,
        cluster=cluster,
        field_of_action=field_of_action,
        start_year=data.get("start_year"),
        body=body,
        owner=user,
        proposed_by=user,
        live=False,
    )
    if city is not None:
        page.cities = [city]
    index.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    page.save_revision(user=user, log_action=True)
    workflow.start(page, user)
    return page


@transaction.atomic
def proposals_account_deleted(*, user: User) -> int:
    """A proposer deleted their account: their proposals no longer name them.

    ``proposed_by`` only serves to tell the proposer what became of the proposal;
    with the account gone nobody is to be told, so it is cleared on every proposal,
    published or not (the page keeps it out of revisions, see
    ``GoodPracticePage.with_content_json``). The pages themselves stay in the
    knowledge base and its review: the text and image were given with consent to
    publish them, and Wagtail's owner, revisions and audit log point to the
    pseudonymised account. Returns how many proposals were changed.
    """
    return GoodPracticePage.objects.filter(proposed_by=user).update(proposed_by=None)


# --- Telling the proposer the outcome -------------------------------------------------


class Outcome:
    """What happened to a proposal: the three moments the proposer hears about."""

    APPROVED = "approved"  # both steps passed; publication is scheduled for later
    PUBLISHED = "published"  # the page is live for the first time
    REJECTED = "rejected"  # a reviewer asked for changes


def proposal_notify_outcome(
    *, page: Any, outcome: str, comment: str = "", decision_id: int | None = None
) -> bool:
    """Tell the proposer of ``page`` by e-mail what became of their proposal.

    Called from Wagtail's workflow and publishing signals for every page; does
    nothing (returns False) unless the page is a proposed good practice and the
    outcome is news: "published" only on the first publication, "approved" only
    while publication is still scheduled (otherwise the "published" mail says it).
    The mail goes through the outbox (``proposal_outcome``, rendered in the
    proposer's preferred language by ``practices.mails``) after the transaction
    commits, once per decision: ``decision_id`` is the workflow step that
    decided (the page's latest revision when not given); a publication is told
    once per page.
    """
    # Workflows also run on snippets; only good practice pages concern us.
    page = getattr(page, "specific", page)
    if not isinstance(page, GoodPracticePage) or page.proposed_by_id is None:
        return False
    proposer = page.proposed_by
    if not proposer.is_active or proposer.is_pseudonymised or not proposer.email:
        return False
    if outcome == Outcome.PUBLISHED and (
        not page.live or page.first_published_at != page.last_published_at
    ):
        return False
    if outcome == Outcome.APPROVED and page.live:
        return False
    if outcome not in (Outcome.APPROVED, Outcome.PUBLISHED, Outcome.REJECTED):
        raise ValueError(f"Unknown proposal outcome {outcome!r}")

    key = f"proposal_outcome:{page.pk}:{outcome}"
    if outcome != Outcome.PUBLISHED:
        key += f":{decision_id or page.latest_revision_id}"
    notify(
        recipient=proposer,
        kind="proposal_outcome",
        dedupe_key=key,
        subject_object=page,
        context={
            "outcome": outcome,
            "comment": comment.strip(),
            # As decided: a later change of the schedule is not this mail's news.
            "go_live_at": page.go_live_at.isoformat() if page.go_live_at else "",
        },
    )
    return True
