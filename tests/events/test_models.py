from datetime import timedelta

from django.utils import timezone

import pytest

from events.models import EventPage
from tests.events.fixtures import make_event
from tests.knowledge_fixtures import locale


@pytest.mark.django_db
def test_event_is_open_only_inside_its_window_and_before_it_starts():
    event = make_event()
    now = timezone.now()
    assert event.applications_are_open(now)
    assert not event.applications_are_open(event.applications_close)
    assert not event.applications_are_open(now - timedelta(days=2))
    event.applications_close = None
    assert not event.applications_are_open(event.starts_at)


@pytest.mark.django_db
def test_translation_points_registrations_at_the_english_original():
    event = make_event()
    german = event.copy_for_translation(locale("de"))
    german.save_revision().publish()
    german = EventPage.objects.get(pk=german.pk)
    assert german.canonical == event
    assert event.canonical == event
    assert german.local_start().tzinfo.key == "Asia/Amman"
