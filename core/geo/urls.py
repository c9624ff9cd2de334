"""The locator maps' URL, under the language prefix (their titles are in the
page's language). The base layer has no words and lives outside it (config.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("maps/locator.svg", views.locator_map, name="locator_map"),
]
