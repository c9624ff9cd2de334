"""What the knowledge base adds to other pages: the home page's latest practices, a
city profile's practices, the site search's "Good practices" group and the
practices recommended on a person's dashboard; and a proposer's proposals in
"Download my data" and account deletion."""

from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail import hooks

from community.dashboard import (
    DASHBOARD_SECTIONS_HOOK,
    DashboardSection,
    Member,
    recommend,
    recommendation_section,
)
from community.pages import ORGANISATION_SECTIONS_HOOK
from community.services import PERSONAL_DATA_HOOK, USER_DELETED_HOOK
from core.models import HOME_SECTIONS_HOOK, home_section
from core.search import (
    SEARCH_GROUPS_HOOK,
    SearchGroup,
    meta_line,
    page_search_group,
)
from core.sections import for_everyone

from .models import GoodPracticeIndexPage, GoodPracticePage
from .proposals import proposals_personal_data
from .selectors import latest_practices, practices_of_organisation
from .services import proposals_account_deleted


def _index_page(locale_id: int):
    return GoodPracticeIndexPage.objects.live().filter(locale_id=locale_id).first()


@hooks.register(HOME_SECTIONS_HOOK)
def home_latest_practices(*, page, request) -> dict | None:
    """The three newest practices in the home page's language, when there are any."""
    return home_section(
        items=latest_practices(locale_id=page.locale_id),
        template="practices/home_section.html",
        title=_("Latest good practices"),
        index_model=GoodPracticeIndexPage,
        page=page,
        request=request,
    )


@hooks.register(DASHBOARD_SECTIONS_HOOK)
def recommended_practices(*, request, member: Member) -> DashboardSection:
    """Practices in the reader's language from the person's city, region or
    themes, newest first within each (one query)."""
    city = None
    if member.organisation is not None:
        city = Q(
            pk__in=GoodPracticePage.objects.filter(cities=member.organisation).values(
                "pk"
            )
        )
    practices = recommend(
        GoodPracticePage.objects.live()
        .public()
        .filter(locale_id=member.locale_id)
        .defer_streamfields(),
        theme=member.theme_q(),
        region=member.region_q(),
        city=city,
    )
    return recommendation_section(
        key="recommended-practices",
        title=_("Good practices"),
        pages=practices,
        request=request,
        order=10,
    )


@hooks.register(ORGANISATION_SECTIONS_HOOK)
@for_everyone
def organisation_practices(*, organisation, page, request) -> dict | None:
    """A city profile's good practices, in the profile's language."""
    practices = practices_of_organisation(organisation, locale_id=page.locale_id)
    if not practices:
        return None
    index = _index_page(page.locale_id)
    return {
        "template": "practices/organisation_section.html",
        "title": _("Good practices"),
        "items": [
            {"title": practice.title, "url": practice.get_url(request)}
            for practice in practices
        ],
        "more_url": (
            f"{index.get_url(request)}?{urlencode({'city': organisation.slug})}"
            if index
            else ""
        ),
    }


@hooks.register(SEARCH_GROUPS_HOOK)
def practice_search_group(*, request, query, locale) -> SearchGroup:
    """Good practices in the language of the search."""
    return page_search_group(
        request=request,
        query=query,
        locale=locale,
        page_model=GoodPracticePage,
        index_model=GoodPracticeIndexPage,
        key="practices",
        title=_("Good practices"),
        order=10,
        meta=lambda practice: meta_line(practice.country.name, practice.start_year),
    )


@hooks.register(PERSONAL_DATA_HOOK)
def practices_personal_data(*, user) -> dict:
    return {"practices": {"proposals": proposals_personal_data(user=user)}}


@hooks.register(USER_DELETED_HOOK)
def practices_user_deleted(*, user, former) -> None:
    proposals_account_deleted(user=user)
