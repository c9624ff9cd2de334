"""The admin URLs of the organisers' tools (names and paths are what links use)."""

from django.urls import path

from wagtail import hooks

from .applicants import ApplicantListView, ApplicantsIndexView
from .check_in import CheckInActionView, CheckInView
from .decisions import ApplicantDetailView, BulkTransitionView
from .invitations import InvitationsView
from .outbox import (
    CancelEventView,
    EventOutboxView,
    MessageParticipantsView,
    OutboxIndexView,
    outbox_retry,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    event = "events/applicants/<id:event_id>/"
    outbox = "events/outbox/<id:event_id>/"
    return [
        path(
            "events/applicants/",
            ApplicantsIndexView.as_view(),
            name="events_applicants_index",
        ),
        path(event, ApplicantListView.as_view(), name="events_applicants"),
        path(
            event + "bulk/", BulkTransitionView.as_view(), name="events_applicants_bulk"
        ),
        path(
            event + "<id:pk>/", ApplicantDetailView.as_view(), name="events_applicant"
        ),
        path(event + "check-in/", CheckInView.as_view(), name="events_check_in"),
        path(
            event + "check-in/<id:pk>/",
            CheckInActionView.as_view(action="check_in"),
            name="events_check_in_action",
        ),
        path(
            event + "no-show/<id:pk>/",
            CheckInActionView.as_view(action="no_show"),
            name="events_no_show",
        ),
        path(
            event + "invitations/", InvitationsView.as_view(), name="events_invitations"
        ),
        path("events/outbox/", OutboxIndexView.as_view(), name="events_outbox_index"),
        path(outbox, EventOutboxView.as_view(), name="events_outbox"),
        path(outbox + "retry/<id:pk>/", outbox_retry, name="events_outbox_retry"),
        path(
            outbox + "message/",
            MessageParticipantsView.as_view(),
            name="events_message",
        ),
        path(outbox + "cancel/", CancelEventView.as_view(), name="events_cancel"),
    ]
