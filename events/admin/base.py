"""What the organisers' screens share: the event from the URL, the permission
check, the tabs and breadcrumbs, and the confirmation before a bulk e-mail
(``core.admin_confirm``, shown with the event's tabs)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.admin_confirm import ConfirmBeforeActingMixin
from core.params import paginate

from .. import permissions
from ..models import Eligibility, EventPage
from .scope import events_managed_by


def event_or_404(pk: int) -> EventPage:
    """The event's default-language page (registrations point at it)."""
    event = get_object_or_404(EventPage.objects.select_related("locale"), pk=pk)
    return event.canonical


class ManagedEventsView(WagtailAdminTemplateMixin, TemplateView):
    """A page of the events the user manages, for those who manage any;
    ``annotate_events`` counts what the listing shows."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.events = events_managed_by(request.user)
        if not self.events.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def annotate_events(self, events):
        return events

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = paginate(self.request, self.annotate_events(self.events), 50)
        return {**context, "page": page, "events": page.object_list}


class EventAdminMixin(WagtailAdminTemplateMixin):
    """Loads the event from the URL and refuses people who may not manage it."""

    header_icon = "group"
    # The outbox screens add their tools to the tabs.
    outbox_tabs = False

    def dispatch(self, request: HttpRequest, event_id: int, *args, **kwargs):
        self.event = event_or_404(event_id)
        if not permissions.can_manage_event(request.user, self.event):
            raise PermissionDenied
        return super().dispatch(request, event_id, *args, **kwargs)

    @cached_property
    def personal(self) -> bool:
        return permissions.can_see_personal_data(self.request.user, self.event)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("events_applicants_index"), "label": _("Applicants")},
            {
                "url": reverse("events_applicants", args=(self.event.pk,)),
                "label": self.event.title,
            },
        ]
        if self.page_title != _("Applicants"):
            items.append({"url": "", "label": self.page_title})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tabs = self.tabs()
        return {**context, "event": self.event, "personal": self.personal, "tabs": tabs}

    def tabs(self) -> list[dict]:
        tabs = [
            (_("Applicants"), "events_applicants"),
            (_("Check-in"), "events_check_in"),
        ]
        if self.event.eligibility == Eligibility.INVITED:
            tabs.append((_("Invitations"), "events_invitations"))
        if self.outbox_tabs:
            tabs += [
                (_("Outbox"), "events_outbox"),
                (_("Message participants"), "events_message"),
                (_("Cancel event"), "events_cancel"),
            ]
        urls = [(label, reverse(name, args=(self.event.pk,))) for label, name in tabs]
        current = self.request.path
        return [
            {"label": label, "url": url, "current": url == current}
            for label, url in urls
        ]


class ConfirmMailMixin(ConfirmBeforeActingMixin):
    """Nothing that e-mails many people is queued on the first click; the
    confirmation page goes to the same view, so ``EventAdminMixin`` checks again."""

    confirm_template_name = "events/admin/confirm_mail.html"
