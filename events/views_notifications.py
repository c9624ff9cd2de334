"""A signed-in person's notifications: what was sent to them, and what they want
to hear about."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from community.models import Region
from core.forms import LocalizedModelMultipleChoiceField
from core.models import Cluster

from . import notifications
from .models import Notification, NotificationState

PER_PAGE = 25


class LocalizedChoiceField(LocalizedModelMultipleChoiceField):
    """Default-language rows, labelled in the language being read."""

    widget = forms.CheckboxSelectMultiple


class NotificationPreferencesForm(forms.Form):
    event_reminders = forms.BooleanField(
        label=_("Reminders a week and a day before events I take part in"),
        required=False,
    )
    weekly_digest = forms.BooleanField(
        label=_("A weekly e-mail with new events"),
        help_text=_("Only events in the themes and regions you tick below."),
        required=False,
    )
    clusters = LocalizedChoiceField(
        label=_("Themes for the weekly e-mail"),
        help_text=_("Tick none to hear about every theme."),
        queryset=Cluster.objects.none(),
        required=False,
    )
    regions = LocalizedChoiceField(
        label=_("Regions for the weekly e-mail"),
        help_text=_("Tick none to hear about every region."),
        queryset=Region.objects.none(),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["clusters"].queryset = Cluster.objects.filter(locale=default)
        self.fields["regions"].queryset = Region.objects.filter(locale=default)


@login_required
def notification_list(request):
    """Every notice written for the person, newest first (25 a page)."""
    rows = (
        Notification.objects.filter(recipient=request.user)
        .select_related("event")
        .only(
            "kind",
            "state",
            "subject",
            "created_at",
            "sent_at",
            "event__title",
            "event__url_path",
        )
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    items = [
        {
            "notification": notification,
            "kind": notifications.KIND_LABELS.get(notification.kind, notification.kind),
            "sent": notification.state == NotificationState.SENT,
        }
        for notification in page.object_list
    ]
    return render(
        request,
        "events/notification_list.html",
        {"page": page, "items": items},
    )


@login_required
def notification_preferences(request):
    """Choose reminders and the weekly digest. Mails about one's own applications
    and events are always sent."""
    current = notifications.notification_preferences_for(request.user)
    if request.method == "POST":
        form = NotificationPreferencesForm(request.POST)
        if form.is_valid():
            notifications.notification_preferences_update(
                user=request.user, **form.cleaned_data
            )
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
    return render(request, "events/notification_preferences.html", {"form": form})
