"""A signed-in person's notifications: what was sent to them, and what they want
to hear about."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from core.notices import kind_label

from .forms import NotificationPreferencesForm
from .models import NotificationState
from .preferences import notification_preferences_for, notification_preferences_update
from .selectors import notifications_of
from .services import notifications_mark_read

PER_PAGE = 25


@login_required
def notification_list(request):
    """Every notice written for the person, newest first (25 a page); those shown
    are marked read."""
    rows = notifications_of(request.user)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    items = [
        {
            "notification": notification,
            "kind": kind_label(notification.kind),
            "sent": notification.state == NotificationState.SENT,
            "new": notification.read_at is None,
        }
        for notification in page.object_list
    ]
    # Seen now: shown as new this once, no longer counted in the header.
    notifications_mark_read(
        user=request.user,
        notification_ids=[item["notification"].pk for item in items if item["new"]],
    )
    return render(
        request,
        "notifications/notification_list.html",
        {"page": page, "items": items},
    )


@login_required
def notification_preferences(request):
    """Choose reminders and the weekly digest. Mails about one's own applications
    and events are always sent."""
    current = notification_preferences_for(request.user)
    if request.method == "POST":
        form = NotificationPreferencesForm(request.POST)
        if form.is_valid():
            notification_preferences_update(user=request.user, **form.cleaned_data)
            messages.success(request, gettext("Your preferences have been saved."))
            return redirect("notification_preferences")
    else:
        form = NotificationPreferencesForm(
            initial={
                "weekly_digest": current.weekly_digest,
                "event_reminders": current.event_reminders,
                "clusters": list(current.clusters.all()) if current.pk else [],
                "regions": list(current.regions.all()) if current.pk else [],
            }
        )
    return render(
        request, "notifications/notification_preferences.html", {"form": form}
    )
