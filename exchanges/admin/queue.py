"""The coordinators' queue of peer exchanges: the cases in their scope per state,
with ageing (days in state); cases waiting for them first, the longest waiting on
top, finished cases last (``selectors.queue``)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import permissions as rules
from .. import selectors
from ..models import ExchangeState


class ExchangeQueueView(WagtailAdminTemplateMixin, TemplateView):
    """Cases in the coordinator's scope, per state, those needing action first."""

    template_name = "exchanges/admin/queue.html"
    page_title = _("Peer exchanges")
    header_icon = "group"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not rules.may_see_queue(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = selectors.queue_counts(self.request.user)
        state = self.request.GET.get("state") or ""
        if state not in ExchangeState.values:
            state = ""
        cases = list(selectors.queue(self.request.user, state or None)[:200])
        context.update(
            {
                "state": state,
                "tabs": [
                    {"code": code, "label": label, "count": counts.get(code, 0)}
                    for code, label in ExchangeState.choices
                    if code != ExchangeState.DRAFT
                ],
                "total": sum(counts.values()),
                "cases": cases,
            }
        )
        return context


class ExchangesMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.may_see_queue(request.user)
