"""The form of a person's notification preferences."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from community.models import Region
from core.forms import LocalizedModelMultipleChoiceField
from core.models import Cluster


class LocalizedChoiceField(LocalizedModelMultipleChoiceField):
    """Default-language rows, labelled in the language being read."""

    widget = forms.CheckboxSelectMultiple


class ThemesAndRegionsForm(forms.Form):
    """A form with ``clusters`` and ``regions`` fields: both offer the
    default-language rows, read when the form is made."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["clusters"].queryset = Cluster.objects.filter(locale=default)
        self.fields["regions"].queryset = Region.objects.filter(locale=default)


class NotificationPreferencesForm(ThemesAndRegionsForm):
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


class OnboardingInterestsForm(ThemesAndRegionsForm):
    """A new member's themes and regions: the themes are their expertise (the
    dashboard recommends from it) and, with the regions, what the weekly e-mail
    lists. No new fields: the profile's and the preferences' own."""

    clusters = LocalizedChoiceField(
        label=_("Your themes"),
        help_text=_("What you work on. We recommend practices, projects and events."),
        queryset=Cluster.objects.none(),
        required=False,
    )
    regions = LocalizedChoiceField(
        label=_("Regions you want to hear about"),
        help_text=_("Tick none to hear about every region."),
        queryset=Region.objects.none(),
        required=False,
    )
    weekly_digest = forms.BooleanField(
        label=_("Send me a weekly e-mail with new events in these themes and regions"),
        required=False,
    )
