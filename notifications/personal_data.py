"""A person's notices and preferences, for "Download my data" and account
deletion (the community app's hooks)."""

from wagtail import hooks

from community.services import PERSONAL_DATA_HOOK, USER_DELETED_HOOK

from .models import Notification, NotificationPreferences


def notifications_personal_data(*, user) -> dict:
    """The ``community_personal_data`` part: notices sent to the person and their
    preferences."""
    preferences = NotificationPreferences.objects.filter(user=user).first()
    return {
        "notifications": [
            {
                "kind": n.kind,
                "subject": n.subject,
                "language": n.language,
                "state": n.state,
                "created_at": n.created_at,
                "sent_at": n.sent_at,
            }
            for n in Notification.objects.filter(recipient=user).order_by("created_at")
        ],
        "notification_preferences": None
        if preferences is None
        else {
            "weekly_digest": preferences.weekly_digest,
            "event_reminders": preferences.event_reminders,
            "clusters": [c.name for c in preferences.clusters.all()],
            "regions": [r.name for r in preferences.regions.all()],
        },
    }


@hooks.register(PERSONAL_DATA_HOOK)
def _personal_data(*, user):
    return notifications_personal_data(user=user)


@hooks.register(USER_DELETED_HOOK)
def notifications_user_deleted(*, user, former):
    """Notices hold names, events and messages: they go with the account."""
    Notification.objects.filter(recipient=user).delete()
    NotificationPreferences.objects.filter(user=user).delete()
