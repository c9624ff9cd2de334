""" "My Connective Cities": a signed-in person's dashboard.

The page lives here, in the lowest app that knows people, but most of what it
shows belongs to apps above (events, peer exchanges, notifications, practices,
projects). Like the home page's sections, each of those apps registers a function
in ``DASHBOARD_SECTIONS_HOOK`` and this module never imports them. A function gets
the request and a ``Member`` (the person with what recommendations start from,
read once here) and returns a ``DashboardSection``, or None when it has nothing;
a section without items and tasks is left out.

Every function must cost a fixed number of queries however many items it shows;
``tests/community/test_dashboard.py`` holds the whole page to one budget.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import reduce
from operator import or_

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Locale

from core.knowledge.related import RelatedItem

from .models import Affiliation, AffiliationStatus, Organisation, Region, User
from .services import AFFILIATION_EXPIRY_NOTICE

DASHBOARD_SECTIONS_HOOK = "community_dashboard_sections"

# The two groups of sections: the person's own things, and what we recommend.
MINE = "mine"
RECOMMENDED = "recommended"

# How many recommendations each app shows.
RECOMMENDATION_LIMIT = 3


@dataclass
class Task:
    """Something the person should do now, shown at the top of the dashboard.

    ``url`` leads to where it is done (often an anchor in a section below);
    ``urgent`` marks a deadline close by, ``due`` orders the list (soonest
    first, tasks without one last)."""

    text: str
    url: str
    link_text: str
    due: datetime | None = None
    urgent: bool = False


@dataclass
class DashboardSection:
    """One section: a heading, a template that renders ``items`` and the tasks
    the items give rise to. ``order`` places it within its ``group``."""

    key: str
    title: str
    template: str
    items: list
    order: int
    group: str = MINE
    tasks: list[Task] = field(default_factory=list)
    more_url: str = ""
    more_text: str = ""


@dataclass
class Member:
    """The signed-in person and what recommendations start from: their themes
    (default-language clusters from their profile), their city (the organisation
    of a current affiliation, else of a claim waiting for verification) and its
    region. Any of them may be missing. ``locale_id`` is the language read in."""

    user: User
    affiliations: list[Affiliation]
    cluster_ids: list[int]
    organisation: Organisation | None
    region: Region | None
    locale_id: int

    @property
    def has_interests(self) -> bool:
        return bool(self.cluster_ids or self.organisation)

    def theme_q(self, path: str = "cluster") -> Q | None:
        """Rows whose cluster (at ``path``) is one of the person's themes."""
        if not self.cluster_ids:
            return None
        return Q(**{f"{path}_id__in": self.cluster_ids})

    def region_q(self, path: str = "region") -> Q | None:
        """Rows whose region (at ``path``, in any language) is the person's."""
        if self.region is None:
            return None
        return Q(**{f"{path}__translation_key": self.region.translation_key})


def member_for(user: User) -> Member:
    """Read the person's affiliations, themes and the active language (four
    queries)."""
    affiliations = list(
        Affiliation.objects.filter(user=user)
        .select_related("organisation__region")
        .prefetch_related("organisation__names")
    )
    current = [a for a in affiliations if a.is_current]
    waiting = [a for a in affiliations if a.status == AffiliationStatus.CLAIMED]
    home = (current or waiting or [None])[0]
    organisation = home.organisation if home else None
    return Member(
        user=user,
        affiliations=affiliations,
        cluster_ids=list(user.expertise_clusters.values_list("pk", flat=True)),
        organisation=organisation,
        region=organisation.region if organisation else None,
        locale_id=Locale.get_active().pk,
    )


def recommend(
    pages: QuerySet,
    *,
    theme: Q | None,
    region: Q | None,
    city: Q | None,
    then: tuple[str, ...] = ("-first_published_at", "-pk"),
) -> QuerySet:
    """``pages`` that match at least one of the conditions (None: the person has
    no such interest), annotated with which (``cc_theme``, ``cc_region``,
    ``cc_city``) and ordered city first, then region, then theme, then by
    ``then``. Conditions on
    many-to-many relations should be ``pk__in`` subqueries, so a page is listed
    once."""
    conditions = {"cc_theme": theme, "cc_region": region, "cc_city": city}
    given = [condition for condition in conditions.values() if condition is not None]
    if not given:
        return pages.none()
    flags = {
        name: ExpressionWrapper(condition, output_field=BooleanField())
        if condition is not None
        else Value(False)
        for name, condition in conditions.items()
    }
    return (
        pages.filter(reduce(or_, given))
        .annotate(**flags)
        .order_by("-cc_city", "-cc_region", "-cc_theme", *then)
    )


def reasons(*, theme: bool, region: bool, city: bool) -> str:
    """Why something is recommended, as a short line for people."""
    parts = []
    if city:
        parts.append(_("your city"))
    if region:
        parts.append(_("your region"))
    if theme:
        parts.append(_("your themes"))
    if not parts:
        return ""
    return _("Because of %(reasons)s") % {"reasons": ", ".join(parts)}


def recommendation_section(
    *, key: str, title: str, pages: QuerySet, request, order: int
) -> DashboardSection:
    """A part of "Recommended for you": the first ``RECOMMENDATION_LIMIT`` of
    ``pages`` (from ``recommend``) as links that say why they are recommended."""
    return DashboardSection(
        key=key,
        title=title,
        template="community/dashboard/recommended.html",
        items=[
            RelatedItem(
                title=page.title,
                url=page.get_url(request),
                meta=reasons(
                    theme=bool(page.cc_theme),
                    region=bool(page.cc_region),
                    city=bool(page.cc_city),
                ),
            )
            for page in pages[:RECOMMENDATION_LIMIT]
        ],
        order=order,
        group=RECOMMENDED,
    )


@dataclass
class GettingStarted:
    """A step a new member has not taken yet."""

    text: str
    url: str
    link_text: str


def getting_started(member: Member) -> list[GettingStarted]:
    """What a member who has not done so yet should do first: tell us their themes
    (recommendations start from them) and claim their city (member activities
    start from a verified affiliation)."""
    steps = []
    if not member.cluster_ids:
        steps.append(
            GettingStarted(
                text=_(
                    "Tell the network what you work on: choose your themes in your "
                    "profile and we recommend practices, projects and events."
                ),
                url=reverse("profile"),
                link_text=_("Complete your profile"),
            )
        )
    if not any(
        a.status == AffiliationStatus.CLAIMED or a.is_current
        for a in member.affiliations
    ):
        steps.append(
            GettingStarted(
                text=_(
                    "Say which city or organisation you work for. Once a "
                    "coordinator has verified it, you can take part in member "
                    "events and peer exchanges."
                ),
                url=reverse("affiliation_claim"),
                link_text=_("Claim your city"),
            )
        )
    return steps


def dashboard_sections(request, member: Member) -> list[DashboardSection]:
    """Every registered section with something to show, in order."""
    sections = []
    for hook in hooks.get_hooks(DASHBOARD_SECTIONS_HOOK):
        section = hook(request=request, member=member)
        if section and (section.items or section.tasks):
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))


def dashboard_context(request) -> dict:
    """What the dashboard template shows."""
    member = member_for(request.user)
    sections = dashboard_sections(request, member)
    tasks = sorted(
        (task for section in sections for task in section.tasks),
        key=lambda task: (
            not task.urgent,
            task.due is None,
            task.due or timezone.now(),
        ),
    )
    mine = [s for s in sections if s.group == MINE]
    recommended = [s for s in sections if s.group == RECOMMENDED]
    return {
        "member": member,
        "tasks": tasks,
        "sections": mine,
        "recommended": recommended,
        "getting_started": getting_started(member),
        "is_empty": not tasks and not mine,
    }


# --- The community's own section: affiliation claims ------------------------------


def _affiliation_tasks(affiliations: list[Affiliation], now: datetime) -> list[Task]:
    tasks = []
    profile = reverse("profile")
    for affiliation in affiliations:
        name = affiliation.organisation.localized_name
        if affiliation.status == AffiliationStatus.CLAIMED:
            tasks.append(
                Task(
                    text=_(
                        "Your claim to work for %(name)s is waiting for verification. "
                        "If a coordinator asks, tell them how to confirm it."
                    )
                    % {"name": name},
                    url=f"#affiliation-{affiliation.pk}",
                    link_text=_("See your claim"),
                )
            )
        elif (
            affiliation.is_current
            and affiliation.expires_at <= now + AFFILIATION_EXPIRY_NOTICE
        ):
            tasks.append(
                Task(
                    text=_(
                        "Your affiliation with %(name)s expires on %(date)s. Ask your "
                        "coordinator or your city's focal point to renew it."
                    )
                    % {
                        "name": name,
                        "date": date_format(
                            timezone.localdate(affiliation.expires_at), "DATE_FORMAT"
                        ),
                    },
                    url=profile,
                    link_text=_("See your affiliations"),
                    due=affiliation.expires_at,
                    urgent=affiliation.expires_at <= now + timedelta(days=7),
                )
            )
    return tasks


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def affiliation_section(*, request, member: Member) -> DashboardSection | None:
    """The person's open claims and affiliations (no query: ``member`` has them)."""
    now = timezone.now()
    shown = [
        a
        for a in member.affiliations
        if a.status == AffiliationStatus.CLAIMED
        or (a.status == AffiliationStatus.VERIFIED and a.expires_at is not None)
    ]
    return DashboardSection(
        key="affiliations",
        title=_("My affiliations"),
        template="community/dashboard/affiliations.html",
        items=shown,
        order=40,
        tasks=_affiliation_tasks(shown, now),
        more_url=reverse("profile"),
        more_text=_("Manage your affiliations in your profile"),
    )
