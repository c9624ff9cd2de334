"""Signal receivers of the events app (connected in ``EventsConfig.ready``)."""

from django.dispatch import receiver

from wagtail.signals import page_published

from . import announcements, facts
from .models import EventPage


@receiver(page_published, sender=EventPage)
def event_page_published(sender, instance, **kwargs):
    """Every publication of an event, from the editor, the scheduler
    (``publish_scheduled``) or code: the original's facts reach its translations
    (``events.facts.event_facts_published``); changed dates, venue or link, newly
    published documentation and pending invitations reach people through the
    outbox (``events.announcements.event_published``)."""
    facts.event_facts_published(event=instance)
    announcements.event_published(event=instance)
