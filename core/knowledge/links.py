"""Links from knowledge-base pages to the profiles of the organisations they name."""

from .directory import directory


class OrganisationLinks:
    """Links to organisation profiles on the network directory of one language.

    The directory page is looked up once per request; without one, cities are
    plain text.
    """

    def __init__(self, request, locale_id: int):
        self.request = request
        cache = request.__dict__.setdefault("_cc_network_pages", {})
        if locale_id not in cache:
            cache[locale_id] = (
                directory()
                .index_page.objects.live()
                .public()
                .filter(locale_id=locale_id)
                .first()
            )
        self.page = cache[locale_id]

    def url(self, slug: str) -> str:
        if self.page is None:
            return ""
        return self.page.organisation_url(self.request, slug)
