"""What editors see of translations: a report with a column per language, and a
page's own overview with what its original changed and the actions on it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.bidi import isolate
from core.params import paginate

from .status import translation_mark_current, translation_overview, translation_source

FILTERS = {
    "": _("All pages"),
    "out_of_date": _("With a translation out of date"),
    "missing": _("Not in every language"),
}


def _may_edit(user, page: Page) -> bool:
    return page.permissions_for_user(user).can_edit()


def originals_for(user):
    """The default-language pages below the root that ``user`` may edit, in tree
    order."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change"]
    )
    return (
        editable.filter(locale=Locale.get_default(), depth__gt=1)
        .select_related("content_type")
        .order_by("path")
    )


class TranslationReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every page in the default language with a column per language: up to
    date, out of date, draft, or not translated."""

    template_name = "core/admin/translations.html"
    page_title = _("Translations")
    header_icon = "globe"
    paginate_by = 50

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm("wagtailadmin.access_admin"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = self.request.GET.get("state", "")
        chosen = chosen if chosen in FILTERS else ""
        pages = list(originals_for(self.request.user))
        overview = translation_overview(pages)
        rows = [
            {"page": page, "languages": overview[page.pk]}
            for page in pages
            if _matches(overview[page.pk], chosen)
        ]
        page = paginate(self.request, rows, self.paginate_by)
        context.update(
            {
                "page": page,
                "rows": page.object_list,
                "languages": overview[pages[0].pk] if pages else [],
                "filters": [
                    {"value": value, "label": label, "current": value == chosen}
                    for value, label in FILTERS.items()
                ],
                "state": chosen,
            }
        )
        return context


def _matches(statuses, chosen: str) -> bool:
    if chosen == "out_of_date":
        return any(status.state == "out_of_date" for status in statuses)
    if chosen == "missing":
        return any(status.state == "missing" for status in statuses)
    return True


class PageTranslationsView(WagtailAdminTemplateMixin, TemplateView):
    """One page in every language: which translations exist, which follow the
    original, what the original changed since and links to compare and edit."""

    template_name = "core/admin/page_translations.html"
    header_icon = "globe"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        self.original = translation_source(page) or page
        if not _may_edit(request.user, page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Translations of “%(title)s”") % {
            "title": self.original.get_admin_display_title()
        }

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("core_translations"), "label": _("Translations")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses = translation_overview([self.original])[self.original.pk]
        version = self.original.live_revision_id or self.original.latest_revision_id
        for status in statuses:
            status.may_edit = status.page is not None and _may_edit(
                self.request.user, status.page
            )
            status.compare_url = (
                reverse(
                    "wagtailadmin_pages:revisions_compare",
                    args=[self.original.pk, status.source_revision_id, version],
                )
                if status.state in ("out_of_date", "draft")
                and status.source_revision_id
                and version
                and status.source_revision_id != version
                else ""
            )
        context.update(
            {
                "original": self.original,
                "statuses": statuses,
                "translate_url": reverse(
                    "simple_translation:submit_page_translation",
                    args=[self.original.pk],
                ),
            }
        )
        return context


@require_POST
def translation_current(request: HttpRequest, page_id: int) -> HttpResponse:
    """An editor says a translation needs no change for its original's new
    version."""
    page = get_object_or_404(Page, pk=page_id)
    if not _may_edit(request.user, page) or translation_source(page) is None:
        raise PermissionDenied
    translation_mark_current(page=page, user=request.user, explicit=True)
    messages.success(
        request,
        _("The %(language)s translation is marked as up to date.")
        % {"language": isolate(page.locale.get_display_name())},
    )
    return redirect("core_page_translations", page_id=page_id)
