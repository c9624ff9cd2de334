"""The site search's "Cities and organisations" group (``core_search_groups`` hook).

Organisations have no language of their own: their names are indexed with the
site's default language, and names in other languages (``OrganisationName``)
match by substring, so "München" finds Munich on /de/.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.search import SearchGroup, SearchHit, highlight, matching_pks

from .models import Organisation, OrganisationName
from .pages import LISTED_STATUSES, NetworkIndexPage, _display_name_subquery


def organisation_search_group(*, request, query, locale) -> SearchGroup | None:
    """Listed organisations (members and applicants) matching the query, linked to
    their profiles; nothing without a network directory page in this language."""
    directory = NetworkIndexPage.objects.live().filter(locale=locale).first()
    if directory is None:
        return None
    matches = matching_pks(Organisation.objects.all(), query)
    translated = OrganisationName.objects.filter(name__icontains=query).values(
        "organisation_id"
    )
    results = (
        Organisation.objects.filter(membership__status__in=LISTED_STATUSES)
        .filter(Q(pk__in=matches) | Q(name__icontains=query) | Q(pk__in=translated))
        .annotate(display_name=_display_name_subquery())
        .order_by("display_name", "pk")
    )

    def to_hits(organisations) -> list[SearchHit]:
        return [
            SearchHit(
                title=highlight(organisation.display_name, query),
                url=directory.organisation_url(request, organisation.slug),
                snippet=highlight(organisation.description[:300], query),
                meta=" · ".join(
                    str(part)
                    for part in (
                        organisation.get_kind_display(),
                        organisation.country.name,
                    )
                    if part
                ),
            )
            for organisation in organisations
        ]

    return SearchGroup(
        key="cities",
        title=_("Cities and organisations"),
        results=results,
        to_hits=to_hits,
        more_url=directory.get_url(request) or "",
        order=30,
    )
