"""What a person wants to hear about beyond their own applications."""

from django.db import transaction

from .models import NotificationPreferences


@transaction.atomic
def notification_preferences_update(
    *,
    user,
    weekly_digest: bool,
    event_reminders: bool,
    clusters=(),
    regions=(),
) -> NotificationPreferences:
    """Save what a person wants to hear about beyond their own applications."""
    preferences, _created = NotificationPreferences.objects.get_or_create(user=user)
    preferences.weekly_digest = bool(weekly_digest)
    preferences.event_reminders = bool(event_reminders)
    preferences.save()
    preferences.clusters.set(clusters)
    preferences.regions.set(regions)
    return preferences


def notification_preferences_for(user) -> NotificationPreferences:
    """The person's preferences, or the defaults (unsaved) if they never chose."""
    return NotificationPreferences.objects.filter(user=user).first() or (
        NotificationPreferences(user=user)
    )
