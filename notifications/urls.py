"""Notification pages of a signed-in user (what was sent, preferences), under the
language prefix."""

from django.urls import path

from . import onboarding, views

urlpatterns = [
    path("welcome/", onboarding.onboarding, name="onboarding"),
    path("welcome/city/", onboarding.onboarding_city, name="onboarding_city"),
    path("welcome/themes/", onboarding.onboarding_themes, name="onboarding_themes"),
    path(
        "welcome/languages/",
        onboarding.onboarding_languages,
        name="onboarding_languages",
    ),
    path("welcome/skip/", onboarding.onboarding_skip, name="onboarding_skip"),
    path("notifications/", views.notification_list, name="notification_list"),
    path(
        "notifications/preferences/",
        views.notification_preferences,
        name="notification_preferences",
    ),
]
