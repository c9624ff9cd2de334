"""The list for the door on the day of the event: everyone with a place, a search
box and one big button each. Made for a phone; works without JavaScript."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail.admin import messages

from core.bidi import isolate
from core.params import safe_next

from .. import services
from ..models import RegistrationState
from .base import EventAdminMixin
from .forms import name_or_organisation

# Who is on the check-in list: everyone with a place who may turn up.
S = RegistrationState
CHECK_IN_STATES = (S.ACCEPTED, S.CONFIRMED, S.ATTENDED, S.NO_SHOW)


class CheckInView(EventAdminMixin, TemplateView):
    """Participants by name, with how many came; search by name, organisation
    and, for those who may see it, e-mail address."""

    template_name = "events/admin/check_in.html"
    page_title = _("Check-in")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        window, now = services.check_in_window(self.event), timezone.now()
        participants = self.event.registrations.filter(
            state__in=CHECK_IN_STATES
        ).select_related("user", "organisation")
        counts = participants.aggregate(
            total=Count("pk"),
            attended=Count("pk", filter=Q(state=RegistrationState.ATTENDED)),
        )
        if query:
            condition = name_or_organisation(query)
            if self.personal:
                condition |= Q(user__email__icontains=query)
            participants = participants.filter(condition)
        next_url = self.request.path + ("?" + urlencode({"q": query}) if query else "")
        context.update(
            query=query,
            participants=participants.order_by(
                "user__last_name", "user__first_name", "pk"
            ),
            counts=counts,
            can_mark_no_show=window is not None and now >= window[0],
            check_in_open=window is not None and window[0] <= now < window[1],
            next_url=next_url,
        )
        return context


class CheckInActionView(EventAdminMixin, View):
    """POST only: check one participant in, or mark them as not come."""

    http_method_names = ["post"]
    action = "check_in"

    def post(self, request: HttpRequest, *args, pk: int, **kwargs) -> HttpResponse:
        registration = get_object_or_404(
            self.event.registrations.select_related("user"), pk=pk
        )
        back = safe_next(request, reverse("events_check_in", args=(self.event.pk,)))
        name = registration.user.get_full_name() or str(registration.user)
        if self.action == "check_in":
            service, done = services.registration_check_in, _("%(name)s is checked in.")
        else:
            service = services.registration_mark_no_show
            done = _("%(name)s is marked as not come.")
        try:
            service(registration=registration, actor=request.user)
        except services.EventError as exc:
            messages.error(request, f"{isolate(name)}: {exc}")
        else:
            messages.success(request, done % {"name": isolate(name)})
        return redirect(back)
