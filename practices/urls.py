"""Proposals and feeds of good practices, under the language prefix (/en/, /de/).

They come before Wagtail's page serving in config/urls.py, so they win over a page
that happens to have the same path.
"""

from django.urls import path

from . import feeds, views

urlpatterns = [
    path("practices/propose/", views.practice_propose, name="practice_propose"),
    path("practices/my-proposals/", views.proposal_list, name="practice_proposals"),
    path("practices/feed/rss/", feeds.GoodPracticeFeed(), name="practice_feed_rss"),
    path(
        "practices/feed/atom/",
        feeds.GoodPracticeAtomFeed(),
        name="practice_feed_atom",
    ),
    path(
        "practices/feed/<slug:cluster>/rss/",
        feeds.GoodPracticeFeed(),
        name="practice_cluster_feed_rss",
    ),
    path(
        "practices/feed/<slug:cluster>/atom/",
        feeds.GoodPracticeAtomFeed(),
        name="practice_cluster_feed_atom",
    ),
]
