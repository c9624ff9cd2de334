"""Peer-exchange pages: a city's requests, offers and the public outcomes page."""

from django.urls import path

from . import views

urlpatterns = [
    path("exchanges/", views.my_requests, name="exchange_my_requests"),
    path("exchanges/new/", views.exchange_create, name="exchange_create"),
    path("exchanges/<id:pk>/", views.exchange_detail, name="exchange_detail"),
    path("exchanges/<id:pk>/edit/", views.exchange_edit, name="exchange_edit"),
    path(
        "exchanges/<id:pk>/do/<slug:action>/",
        views.exchange_action,
        name="exchange_action",
    ),
    path("exchanges/<id:pk>/framing/", views.exchange_frame, name="exchange_frame"),
    path(
        "exchanges/<id:pk>/checkpoint/",
        views.exchange_checkpoint,
        name="exchange_checkpoint",
    ),
    path(
        "exchanges/<id:pk>/feedback/",
        views.exchange_feedback,
        name="exchange_feedback",
    ),
    path(
        "exchanges/invitations/<id:pk>/",
        views.invitation,
        name="exchange_invitation",
    ),
    path("exchanges/offers/", views.offers, name="exchange_offers"),
    path("exchanges/offers/<id:pk>/end/", views.offer_end, name="exchange_offer_end"),
    path("exchanges/open/", views.open_requests, name="exchange_open_requests"),
    path(
        "exchanges/open/<id:pk>/volunteer/",
        views.volunteer,
        name="exchange_volunteer",
    ),
    path("exchanges/outcomes/", views.outcomes, name="exchange_outcomes"),
]
