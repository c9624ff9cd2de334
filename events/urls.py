"""Public event URLs under the language prefix (/en/, /de/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("events/<id:event_id>/apply/", views.event_apply, name="event_apply"),
    path("events/<id:event_id>/confirm/", views.event_confirm, name="event_confirm"),
    path(
        "events/<id:event_id>/withdraw/",
        views.event_withdraw,
        name="event_withdraw",
    ),
    path(
        "events/<id:event_id>/calendar.ics",
        views.event_calendar,
        name="event_calendar",
    ),
    path("events/calendar.ics", views.events_calendar, name="events_calendar"),
    path(
        "events/calendar/<slug:cluster>.ics",
        views.events_calendar,
        name="events_cluster_calendar",
    ),
    path("events/mine/", views.my_events, name="my_events"),
]
