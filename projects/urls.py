"""Feeds of supported projects, under the language prefix (/en/projects/feed/...)."""

from django.urls import path

from . import feeds

urlpatterns = [
    path(
        "projects/feed/rss/",
        feeds.SupportedProjectFeed(),
        name="project_feed_rss",
    ),
    path(
        "projects/feed/atom/",
        feeds.SupportedProjectAtomFeed(),
        name="project_feed_atom",
    ),
    path(
        "projects/feed/<slug:cluster>/rss/",
        feeds.SupportedProjectFeed(),
        name="project_cluster_feed_rss",
    ),
    path(
        "projects/feed/<slug:cluster>/atom/",
        feeds.SupportedProjectAtomFeed(),
        name="project_cluster_feed_atom",
    ),
]
