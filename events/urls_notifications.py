"""Notification pages of a signed-in user (what was sent, preferences)."""

from django.urls import path

from . import views_notifications as views

urlpatterns = [
    path("notifications/", views.notification_list, name="notification_list"),
    path(
        "notifications/preferences/",
        views.notification_preferences,
        name="notification_preferences",
    ),
]
