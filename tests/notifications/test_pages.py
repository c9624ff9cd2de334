"""A person's own notification pages (what was sent to them, what they want to hear
about) and their notices in "Download my data"."""

from django.urls import reverse

from wagtail.models import Locale

import pytest

from community import services as community_services
from core.models import Cluster
from notifications import outbox
from notifications.models import Notification, NotificationPreferences
from tests.events.fixtures import event_index, make_event
from tests.events.helpers import participant
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_personal_data_export_holds_the_notifications():
    registration = participant(make_event(), "accepted")
    outbox.notify(
        recipient=registration.user,
        kind="registration_accepted",
        dedupe_key="export",
        subject_object=registration,
    )
    data = community_services.user_export_data(user=registration.user)
    assert [n["kind"] for n in data["notifications"]] == ["registration_accepted"]


def test_the_notifications_page_lists_only_ones_own(
    client, django_assert_max_num_queries
):
    registration = participant(make_event(), "accepted")
    other = participant(registration.event, "accepted")
    for reg in (registration, other, registration, registration):
        outbox.notify(
            recipient=reg.user,
            kind="registration_accepted",
            dedupe_key=f"page:{reg.pk}:{Notification.objects.count()}",
            subject_object=reg,
        )
    assert client.get("/en/notifications/").status_code == 302  # sign in first
    client.force_login(registration.user)
    # Session, user, the count and one page of rows joined with their events, plus
    # what every page of the site reads (site, locales, settings): the budget is the
    # same for one notice or a page full (the rows come in one query). Marking the
    # new ones read is one more (an UPDATE of the page's rows), and the header's
    # unread count another.
    with django_assert_max_num_queries(12):
        response = client.get("/en/notifications/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 3


def test_preferences_are_saved_and_bad_input_changes_nothing(client):
    event_index()  # the site with its themes
    user = UserFactory()
    client.force_login(user)
    url = reverse("notification_preferences")
    assert client.get(url).status_code == 200
    response = client.post(url, {"weekly_digest": "on", "clusters": ["999999"]})
    assert response.status_code == 200
    assert not NotificationPreferences.objects.filter(user=user).exists()
    cluster = Cluster.objects.filter(locale=Locale.get_default()).first()
    response = client.post(url, {"weekly_digest": "on", "clusters": [cluster.pk]})
    assert response.status_code == 302
    preferences = NotificationPreferences.objects.get(user=user)
    assert preferences.weekly_digest and not preferences.event_reminders
    assert list(preferences.clusters.all()) == [cluster]
