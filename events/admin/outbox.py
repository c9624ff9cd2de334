"""An event's outbox and messages to participants.

Organisers see an event's notices that are failed, waiting or being sent, with the
reason, and send failed ones again; they write to the participants (all or by
state) through the same outbox, and cancel an event with a reason; both only
after confirming how many people they e-mail (``base.ConfirmMailMixin``). The outbox
itself (rows, states, sending) is the ``notifications`` app; a person's notices in
"Download my data" and on account deletion are handled there too
(``notifications.personal_data``).
"""

import uuid

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages

from core.params import paginate
from notifications.models import Notification, NotificationState
from notifications.outbox import NotificationError
from notifications.selectors import (
    labelled,
    notification_counts,
    page_notifications,
    with_notification_counts,
)

from .. import announcements, permissions
from ..models import EventPage
from ..models.registrations import ACTIVE_STATES
from .base import ConfirmMailMixin, EventAdminMixin, ManagedEventsView
from .forms import CancelForm, MessageForm


class OutboxIndexView(ManagedEventsView):
    """The events the user manages whose notices failed or wait, worst first."""

    template_name = "events/admin/outbox_index.html"
    page_title = _("Outbox")
    header_icon = "mail"

    def annotate_events(self, events):
        return with_notification_counts(events).order_by(
            "-failed", "-waiting", F("starts_at").desc(nulls_first=True)
        )


class OutboxMixin(EventAdminMixin):
    header_icon = "mail"
    outbox_tabs = True


class EventOutboxView(OutboxMixin, TemplateView):
    """One event's notices that failed, wait or are being sent (``?all=1``: every
    notice), with the reason and "Send again" for failed ones."""

    template_name = "events/admin/outbox.html"
    page_title = _("Outbox")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_all = self.request.GET.get("all") == "1"
        rows = page_notifications(self.event.pk, show_all=show_all)
        page = paginate(self.request, rows, 100)
        context.update(
            page=page,
            rows=labelled(page.object_list),
            show_all=show_all,
            counts=notification_counts(self.event.pk),
        )
        return context


@require_POST
def outbox_retry(request: HttpRequest, event_id: int, pk: int) -> HttpResponse:
    """Send one failed notice again, or every failed notice of the event (pk 0)."""
    event = get_object_or_404(EventPage, pk=event_id)
    if not permissions.can_manage_event(request.user, event):
        raise PermissionDenied
    failed = Notification.objects.filter(page=event, state=NotificationState.FAILED)
    retried = 0
    for notification in failed if pk == 0 else failed.filter(pk=pk):
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


class OutboxFormView(ConfirmMailMixin, OutboxMixin, FormView):
    """A form that calls one service of ``events.announcements`` and says so, once
    the organiser has confirmed how many people it e-mails (``ConfirmMailMixin``);
    "Change" on the confirmation page brings the form back as it was filled in."""

    failure_message = ""
    edit_label = _("Change")

    def run(self, form) -> str:
        """Calls the service; returns the message for the organiser."""
        raise NotImplementedError

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if "edit" in request.POST:
            return self.render_to_response(self.get_context_data(form=self.get_form()))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not self.is_confirmed():
            return self.ask_to_confirm(form)
        try:
            done = self.run(form)
        except NotificationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, done)
        return redirect("events_outbox", event_id=self.event.pk)

    def form_invalid(self, form):
        messages.error(self.request, self.failure_message)
        return super().form_invalid(form)


class MessageParticipantsView(OutboxFormView):
    """Write to all participants of an event, or those in some states."""

    template_name = "events/admin/message_participants.html"
    page_title = _("Message participants")
    form_class = MessageForm
    failure_message = _("The message was not sent.")

    def get_initial(self):
        # A new key per form: the same form sent twice sends one message.
        return {"message_key": uuid.uuid4().hex}

    def confirmation(self, form) -> dict:
        states = form.cleaned_data["states"]
        labels = dict(form.fields["states"].choices)
        return {
            "recipients": announcements.message_recipients(
                event=self.event, states=states
            ),
            "facts": [
                (
                    _("Write to"),
                    ", ".join(str(labels[state]) for state in states)
                    or gettext("Everyone still taking part"),
                ),
                (_("Subject"), form.cleaned_data["subject"]),
                (_("Message"), form.cleaned_data["body"]),
            ],
            "confirm_label": gettext("Send the message"),
            "edit_label": self.edit_label,
        }

    def run(self, form) -> str:
        count = announcements.event_message_participants(
            event=self.event, actor=self.request.user, **form.cleaned_data
        )
        return gettext("Your message goes to %(count)s people.") % {"count": count}


class CancelEventView(OutboxFormView):
    """Cancel the event with a reason: the page says so and every active
    participant gets an e-mail."""

    template_name = "events/admin/cancel_event.html"
    page_title = _("Cancel event")
    form_class = CancelForm
    failure_message = _("The event was not cancelled.")

    def confirmation(self, form) -> dict:
        return {
            "recipients": announcements.message_recipients(
                event=self.event, states=ACTIVE_STATES
            ),
            "facts": [
                (_("Write to"), gettext("Everyone still taking part")),
                (_("Why is the event cancelled?"), form.cleaned_data["reason"]),
            ],
            "notes": [
                gettext(
                    "Cancelling cannot be undone: the event page will say that the "
                    "event is cancelled."
                )
            ],
            "confirm_label": gettext("Cancel the event"),
            "edit_label": self.edit_label,
        }

    def run(self, form) -> str:
        announcements.event_cancel(
            event=self.event,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        )
        return gettext("The event is cancelled; the participants are being told.")
