"""The admin URLs of the organisers' tools (names and paths are what links use)."""

from django.urls import path

from wagtail import hooks

from . import applicants, check_in, decisions, invitations, outbox

APPLICANTS = "events/applicants/<id:event_id>/"
OUTBOX = "events/outbox/<id:event_id>/"
URLS = [
    ("events/applicants/", applicants.ApplicantsIndexView, "events_applicants_index"),
    (APPLICANTS, applicants.ApplicantListView, "events_applicants"),
    (APPLICANTS + "bulk/", decisions.BulkTransitionView, "events_applicants_bulk"),
    (APPLICANTS + "<id:pk>/", decisions.ApplicantDetailView, "events_applicant"),
    (APPLICANTS + "check-in/", check_in.CheckInView, "events_check_in"),
    (APPLICANTS + "invitations/", invitations.InvitationsView, "events_invitations"),
    ("events/outbox/", outbox.OutboxIndexView, "events_outbox_index"),
    (OUTBOX, outbox.EventOutboxView, "events_outbox"),
    (OUTBOX + "message/", outbox.MessageParticipantsView, "events_message"),
    (OUTBOX + "cancel/", outbox.CancelEventView, "events_cancel"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    action = check_in.CheckInActionView.as_view
    return [
        *(path(route, view.as_view(), name=name) for route, view, name in URLS),
        path(
            APPLICANTS + "check-in/<id:pk>/",
            action(action="check_in"),
            name="events_check_in_action",
        ),
        path(
            APPLICANTS + "no-show/<id:pk>/",
            action(action="no_show"),
            name="events_no_show",
        ),
        path(
            OUTBOX + "retry/<id:pk>/", outbox.outbox_retry, name="events_outbox_retry"
        ),
    ]
