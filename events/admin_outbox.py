"""An event's outbox and messages to participants in the Wagtail admin.

Organisers (``events.permissions.can_manage_event``) see an event's notices that
are failed, waiting or being sent, with the reason, and send failed ones again;
they write to the participants (all or by state) through the same outbox, and
cancel an event with a reason. The outbox itself (rows, states, sending) is the
``notifications`` app; a person's notices in "Download my data" and on account
deletion are handled there too (``notifications.personal_data``).
"""

import uuid

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus import MenuItem as ActionMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from notifications.models import Notification, NotificationState
from notifications.outbox import NotificationError
from notifications.selectors import labelled, notification_counts, page_notifications

from . import announcements, permissions
from .admin_registrations import EVENTS_MENU_HOOK, EventAdminMixin
from .models import EventPage, RegistrationState
from .models.registrations import ACTIVE_STATES


class OutboxTabsMixin(EventAdminMixin):
    """The organisers' tabs of an event, with the outbox tools added."""

    header_icon = "mail"

    def tabs(self) -> list[dict]:
        tabs = super().tabs()
        pk = self.event.pk
        current = self.request.path
        for label, url in (
            (_("Outbox"), reverse("events_outbox", args=(pk,))),
            (_("Message participants"), reverse("events_message", args=(pk,))),
            (_("Cancel event"), reverse("events_cancel", args=(pk,))),
        ):
            tabs.append({"label": label, "url": url, "current": url == current})
        return tabs


class OutboxIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The events the user manages whose notices failed or wait, worst first."""

    template_name = "events/admin/outbox_index.html"
    page_title = _("Outbox")
    header_icon = "mail"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.events = permissions.events_managed_by(request.user)
        if not self.events.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        states = NotificationState
        events = self.events.annotate(
            failed=Count("notifications", filter=Q(notifications__state=states.FAILED)),
            waiting=Count(
                "notifications",
                filter=Q(notifications__state__in=(states.QUEUED, states.SENDING)),
            ),
            sent=Count("notifications", filter=Q(notifications__state=states.SENT)),
        ).order_by("-failed", "-waiting", F("starts_at").desc(nulls_first=True))
        page = Paginator(events, 50).get_page(self.request.GET.get("p"))
        context["page"] = page
        context["events"] = page.object_list
        return context


class EventOutboxView(OutboxTabsMixin, TemplateView):
    """One event's notices that failed, wait or are being sent (``?all=1``: every
    notice), with the reason and "Send again" for failed ones."""

    template_name = "events/admin/outbox.html"
    page_title = _("Outbox")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_all = self.request.GET.get("all") == "1"
        rows = page_notifications(self.event.pk, show_all=show_all)
        page = Paginator(rows, 100).get_page(self.request.GET.get("p"))
        context.update(
            page=page,
            rows=labelled(page.object_list),
            show_all=show_all,
            counts=notification_counts(self.event.pk),
        )
        return context


@require_POST
def outbox_retry(request: HttpRequest, event_id: int, pk: int) -> HttpResponse:
    """Send one failed notice again, or every failed notice of the event."""
    event = get_object_or_404(EventPage, pk=event_id)
    if not permissions.can_manage_event(request.user, event):
        raise PermissionDenied
    failed = Notification.objects.filter(page=event, state=NotificationState.FAILED)
    chosen = failed if pk == 0 else failed.filter(pk=pk)
    retried = 0
    for notification in chosen:
        try:
            announcements.notification_retry(
                notification=notification, actor=request.user
            )
        except NotificationError as error:
            messages.error(request, str(error))
        else:
            retried += 1
    if retried:
        messages.success(
            request,
            ngettext(
                "%(count)s notice will be sent again.",
                "%(count)s notices will be sent again.",
                retried,
            )
            % {"count": retried},
        )
    elif pk:
        messages.error(request, gettext("This notice is not failed any more."))
    return redirect("events_outbox", event_id=event.pk)


class MessageForm(forms.Form):
    states = forms.MultipleChoiceField(
        label=_("Write to"),
        help_text=_("Tick none to write to everyone still taking part."),
        choices=[(state, RegistrationState(state).label) for state in ACTIVE_STATES]
        + [(RegistrationState.ATTENDED, RegistrationState.ATTENDED.label)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Sent as you write it, in one language, to each person separately."
        ),
    )
    message_key = forms.CharField(widget=forms.HiddenInput, max_length=40)


class MessageParticipantsView(OutboxTabsMixin, FormView):
    """Write to all participants of an event, or those in some states."""

    template_name = "events/admin/message_participants.html"
    page_title = _("Message participants")
    form_class = MessageForm

    def get_initial(self):
        # A new key per form: the same form sent twice sends one message.
        return {"message_key": uuid.uuid4().hex}

    def form_valid(self, form):
        try:
            count = announcements.event_message_participants(
                event=self.event, actor=self.request.user, **form.cleaned_data
            )
        except NotificationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("Your message goes to %(count)s people.") % {"count": count},
        )
        return redirect("events_outbox", event_id=self.event.pk)

    def form_invalid(self, form):
        messages.error(self.request, gettext("The message was not sent."))
        return super().form_invalid(form)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the event cancelled?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Every participant reads this in the e-mail, and the event page shows it."
        ),
    )


class CancelEventView(OutboxTabsMixin, FormView):
    """Cancel the event with a reason: the page says so and every active
    participant gets an e-mail."""

    template_name = "events/admin/cancel_event.html"
    page_title = _("Cancel event")
    form_class = CancelForm

    def form_valid(self, form):
        try:
            announcements.event_cancel(
                event=self.event,
                actor=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except NotificationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("The event is cancelled; the participants are being told."),
        )
        return redirect("events_outbox", event_id=self.event.pk)

    def form_invalid(self, form):
        messages.error(self.request, gettext("The event was not cancelled."))
        return super().form_invalid(form)


# --- Wiring: URLs, menu, buttons, hooks


@hooks.register("register_admin_urls")
def register_outbox_admin_urls():
    event = "events/outbox/<id:event_id>/"
    return [
        path("events/outbox/", OutboxIndexView.as_view(), name="events_outbox_index"),
        path(event, EventOutboxView.as_view(), name="events_outbox"),
        path(event + "retry/<id:pk>/", outbox_retry, name="events_outbox_retry"),
        path(
            event + "message/", MessageParticipantsView.as_view(), name="events_message"
        ),
        path(event + "cancel/", CancelEventView.as_view(), name="events_cancel"),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.events_managed_by(request.user).exists()


@hooks.register(EVENTS_MENU_HOOK)
def register_outbox_menu_item():
    return OutboxMenuItem(
        _("Outbox"),
        reverse_lazy("events_outbox_index"),
        name="events-outbox",
        icon_name="mail",
        order=200,
    )


@hooks.register("register_page_header_buttons")
def page_header_outbox_button(page, user, view_name, next_url=None):
    if page.specific_class is not EventPage:
        return
    if not permissions.can_manage_event(user, page.specific):
        return
    yield ActionMenuItem(
        _("Outbox and messages"),
        url=reverse("events_outbox", args=(page.specific.canonical.pk,)),
        icon_name="mail",
        priority=27,
    )
